package dev.pvw.serve;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.query.Grain;
import dev.pvw.query.MartQuery;
import dev.pvw.query.PeriodRow;
import dev.pvw.state.FreshnessLimits;
import dev.pvw.state.HealthCheck;
import dev.pvw.state.HealthReport;
import dev.pvw.state.StatusReader;
import dev.pvw.state.WarehouseStatus;
import dev.pvw.warehouse.Warehouse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the page shows, read through the query layer on a warehouse opened for the one call and closed at its end, so
 * that a run waits for one call at most.
 */
public final class MartReader {
    private final Supplier<Warehouse> warehouses;
    private final Clock clock;

    /**
     * @param warehouses opens the warehouse for reading; its failure to open (a run holds it, the server is down) is
     *     answered 503
     */
    public MartReader(Supplier<Warehouse> warehouses, Clock clock) {
        this.warehouses = requireNonNull(warehouses, "warehouses");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * The questions for the chosen postcodes, or for the {@code top} busiest in the window by the first question when
     * none is. Each question is one query for every postcode of the window, filtered here: on the demo warehouse that
     * is several times faster than one query per postcode, whose cost is mostly fixed.
     */
    Answers.Comparison compare(List<Question> questions, Grain grain, Window window, List<String> chosen, int top) {
        return read(warehouse -> {
            MartQuery query = new MartQuery(warehouse);
            Map<Question, List<PeriodRow>> answers = new EnumMap<>(Question.class);
            for (Question question : questions) {
                answers.put(question, query.periods(question.mart(), grain, window.from(), window.to(), null));
            }
            List<String> postcodes = chosen.isEmpty()
                    ? busiest(answers.get(questions.get(0))).stream()
                            .limit(top)
                            .map(Answers.PostcodeTotal::postcode)
                            .toList()
                    : chosen;
            Set<String> shown = Set.copyOf(postcodes);
            Map<Question, Map<String, Map<LocalDateTime, Long>>> counts = new EnumMap<>(Question.class);
            TreeSet<LocalDateTime> periods = new TreeSet<>();
            answers.forEach((question, rows) -> {
                Map<String, Map<LocalDateTime, Long>> byPostcode = new HashMap<>();
                for (PeriodRow row : rows) {
                    if (row.postcode() != null && shown.contains(row.postcode())) {
                        byPostcode
                                .computeIfAbsent(row.postcode(), key -> new HashMap<>())
                                .put(row.periodStart(), row.pageviews());
                        periods.add(row.periodStart());
                    }
                }
                counts.put(question, byPostcode);
            });
            List<Answers.Series> series = new ArrayList<>();
            for (Question question : questions) {
                for (String postcode : postcodes) {
                    series.add(new Answers.Series(
                            question.parameter(),
                            postcode,
                            values(counts.get(question).getOrDefault(postcode, Map.of()), periods)));
                }
            }
            String downloadPostcode = postcodes.size() == 1 ? postcodes.get(0) : null;
            return new Answers.Comparison(
                    grainName(grain),
                    postcodes,
                    chosen.isEmpty(),
                    timestamps(periods),
                    series,
                    Downloads.of(questions, grain, window, downloadPostcode));
        });
    }

    /** One postcode by both questions over time, and the difference between them. */
    Answers.PostcodeHistory postcodeHistory(String postcode, Grain grain, Window window) {
        return read(warehouse -> {
            MartQuery query = new MartQuery(warehouse);
            Map<LocalDateTime, Long> current = byPeriod(query, Question.CURRENT, grain, window, postcode);
            Map<LocalDateTime, Long> atView = byPeriod(query, Question.AT_VIEW, grain, window, postcode);
            TreeSet<LocalDateTime> periods = new TreeSet<>(current.keySet());
            periods.addAll(atView.keySet());
            List<Long> currentValues = values(current, periods);
            List<Long> atViewValues = values(atView, periods);
            List<Long> difference = new ArrayList<>(periods.size());
            for (int index = 0; index < periods.size(); index++) {
                difference.add(currentValues.get(index) - atViewValues.get(index));
            }
            return new Answers.PostcodeHistory(
                    postcode,
                    grainName(grain),
                    timestamps(periods),
                    currentValues,
                    atViewValues,
                    difference,
                    Downloads.of(List.of(Question.values()), grain, window, postcode));
        });
    }

    /** Every known postcode with its pageviews in the window by the question, busiest first. */
    List<Answers.PostcodeTotal> postcodes(Question question, Window window) {
        return read(warehouse -> totals(new MartQuery(warehouse), question, window));
    }

    /** The rows {@code pvw query} prints for the same arguments. */
    List<PeriodRow> rows(Question question, Grain grain, Window window, String postcode) {
        return read(warehouse ->
                new MartQuery(warehouse).periods(question.mart(), grain, window.from(), window.to(), postcode));
    }

    /** The last hour loaded, the last users snapshot, and the health check with its default limits, as of now. */
    Answers.StatusStrip status() {
        return read(warehouse -> {
            WarehouseStatus status = new StatusReader(warehouse).read();
            HealthReport health = new HealthCheck(
                            FreshnessLimits.defaults(), warehouse.dialect().locksWarehouseOnOpen())
                    .check(status, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
            return new Answers.StatusStrip(
                    warehouse.url().redacted(),
                    status.lastHour().map(Answers::timestamp).orElse(null),
                    status.lastSnapshot()
                            .map(snapshot -> Answers.timestamp(snapshot.effectiveFrom()))
                            .orElse(null),
                    status.lastSnapshot().map(WarehouseStatus.Snapshot::users).orElse(null),
                    health.healthy(),
                    health.lines());
        });
    }

    private <T> T read(Function<Warehouse, T> work) {
        Warehouse warehouse;
        try {
            warehouse = warehouses.get();
        } catch (PvwException e) {
            throw new WarehouseUnavailable(e.getMessage(), e);
        }
        try (warehouse) {
            return work.apply(warehouse);
        }
    }

    /** Known postcodes by pageviews in the window, busiest first, then by name; summed from the year grain. */
    private static List<Answers.PostcodeTotal> totals(MartQuery query, Question question, Window window) {
        return busiest(query.periods(question.mart(), Grain.YEAR, window.from(), window.to(), null));
    }

    /** The known postcodes of an answer by their pageviews in it, busiest first, then by name. */
    private static List<Answers.PostcodeTotal> busiest(List<PeriodRow> rows) {
        Map<String, Long> totals = new HashMap<>();
        for (PeriodRow row : rows) {
            if (row.postcode() != null) {
                totals.merge(row.postcode(), row.pageviews(), Long::sum);
            }
        }
        return totals.entrySet().stream()
                .map(entry -> new Answers.PostcodeTotal(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(Answers.PostcodeTotal::pageviews)
                        .reversed()
                        .thenComparing(Answers.PostcodeTotal::postcode))
                .toList();
    }

    private static Map<LocalDateTime, Long> byPeriod(
            MartQuery query, Question question, Grain grain, Window window, String postcode) {
        Map<LocalDateTime, Long> byPeriod = new TreeMap<>();
        query.forEachPeriod(
                question.mart(),
                grain,
                window.from(),
                window.to(),
                postcode,
                row -> byPeriod.merge(row.periodStart(), row.pageviews(), Long::sum));
        return byPeriod;
    }

    private static List<Long> values(Map<LocalDateTime, Long> byPeriod, TreeSet<LocalDateTime> periods) {
        return periods.stream().map(period -> byPeriod.getOrDefault(period, 0L)).toList();
    }

    private static List<String> timestamps(TreeSet<LocalDateTime> periods) {
        return periods.stream().map(Answers::timestamp).toList();
    }

    private static String grainName(Grain grain) {
        return grain.name().toLowerCase(java.util.Locale.ROOT);
    }
}
