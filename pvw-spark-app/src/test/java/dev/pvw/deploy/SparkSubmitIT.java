package dev.pvw.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * pvw's Spark jar ({@code target/pvw-spark.jar}) submitted as a cluster runs it: Spark's own {@code SparkSubmit} in a
 * process of its own, on a class path of Spark's artifacts as a distribution ships them (log4j's SLF4J binding
 * included; no pvw, no Iceberg), with an Iceberg catalog {@code lake} (a JDBC catalog on SQLite in a temporary
 * folder, the driver on the driver's class path) given by {@code --conf} as a recipe in deploy/ gives a REST or Glue
 * catalog. Each process starts Spark, tens of seconds here: the fast tier starts one ({@code init}), the full tier
 * ({@code -Pfull}) six more, among them applications that read what another wrote. The tier is read as
 * {@code TestTier} reads it in pvw-tests, which this module does not depend on, so that Maven builds it while those
 * suites run.
 */
class SparkSubmitIT {
    private static final String FULL_TIER = "full tier only (-Pfull)";
    private static final String CATALOG = "lake";
    private static final String EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path directory;

    @Test
    void initOnTheSubmittedApplicationsCatalog() {
        Submitted init = submit(icebergConfiguration(), "init");

        assertThat(init.exitCode()).as(init.describe()).isZero();
        assertThat(init.stdout())
                .as(init.describe())
                .containsPattern("^Warehouse spark:lake is ready \\(\\d+ schema version\\(s\\) applied\\)\\.\n$");
        // pvw logs through its own Logback, as it does everywhere, beside Spark's log4j and without a clash of
        // bindings.
        assertThat(init.stderr())
                .as(init.describe())
                .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[run -] Applying schema script schema/V1__")
                .doesNotContain("SLF4J");
        assertThat(directory.resolve("warehouse/core/runs"))
                .as("the tables are in the catalog's warehouse")
                .isDirectory();
    }

    @Test
    @EnabledIfSystemProperty(named = "pvw.tier", matches = "full", disabledReason = FULL_TIER)
    void aRunAsOfItsSlotThenTheStatusAndTheDailyCheck() {
        assertThat(submit(icebergConfiguration(), "init").exitCode()).isZero();

        Submitted run = submit(icebergConfiguration(), "run", "--as-of", "2026-01-01T00:05:00");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout())
                .as(run.describe())
                .startsWith("Run 1 as of 2026-01-01T00:05:00 on spark:lake: succeeded.")
                .contains("pageviews extract is empty");

        Submitted status = submit(icebergConfiguration(), "status");

        assertThat(status.exitCode()).as(status.describe()).isZero();
        assertThat(status.stdout())
                .as(status.describe())
                .startsWith("Warehouse: spark:lake\n")
                .contains("Pageview hours\n  none loaded yet\n");

        Submitted check = submit(icebergConfiguration(), "status", "--check");

        assertThat(check.exitCode()).as(check.describe()).isEqualTo(1);
        assertThat(check.stdout() + check.stderr()).contains("No pageview batch has been loaded yet");
    }

    @Test
    @EnabledIfSystemProperty(named = "pvw.tier", matches = "full", disabledReason = FULL_TIER)
    void anApplicationWithoutIcebergsExtensionsIsRefusedInOneSentence() {
        Map<String, String> configuration = icebergConfiguration();
        configuration.remove("spark.sql.extensions");

        Submitted init = submit(configuration, "init");

        assertThat(init.exitCode()).as(init.describe()).isEqualTo(1);
        assertThat(init.stderr())
                .as(init.describe())
                .contains("The Spark application lacks Iceberg's SQL extensions, which pvw's MERGE and branches need;"
                        + " submit it with --conf spark.sql.extensions=" + EXTENSIONS + ".\n");
    }

    @Test
    @EnabledIfSystemProperty(named = "pvw.tier", matches = "full", disabledReason = FULL_TIER)
    void aHadoopCatalogIsRefusedInOneSentence() {
        Map<String, String> configuration = icebergConfiguration();
        configuration
                .keySet()
                .removeIf(key -> key.startsWith("spark.sql.catalog." + CATALOG + ".jdbc.")
                        || key.equals("spark.sql.catalog." + CATALOG + ".uri"));
        configuration.put("spark.sql.catalog." + CATALOG + ".type", "hadoop");

        Submitted init = submit(configuration, "init");

        assertThat(init.exitCode()).as(init.describe()).isEqualTo(1);
        assertThat(init.stderr())
                .as(init.describe())
                .contains("The catalog " + CATALOG + " is a Hadoop catalog, which keeps no namespace properties, where"
                        + " pvw records that a run is publishing; configure a REST, Glue, Hive, Nessie or JDBC"
                        + " catalog.\n");
    }

    /** What a recipe passes with --conf: Iceberg's extensions and the catalog, here a JDBC one on SQLite. */
    private Map<String, String> icebergConfiguration() {
        Map<String, String> configuration = new TreeMap<>();
        configuration.put("spark.sql.extensions", EXTENSIONS);
        configuration.put("spark.sql.catalog." + CATALOG, "org.apache.iceberg.spark.SparkCatalog");
        configuration.put("spark.sql.catalog." + CATALOG + ".type", "jdbc");
        configuration.put(
                "spark.sql.catalog." + CATALOG + ".uri",
                "jdbc:sqlite:" + directory.resolve("catalog.db").toAbsolutePath());
        configuration.put("spark.sql.catalog." + CATALOG + ".jdbc.schema-version", "V1");
        configuration.put(
                "spark.sql.catalog." + CATALOG + ".warehouse",
                directory.resolve("warehouse").toUri().toString());
        // This machine's: one small local Spark, files of its own under the test's folder, nothing to serve.
        configuration.put("spark.sql.shuffle.partitions", "2");
        configuration.put("spark.ui.enabled", "false");
        configuration.put("spark.driver.host", "127.0.0.1");
        configuration.put("spark.driver.bindAddress", "127.0.0.1");
        configuration.put("spark.local.dir", directory.resolve("spark-local").toString());
        return configuration;
    }

    /** Runs {@code spark-submit --class dev.pvw.cli.Main pvw-spark.jar --warehouse spark:lake args...} to its end. */
    private Submitted submit(Map<String, String> configuration, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // What Spark's launcher script adds on Java 17 (the root pom.xml's spark.java.options).
        // The JIT's first tier only, not what a cluster's driver runs with: each process here plans one small command
        // and ends, and a cold Spark command took half the CPU time so.
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(List.of(property("pvw.spark.java.options").strip().split("\\s+")));
        command.addAll(List.of("-cp", sparkClassPath(), "org.apache.spark.deploy.SparkSubmit"));
        command.addAll(List.of("--master", "local[1]", "--class", "dev.pvw.cli.Main"));
        configuration.forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
        command.add(existing(Path.of(property("pvw.spark.jar"))).toString());
        command.addAll(List.of("--warehouse", "spark:" + CATALOG));
        command.addAll(List.of(args));
        String name = String.join("-", args).replaceAll("[^a-z0-9-]", "");
        Path stdout = directory.resolve(name + ".out");
        Path stderr = directory.resolve(name + ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("spark-submit of pvw " + String.join(" ", args) + " still running after "
                        + TIMEOUT + "\n" + new Submitted(-1, read(stdout), read(stderr)).describe());
            }
            return new Submitted(process.exitValue(), read(stdout), read(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while spark-submit ran", e);
        }
    }

    /**
     * Spark's artifacts as a distribution ships them, and the catalog database's JDBC driver as an operator adds theirs
     * ({@code --driver-class-path}). Maven's provided scope has all but SLF4J's API, which it files under pvw's compile
     * scope since both need it; this JVM loaded it, and the driver, from those same artifacts.
     */
    private static String sparkClassPath() {
        String provided =
                read(existing(Path.of(property("pvw.spark.classpath")))).strip();
        return String.join(
                java.io.File.pathSeparator, provided, jarOf(LoggerFactory.class), jarOf(org.sqlite.JDBC.class));
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of " + type.getName(), e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(
                    "System property " + name + " is not set; run this test through failsafe (mvn verify)");
        }
        return value;
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist; the package phase builds it before this test");
        }
        return file;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** A finished spark-submit: its exit code and what it wrote. */
    private record Submitted(int exitCode, String stdout, String stderr) {
        /** The process's output, for a failed assertion. */
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
