package dev.pvw.bench;

import java.util.Locale;

/** The engine {@code pvw bench} measures, each on warehouses of the benchmark's own ({@link BenchWarehouses}). */
public enum BenchEngine {
    /** DuckDB files in the data directory: the default. */
    DUCKDB,
    /** Databases of their own on the PostgreSQL server of {@code --server}. */
    POSTGRESQL,
    /** Local Spark warehouses ({@code spark:local:DIR}) in the data directory. */
    SPARK;

    /** The name on the command line. */
    public String argument() {
        return name().toLowerCase(Locale.ROOT);
    }
}
