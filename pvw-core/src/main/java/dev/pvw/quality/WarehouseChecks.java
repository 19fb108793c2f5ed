package dev.pvw.quality;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Identifier;
import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.RowMapper;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WorkTables;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs every {@link Check} over a {@link CheckScope} and describes each problem found in words. The checks read only
 * the scope's users, batches and hours, so that a run's own checks stay proportional to what the run did: the fact's
 * rows in those hours once, counted per hour, batch and postcode at view (for the ledger, totals, at-view and rollup
 * checks), and the per-user-hour rollup's rows in those hours joined with the users' current postcodes. Call inside a
 * transaction, so that every check reads the same moment.
 */
public final class WarehouseChecks {
    /** How many problems a failed check lists; it also says whether there were more. */
    static final int LISTED_PROBLEMS = 5;

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
        warehouse.drop(WorkTables.CHECK_FACT);
        warehouse.create(WorkTables.CHECK_FACT, Map.of());
        boolean readsHours = bounds.hours().from() != null;
        if (readsHours) {
            warehouse.update("quality/fact_summary", parameters);
        }
        List<Supplier<Findings>> reads = new ArrayList<>();
        bounds.users().ifPresent(table -> reads.add(() -> history(table, parameters)));
        // A batch with no valid row has no hours, and its ledger row is still checked (against an empty summary).
        reads.add(() -> Findings.of(
                Check.FACT_VS_LEDGER, warehouse.query("quality/fact_vs_ledger", parameters, Problems.BATCH)));
        reads.add(() -> Findings.of(
                Check.SNAPSHOT_VS_LEDGER,
                warehouse.query("quality/snapshot_vs_ledger", parameters, Problems.SNAPSHOT)));
        if (readsHours) {
            reads.addAll(marts(parameters));
        }
        long users = 0;
        for (Findings findings : warehouse.readAll(reads)) {
            findings.problems().forEach((check, found) -> problems.get(check).addAll(found));
            users += findings.users();
        }
        List<CheckResult> results = new ArrayList<>();
        problems.forEach((check, found) -> results.add(result(check, found)));
        return new CheckReport(bounds.describe(users), results, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The four history checks of the users listed in {@code users}, and how many users' histories they read. */
    private Findings history(Identifier users, Map<String, Object> parameters) {
        Map<Check, List<String>> problems = new EnumMap<>(Check.class);
        long checked = 0;
        for (Problems.HistoryRow row :
                warehouse.query("quality/history", parameters, Map.of("users", users), Problems.HistoryRow.MAPPER)) {
            if (row.check().isPresent()) {
                problems.computeIfAbsent(row.check().get(), check -> new ArrayList<>())
                        .add(row.describe());
            } else {
                checked = row.versions();
            }
        }
        return new Findings(problems, checked);
    }

    /**
     * The checks of both marts in the scope's hours (and their daily marts on the days of those hours), against the
     * fact and the users' current postcodes, and of the rollup against the fact.
     */
    private List<Supplier<Findings>> marts(Map<String, Object> parameters) {
        List<Supplier<Findings>> reads = new ArrayList<>();
        for (Mart mart : Mart.values()) {
            Map<String, Identifier> martTable = Map.of("mart", mart.table());
            reads.add(() -> Findings.of(
                    Check.MART_KEYS, warehouse.query("quality/mart_keys", parameters, martTable, Problems.key(mart))));
            reads.add(() -> Findings.of(
                    Check.MART_TOTALS,
                    warehouse.query("quality/mart_totals", parameters, martTable, Problems.total(mart))));
            reads.add(() -> Findings.of(
                    Check.DAILY_MARTS,
                    warehouse.query(
                            "quality/daily_marts",
                            parameters,
                            Map.of("mart", mart.table(), "daily", mart.dailyTable()),
                            Problems.daily(mart))));
        }
        reads.add(() -> Findings.of(
                Check.CURRENT_POSTCODES,
                warehouse.query(
                        "quality/current_postcodes",
                        parameters,
                        Problems.postcode(Mart.CURRENT, "are by users whose current postcode it is"))));
        reads.add(() -> Findings.of(
                Check.AT_VIEW_POSTCODES,
                warehouse.query(
                        "quality/at_view_postcodes", parameters, Problems.postcode(Mart.AT_VIEW, "have it at view"))));
        reads.add(() -> Findings.of(
                Check.ROLLUP_VS_FACT, warehouse.query("quality/rollup_vs_fact", parameters, Problems.ROLLUP)));
        return reads;
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
            return new Bounds(run.runId(), runHours(run.runId()), run.users());
        }
        warehouse.drop(WorkTables.CHECK_USERS);
        warehouse.create(WorkTables.CHECK_USERS, Map.of());
        if (scope instanceof CheckScope.CommittedRun run) {
            warehouse
                    .queryOptional("quality/run_snapshot", Map.of("run_id", run.runId()), row -> {
                        Map<String, Object> snapshot = new HashMap<>();
                        snapshot.put("snapshot_id", row.getLong("snapshot_id"));
                        snapshot.put("effective_from", Warehouse.timestamp(row.getTimestamp("effective_from")));
                        return snapshot;
                    })
                    .ifPresent(snapshot -> warehouse.update("quality/scope_snapshot_users", snapshot));
            warehouse.loaded(WorkTables.CHECK_USERS);
            return new Bounds(run.runId(), runHours(run.runId()), Optional.of(WorkTables.CHECK_USERS.name()));
        }
        if (scope instanceof CheckScope.Everything) {
            warehouse.update("quality/scope_all_users", Map.of());
            warehouse.loaded(WorkTables.CHECK_USERS);
            return new Bounds(null, hours("quality/all_hours", Map.of()), Optional.of(WorkTables.CHECK_USERS.name()));
        }
        throw new IllegalArgumentException("Unknown scope " + scope);
    }

    private Hours runHours(long runId) {
        return hours("quality/run_hours", Map.of("run_id", runId));
    }

    private Hours hours(String script, Map<String, Object> parameters) {
        return warehouse.queryOptional(script, parameters, Hours.MAPPER).orElseThrow();
    }

    /** What one check query found: the problems per check, and for the history query how many users it read. */
    private record Findings(Map<Check, List<String>> problems, long users) {
        static Findings of(Check check, List<String> problems) {
            return new Findings(Map.of(check, problems), 0);
        }
    }

    /** The first and last hour a scope reads; both null when it reads none. */
    private record Hours(LocalDateTime from, LocalDateTime to) {
        static final RowMapper<Hours> MAPPER =
                row -> new Hours(row.getTimestamp("from_hour"), row.getTimestamp("to_hour"));
    }

    /** The run (null for every run), hours and users (a work table or view of their ids) a scope reads. */
    private record Bounds(Long runId, Hours hours, Optional<Identifier> users) {
        Map<String, Object> parameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("run_id", runId);
            parameters.put("from_hour", Warehouse.timestamp(hours.from()));
            parameters.put("to_hour", Warehouse.timestamp(hours.to()));
            // One more than is listed, to tell whether there were more.
            parameters.put("limit", LISTED_PROBLEMS + 1);
            return parameters;
        }

        /** The scope in words, once the history check has said how many users' histories it read. */
        String describe(long users) {
            String what = runId == null ? "everything" : "what run " + runId + " touched";
            String hourRange = hours.from() == null
                    ? "no pageview hours"
                    : "pageview hours " + Problems.format(hours.from()) + " to " + Problems.format(hours.to());
            return what + ": the history of " + Problems.count(users, "user") + ", " + hourRange;
        }
    }
}
