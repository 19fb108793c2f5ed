package dev.pvw.warehouse;

/** The database engines pvw runs on, each named as its SQL resource folder. */
public enum Engine {
    DUCKDB("duckdb", "jdbc:duckdb:"),
    POSTGRESQL("postgresql", "jdbc:postgresql:");

    private final String folder;
    private final String urlPrefix;

    Engine(String folder, String urlPrefix) {
        this.folder = folder;
        this.urlPrefix = urlPrefix;
    }

    /** The folder under {@code sql/} that holds this engine's overrides. */
    public String folder() {
        return folder;
    }

    String urlPrefix() {
        return urlPrefix;
    }
}
