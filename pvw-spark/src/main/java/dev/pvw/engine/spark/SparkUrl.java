package dev.pvw.engine.spark;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A Spark warehouse's URL: {@code spark:local:DIR} (Spark in this process, an Iceberg JDBC catalog on SQLite in DIR) or
 * {@code spark:CATALOG} (the Iceberg catalog of that name in the Spark application pvw was submitted to).
 */
sealed interface SparkUrl {
    String PREFIX = "spark:";
    String LOCAL_PREFIX = PREFIX + "local:";
    String FORM = LOCAL_PREFIX + "DIR or " + PREFIX + "CATALOG";

    /** The name of the Iceberg catalog pvw configures for a local warehouse (SPEC section 5). */
    String LOCAL_CATALOG = "pvw";

    /** A catalog's name as Spark configuration and SQL take it unquoted. */
    Pattern CATALOG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** The Iceberg catalog that holds the warehouse's namespaces raw, core and mart. */
    String catalog();

    /** Parses a URL that {@link SparkEngine#accepts} accepted; fails with one sentence where it names nothing. */
    static SparkUrl parse(WarehouseUrl url) {
        String value = url.value();
        if (value.startsWith(LOCAL_PREFIX)) {
            String directory = value.substring(LOCAL_PREFIX.length());
            if (directory.isBlank()) {
                throw malformed(url, "it names no directory");
            }
            try {
                return new Local(Path.of(directory));
            } catch (InvalidPathException e) {
                throw malformed(url, "its directory is not a valid path");
            }
        }
        String catalog = value.substring(PREFIX.length());
        if (!CATALOG_NAME.matcher(catalog).matches()) {
            throw malformed(url, "'" + catalog + "' is not a catalog name (letters, digits and _)");
        }
        return new Submitted(catalog);
    }

    private static PvwException malformed(WarehouseUrl url, String why) {
        return new PvwException(
                ErrorCode.USAGE,
                "Spark warehouse URL " + url.redacted() + " is not valid: " + why + "; use " + FORM + ".");
    }

    /** Spark in local mode in this process, the catalog's database {@code DIR/catalog.db}, its files in {@code DIR/warehouse}. */
    record Local(Path directory) implements SparkUrl {
        public Local {
            requireNonNull(directory, "directory");
        }

        @Override
        public String catalog() {
            return LOCAL_CATALOG;
        }

        Path catalogDatabase() {
            return directory.resolve("catalog.db");
        }

        Path warehouse() {
            return directory.resolve("warehouse");
        }

        /** The file the run lock of a local warehouse is taken on. */
        Path lockFile() {
            return directory.resolve("run.lock");
        }
    }

    /** The catalog of the Spark application pvw runs in, configured by whoever submitted it. */
    record Submitted(String catalog) implements SparkUrl {
        public Submitted {
            requireNonNull(catalog, "catalog");
        }
    }
}
