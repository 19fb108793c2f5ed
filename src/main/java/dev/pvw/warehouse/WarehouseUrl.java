package dev.pvw.warehouse;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import java.util.Arrays;
import java.util.regex.Pattern;

/** A validated JDBC URL of a warehouse, which prints itself without any password. */
public record WarehouseUrl(String jdbcUrl, Engine engine) {
    /** Used when neither --warehouse nor PVW_WAREHOUSE is given. */
    public static final String DEFAULT = "jdbc:duckdb:warehouse.duckdb";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;](?:ssl)?password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("^(jdbc:[a-z]+://[^/@:]*:)[^/@]*@");

    public WarehouseUrl {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(engine, "engine");
    }

    /** Parses a URL given on the command line or in PVW_WAREHOUSE. */
    public static WarehouseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new PvwException(
                    ErrorCode.USAGE, "The warehouse URL is empty; give a JDBC URL such as " + DEFAULT + ".");
        }
        String trimmed = url.strip();
        return Arrays.stream(Engine.values())
                .filter(engine -> trimmed.startsWith(engine.urlPrefix()))
                .findFirst()
                .map(engine -> new WarehouseUrl(trimmed, engine))
                .orElseThrow(() -> new PvwException(
                        ErrorCode.USAGE,
                        "Unsupported warehouse URL " + redact(trimmed)
                                + "; use jdbc:duckdb:PATH or jdbc:postgresql://HOST:PORT/DB."));
    }

    /** The URL with any password replaced by stars, safe to print and log. */
    public String redacted() {
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutParameter).replaceFirst("$1***@");
    }

    @Override
    public String toString() {
        return redacted();
    }
}
