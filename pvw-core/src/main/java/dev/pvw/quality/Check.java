package dev.pvw.quality;

/** The checks of the warehouse's invariants, in the order they run and are reported. */
public enum Check {
    HISTORY_OVERLAP("history_overlap", "no two versions of a user overlap, and none ends before it starts"),
    HISTORY_HOLE("history_hole", "no hole between one version of a user and the next"),
    HISTORY_OPEN_VERSION("history_open_version", "every user has exactly one open version"),
    HISTORY_FIRST_VERSION("history_first_version", "exactly the earliest version of each user is marked first"),
    FACT_VS_LEDGER(
            "fact_vs_ledger",
            "per pageview batch, the fact's and the quarantine's rows add up to the rows its extract held"),
    SNAPSHOT_VS_LEDGER("snapshot_vs_ledger", "per users snapshot, the quarantine holds the rows the ledger says"),
    MART_KEYS("mart_keys", "(hour_start, postcode) is unique in each mart, and every count is positive"),
    MART_TOTALS("mart_totals", "per hour, each mart sums to the fact's count of pageviews"),
    CURRENT_POSTCODES("current_postcodes", "the current mart counts every pageview under its user's current postcode"),
    AT_VIEW_POSTCODES("at_view_postcodes", "the at-view mart counts every pageview under its postcode at view"),
    ROLLUP_VS_FACT(
            "rollup_vs_fact",
            "per hour, batch and postcode at view, the per-user-hour rollup counts the fact's pageviews"),
    DAILY_MARTS("daily_marts", "each daily mart holds its hourly mart summed by day, every count positive");

    private final String checkName;
    private final String rule;

    Check(String checkName, String rule) {
        this.checkName = checkName;
        this.rule = rule;
    }

    /** The name users see and docs/design.md explains. */
    public String checkName() {
        return checkName;
    }

    /** What holds when the check passes. */
    public String rule() {
        return rule;
    }

    static Check named(String checkName) {
        for (Check check : values()) {
            if (check.checkName.equals(checkName)) {
                return check;
            }
        }
        throw new IllegalArgumentException("No check named " + checkName);
    }

    @Override
    public String toString() {
        return checkName;
    }
}
