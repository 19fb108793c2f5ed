package dev.pvw.warehouse;

import java.util.List;

/**
 * Every work table of a run and of the checks, each with the SQL resource that defines it. Work tables are read by
 * their plain names in SQL; {@link Warehouse#create} makes them and {@link Warehouse#drop} drops them.
 */
public final class WorkTables {
    /** The users extract as read once, postcodes normalised. */
    public static final WorkTable USER_ROWS = WorkTable.filledBy("pvw_user_rows", "users/stage_rows");
    /** One row per id of the extract, with whether its rows conflict. */
    public static final WorkTable USER_IDS = WorkTable.filledBy("pvw_user_ids", "users/stage_ids");
    /** The users of the new snapshot. */
    public static final WorkTable SNAPSHOT_USERS = WorkTable.filledBy("pvw_snapshot_users", "users/stage_users");
    /** Every user whose open version no longer describes them. */
    public static final WorkTable USER_CHANGES = WorkTable.filledBy("pvw_user_changes", "users/stage_changes");
    /** Users whose attribution the snapshot changes, and from when. */
    public static final WorkTable AFFECTED_USERS =
            WorkTable.withColumns("pvw_affected_users", "users/affected_columns");
    /** The affected users' pageviews by hour and postcode at view. */
    public static final WorkTable AFFECTED_USER_HOURS =
            WorkTable.filledBy("pvw_affected_user_hours", "users/stage_affected_hours");
    /** The affected users' hours whose postcode at view changes. */
    public static final WorkTable REATTRIBUTED = WorkTable.filledBy("pvw_reattributed", "users/stage_reattributed");
    /** The users a run that replaced the same day's snapshot touched. */
    public static final WorkTable RUN_USERS = WorkTable.viewOf("pvw_run_users", "quality/run_users");

    /** The pageviews extract as read once, each row with its hour and the reason it is rejected, if any. */
    public static final WorkTable PAGEVIEW_ROWS = WorkTable.withColumns("pvw_pageview_rows", "pageviews/rows_columns");
    /** The batch's valid pageviews by user and hour. */
    public static final WorkTable BATCH_USER_HOURS =
            WorkTable.filledBy("pvw_batch_user_hours", "pageviews/stage_user_hours");
    /** The batch's users and hours with their postcodes at view and current postcodes. */
    public static final WorkTable ATTRIBUTED_USER_HOURS =
            WorkTable.filledBy("pvw_attributed_user_hours", "pageviews/attribute");

    /** A run's changes of the current mart, collected over its steps. */
    public static final WorkTable DELTA_CURRENT = WorkTable.withColumns("pvw_delta_current", "marts/delta_columns");
    /** A run's changes of the at-view mart, collected over its steps. */
    public static final WorkTable DELTA_AT_VIEW = WorkTable.withColumns("pvw_delta_at_view", "marts/delta_columns");
    /** One mart's changes summed to the grain of the mart being merged. */
    public static final WorkTable DELTA_TOTAL = WorkTable.filledBy("pvw_delta_total", "marts/total_delta");

    /** The fact's pageviews in the hours a set of checks reads. */
    public static final WorkTable CHECK_FACT = WorkTable.withColumns("pvw_check_fact", "quality/fact_columns");
    /** The users a set of checks outside a run looks at. */
    public static final WorkTable CHECK_USERS = WorkTable.withColumns("pvw_check_users", "quality/scope_columns");

    /** Every work table, views first (they read tables). */
    public static final List<WorkTable> ALL = List.of(
            RUN_USERS,
            USER_ROWS,
            USER_IDS,
            SNAPSHOT_USERS,
            USER_CHANGES,
            AFFECTED_USERS,
            AFFECTED_USER_HOURS,
            REATTRIBUTED,
            PAGEVIEW_ROWS,
            BATCH_USER_HOURS,
            ATTRIBUTED_USER_HOURS,
            DELTA_CURRENT,
            DELTA_AT_VIEW,
            DELTA_TOTAL,
            CHECK_FACT,
            CHECK_USERS);

    /** The history table, which a users snapshot changes in bulk. */
    public static final Identifier USER_POSTCODE_HISTORY = new Identifier("core.user_postcode_history");

    private WorkTables() {}
}
