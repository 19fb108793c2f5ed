package dev.pvw.quality;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Identifier;
import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WorkTables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Runs every {@link Check} over a {@link CheckScope} and describes each problem found in words. Each check is one
 * query that reads only the scope's users, batches and hours, so that a run's own checks stay proportional to what
 * the run did. Call inside a transaction, so that every check reads the same moment.
 */
public final class WarehouseChecks {
    /** How many problems a failed check lists; it also says whether there were more. */
    static final int LISTED_PROBLEMS = 5;

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Warehouse warehouse;

    public WarehouseChecks(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    public CheckReport check(CheckScope scope) {
        requireNonNull(scope, "scope");
        long started = System.nanoTime();
        Bounds bounds = bounds(scope);
        Map<String, Object> parameters = bounds.parameters();
        Map<Check, List<String>> problems = new EnumMap<>(Check.class);
        for (Check check : Check.values()) {
            problems.put(check, new ArrayList<>());
        }
        warehouse
                .query("quality/history", parameters, WarehouseChecks::historyProblem)
                .forEach(problem -> problems.get(problem.getKey()).add(problem.getValue()));
        problems.get(Check.FACT_VS_LEDGER)
                .addAll(warehouse.query("quality/fact_vs_ledger", parameters, WarehouseChecks::batchProblem));
        problems.get(Check.SNAPSHOT_VS_LEDGER)
                .addAll(warehouse.query("quality/snapshot_vs_ledger", parameters, WarehouseChecks::snapshotProblem));
        for (Mart mart : Mart.values()) {
            Map<String, Identifier> martTable = Map.of("mart", mart.table());
            problems.get(Check.MART_KEYS)
                    .addAll(warehouse.query("quality/mart_keys", parameters, martTable, keyProblem(mart)));
            problems.get(Check.MART_TOTALS)
                    .addAll(warehouse.query("quality/mart_totals", parameters, martTable, totalProblem(mart)));
        }
        problems.get(Check.CURRENT_POSTCODES)
                .addAll(warehouse.query(
                        "quality/current_postcodes",
                        parameters,
                        postcodeProblem(Mart.CURRENT, "are by users whose current postcode it is")));
        problems.get(Check.AT_VIEW_POSTCODES)
                .addAll(warehouse.query(
                        "quality/at_view_postcodes", parameters, postcodeProblem(Mart.AT_VIEW, "have it at view")));

        List<CheckResult> results = new ArrayList<>();
        problems.forEach((check, found) -> results.add(result(check, found)));
        return new CheckReport(bounds.describe(), results, Duration.ofNanos(System.nanoTime() - started));
    }

    private static CheckResult result(Check check, List<String> problems) {
        if (problems.isEmpty()) {
            return new CheckResult.Passed(check);
        }
        boolean more = problems.size() > LISTED_PROBLEMS;
        return new CheckResult.Failed(check, problems.subList(0, Math.min(problems.size(), LISTED_PROBLEMS)), more);
    }

    /** Fills the users work table where the scope needs it, and finds the run and hours to read. */
    private Bounds bounds(CheckScope scope) {
        // Java 17 has no pattern switch over a sealed type; the chain covers each permitted record.
        if (scope instanceof CheckScope.DuringRun run) {
            return new Bounds(run.runId(), runHours(run.runId()), users());
        }
        warehouse.execute("quality/create_scope", Map.of());
        if (scope instanceof CheckScope.CommittedRun run) {
            warehouse
                    .queryOptional("quality/run_snapshot", Map.of("run_id", run.runId()), (rs, context) -> {
                        Map<String, Object> snapshot = new HashMap<>();
                        snapshot.put("snapshot_id", rs.getLong("snapshot_id"));
                        snapshot.put("effective_from", Warehouse.timestamp(Warehouse.timestamp(rs, "effective_from")));
                        return snapshot;
                    })
                    .ifPresent(snapshot -> warehouse.update("quality/scope_snapshot_users", snapshot));
            warehouse.analyze(WorkTables.CHECK_USERS);
            return new Bounds(run.runId(), runHours(run.runId()), users());
        }
        if (scope instanceof CheckScope.Everything) {
            warehouse.update("quality/scope_all_users", Map.of());
            warehouse.analyze(WorkTables.CHECK_USERS);
            Hours hours = warehouse
                    .queryOptional("quality/all_hours", Map.of(), Hours.MAPPER)
                    .orElseThrow();
            return new Bounds(null, hours, users());
        }
        throw new IllegalArgumentException("Unknown scope " + scope);
    }

    private Hours runHours(long runId) {
        return warehouse
                .queryOptional("quality/run_hours", Map.of("run_id", runId), Hours.MAPPER)
                .orElseThrow();
    }

    private long users() {
        return warehouse.queryLong("quality/count_users", Map.of());
    }

    private static Map.Entry<Check, String> historyProblem(ResultSet rs, StatementContext context) throws SQLException {
        Check check = Check.named(rs.getString("check_name"));
        long user = rs.getLong("user_id");
        String from = format(Warehouse.timestamp(rs, "valid_from"));
        LocalDateTime validTo = Warehouse.timestamp(rs, "valid_to");
        LocalDateTime next = Warehouse.timestamp(rs, "next_valid_from");
        long versions = rs.getLong("versions");
        String problem =
                switch (check) {
                    case HISTORY_OVERLAP -> next == null
                            ? "user " + user + "'s version from " + from + " ends at " + format(validTo)
                                    + ", before it starts"
                            : "user " + user + "'s version from " + from + " to "
                                    + (validTo == null ? "(open)" : format(validTo)) + " overlaps the next one, from "
                                    + format(next);
                    case HISTORY_HOLE -> "user " + user + " has no version from " + format(validTo) + " to "
                            + format(next);
                    case HISTORY_OPEN_VERSION -> versions == 0
                            ? "user " + user + " has no open version"
                            : "user " + user + " has " + versions + " open versions";
                    case HISTORY_FIRST_VERSION -> versions == 1
                            ? "user " + user + "'s earliest version, from " + from + ", is not the one marked first"
                            : "user " + user + " has " + versions
                                    + " versions marked first, where only its earliest, from " + from
                                    + ", should be";
                    default -> throw new IllegalStateException("Not a history check: " + check);
                };
        return Map.entry(check, problem);
    }

    private static String batchProblem(ResultSet rs, StatementContext context) throws SQLException {
        long batch = rs.getLong("batch_id");
        if (!rs.getBoolean("in_ledger")) {
            return "the fact holds " + count(rs.getLong("fact_rows"), "row") + " and the quarantine "
                    + rs.getLong("quarantine_rows") + " of batch " + batch + ", which the ledger does not know";
        }
        LocalDateTime hour = Warehouse.timestamp(rs, "batch_hour");
        return "batch " + batch + (hour == null ? " (no valid rows)" : " for hour " + format(hour)) + " held "
                + count(rs.getLong("extract_rows"), "row") + " in its extract, of which the ledger counted "
                + rs.getLong("counted_rows") + " and quarantined " + rs.getLong("quarantined_rows")
                + ", but the fact holds " + rs.getLong("fact_rows") + " (expected "
                + rs.getLong("expected_fact_rows") + ") and the quarantine " + rs.getLong("quarantine_rows")
                + " (expected " + rs.getLong("expected_quarantine_rows") + ")";
    }

    private static String snapshotProblem(ResultSet rs, StatementContext context) throws SQLException {
        long snapshot = rs.getLong("snapshot_id");
        if (!rs.getBoolean("in_ledger")) {
            return "the quarantine holds " + count(rs.getLong("quarantine_rows"), "row") + " of users snapshot "
                    + snapshot + ", which the ledger does not know";
        }
        return "users snapshot " + snapshot + " quarantined " + count(rs.getLong("quarantined_rows"), "row")
                + " according to the ledger, but the quarantine holds " + rs.getLong("quarantine_rows")
                + " (expected " + rs.getLong("expected_quarantine_rows") + ")";
    }

    private static RowMapper<String> keyProblem(Mart mart) {
        return (rs, context) -> {
            String where = " for " + format(Warehouse.timestamp(rs, "hour_start")) + " and postcode "
                    + Printable.postcode(rs.getString("postcode"));
            long rows = rs.getLong("mart_rows");
            if (rows > 1) {
                return mart.table() + " has " + count(rows, "row") + where;
            }
            if ("".equals(rs.getString("postcode"))) {
                return mart.table() + " has an empty postcode instead of NULL" + where;
            }
            return mart.table() + " counts " + rs.getLong("min_pageviews") + " pageviews" + where;
        };
    }

    private static RowMapper<String> totalProblem(Mart mart) {
        return (rs, context) -> mart.table() + " counts " + rs.getLong("mart_pageviews") + " pageviews for "
                + format(Warehouse.timestamp(rs, "hour_start")) + " but the fact holds "
                + rs.getLong("fact_pageviews");
    }

    private static RowMapper<String> postcodeProblem(Mart mart, String meaning) {
        return (rs, context) -> mart.table() + " counts " + rs.getLong("mart_pageviews") + " pageviews for "
                + format(Warehouse.timestamp(rs, "hour_start")) + " under postcode "
                + Printable.postcode(rs.getString("postcode")) + ", but " + rs.getLong("fact_pageviews")
                + " of the fact's pageviews that hour " + meaning;
    }

    /** A number with its noun, in the plural unless the number is one. */
    private static String count(long number, String noun) {
        return String.format("%,d %s", number, number == 1 ? noun : noun + "s");
    }

    private static String format(LocalDateTime value) {
        return value == null ? "(none)" : ISO_SECONDS.format(value);
    }

    /** The first and last hour a scope reads; both null when it reads none. */
    private record Hours(LocalDateTime from, LocalDateTime to) {
        static final RowMapper<Hours> MAPPER =
                (rs, context) -> new Hours(Warehouse.timestamp(rs, "from_hour"), Warehouse.timestamp(rs, "to_hour"));
    }

    /** The run (null for every run), hours and number of users a scope reads. */
    private record Bounds(Long runId, Hours hours, long users) {
        Map<String, Object> parameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("run_id", runId);
            parameters.put("from_hour", Warehouse.timestamp(hours.from()));
            parameters.put("to_hour", Warehouse.timestamp(hours.to()));
            // One more than is listed, to tell whether there were more.
            parameters.put("limit", LISTED_PROBLEMS + 1);
            return parameters;
        }

        String describe() {
            String what = runId == null ? "everything" : "what run " + runId + " touched";
            String hourRange = hours.from() == null
                    ? "no pageview hours"
                    : "pageview hours " + format(hours.from()) + " to " + format(hours.to());
            return what + ": the history of " + count(users, "user") + ", " + hourRange;
        }
    }
}
