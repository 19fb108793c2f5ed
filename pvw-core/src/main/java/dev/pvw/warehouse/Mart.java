package dev.pvw.warehouse;

/**
 * The two marts, each kept at two grains (hours, which the contract fixes, and days, which serve every coarser grain
 * with a 24th of the rows), with the work table that collects a run's changes to it.
 */
public enum Mart {
    CURRENT(
            "mart.pageviews_hourly_by_current_postcode",
            "mart.pageviews_daily_by_current_postcode",
            WorkTables.DELTA_CURRENT),
    AT_VIEW(
            "mart.pageviews_hourly_by_postcode_at_view",
            "mart.pageviews_daily_by_postcode_at_view",
            WorkTables.DELTA_AT_VIEW);

    private final Identifier table;
    private final Identifier dailyTable;
    private final Identifier deltaTable;

    Mart(String table, String dailyTable, WorkTable deltaTable) {
        this.table = new Identifier(table);
        this.dailyTable = new Identifier(dailyTable);
        this.deltaTable = deltaTable.name();
    }

    /** The hourly mart of the contract: one row per hour and postcode, column {@code hour_start}. */
    public Identifier table() {
        return table;
    }

    /** The daily mart: one row per day and postcode, column {@code day_start}; the hourly mart summed by day. */
    public Identifier dailyTable() {
        return dailyTable;
    }

    public Identifier deltaTable() {
        return deltaTable;
    }
}
