package dev.pvw.warehouse;

/** The tables a run loads in bulk and then joins, whose statistics the planner needs fresh. */
public final class WorkTables {
    public static final Identifier USER_ROWS = new Identifier("pvw_user_rows");
    public static final Identifier USER_IDS = new Identifier("pvw_user_ids");
    public static final Identifier SNAPSHOT_USERS = new Identifier("pvw_snapshot_users");
    public static final Identifier USER_CHANGES = new Identifier("pvw_user_changes");
    /** A view, not a table: the users a run that replaced the same day's snapshot touched. */
    public static final Identifier RUN_USERS = new Identifier("pvw_run_users");

    public static final Identifier AFFECTED_USERS = new Identifier("pvw_affected_users");
    public static final Identifier AFFECTED_USER_HOURS = new Identifier("pvw_affected_user_hours");
    public static final Identifier REATTRIBUTED = new Identifier("pvw_reattributed");
    public static final Identifier USER_POSTCODE_HISTORY = new Identifier("core.user_postcode_history");
    public static final Identifier PAGEVIEW_ROWS = new Identifier("pvw_pageview_rows");
    public static final Identifier CHECK_USERS = new Identifier("pvw_check_users");
    public static final Identifier BATCH_USER_HOURS = new Identifier("pvw_batch_user_hours");
    public static final Identifier ATTRIBUTED_USER_HOURS = new Identifier("pvw_attributed_user_hours");

    private WorkTables() {}
}
