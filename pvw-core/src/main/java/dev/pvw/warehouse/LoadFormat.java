package dev.pvw.warehouse;

/**
 * The kind of file an engine loads rows from in bulk ({@link Warehouse#load}): how pvw's simulated extract processes
 * land extracts in a warehouse whose engine cannot generate them itself.
 */
public enum LoadFormat {
    /** CSV without a header, every text quoted, NULL as an empty unquoted field (PostgreSQL's {@code COPY}). */
    CSV,
    /** Apache Parquet (Spark). */
    PARQUET
}
