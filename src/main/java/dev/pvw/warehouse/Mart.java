package dev.pvw.warehouse;

/** The two marts, each with the work table that collects a run's changes to it. */
public enum Mart {
    CURRENT("mart.pageviews_hourly_by_current_postcode", "pvw_delta_current"),
    AT_VIEW("mart.pageviews_hourly_by_postcode_at_view", "pvw_delta_at_view");

    private final Identifier table;
    private final Identifier deltaTable;

    Mart(String table, String deltaTable) {
        this.table = new Identifier(table);
        this.deltaTable = new Identifier(deltaTable);
    }

    public Identifier table() {
        return table;
    }

    public Identifier deltaTable() {
        return deltaTable;
    }
}
