package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.bench.BenchResults.BiTiming;
import dev.pvw.bench.BenchResults.QueryTiming;
import dev.pvw.query.Grain;
import dev.pvw.query.MartQuery;
import dev.pvw.query.PeriodRow;
import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.Warehouse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The BI queries of the benchmark: both questions at grains hour, day and month over a few windows, answered from the
 * marts exactly as {@code pvw query} does, and by the naive join of the fact with the history at query time. Each
 * answer is read to its last row; the two answers must be equal, row for row.
 */
final class BiQueries {
    static final List<Grain> GRAINS = List.of(Grain.HOUR, Grain.DAY, Grain.MONTH);

    /** A naive join slower than this is timed once: repeating a minute-long query would say little more. */
    private static final Duration REPEAT_NAIVE_UNDER = Duration.ofSeconds(3);

    private static final int MAX_NAIVE_REPETITIONS = 3;

    private final Warehouse warehouse;
    private final int repetitions;
    private final Consumer<String> stepDone;

    BiQueries(Warehouse warehouse, int repetitions, Consumer<String> stepDone) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.repetitions = repetitions;
        this.stepDone = requireNonNull(stepDone, "stepDone");
    }

    /** How many queries {@link #measure} runs for these windows (for progress). */
    static int count(List<Window> windows) {
        return Mart.values().length * GRAINS.size() * windows.size();
    }

    /** Times every question, grain and window from the marts and from the naive join. */
    List<BiTiming> measure(List<Window> windows) {
        List<BiTiming> timings = new ArrayList<>();
        for (Window window : windows) {
            for (Mart question : Mart.values()) {
                for (Grain grain : GRAINS) {
                    timings.add(measure(question, grain, window));
                    stepDone.accept(question.name().toLowerCase(java.util.Locale.ROOT) + " by "
                            + grain.name().toLowerCase(java.util.Locale.ROOT) + " over " + window.label());
                }
            }
        }
        return timings;
    }

    private BiTiming measure(Mart question, Grain grain, Window window) {
        Answer warm = fromMart(question, grain, window);
        List<Answer> mart = new ArrayList<>();
        for (int run = 0; run < repetitions; run++) {
            mart.add(fromMart(question, grain, window));
        }
        List<Answer> joins = new ArrayList<>();
        Answer joined = fromNaiveJoin(question, grain, window);
        joins.add(joined);
        while (joins.size() < Math.min(repetitions, MAX_NAIVE_REPETITIONS)
                && joined.allRowsRead().compareTo(REPEAT_NAIVE_UNDER) < 0) {
            joins.add(fromNaiveJoin(question, grain, window));
        }
        if (!joined.sameAs(warm)) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "The mart and the naive join disagree on " + question + " by " + grain + " over "
                            + window.label() + " (" + warm + " against " + joined
                            + "); the marts are wrong, so check the warehouse and report this.");
        }
        return new BiTiming(question, grain, window.label(), warm.rows(), medians(mart), medians(joins));
    }

    private static QueryTiming medians(List<Answer> answers) {
        return new QueryTiming(
                BenchResults.median(answers.stream().map(Answer::answerReady).toList()),
                BenchResults.median(answers.stream().map(Answer::allRowsRead).toList()),
                answers.size());
    }

    private Answer fromMart(Mart question, Grain grain, Window window) {
        Answer answer = new Answer(System.nanoTime());
        new MartQuery(warehouse).forEachPeriod(question, grain, window.from(), window.to(), null, answer::add);
        return answer.done();
    }

    private Answer fromNaiveJoin(Mart question, Grain grain, Window window) {
        String script = question == Mart.CURRENT ? "bench/naive_current" : "bench/naive_at_view";
        Answer answer = new Answer(System.nanoTime());
        warehouse.queryEach(
                script,
                MartQuery.parameters(grain, window.from(), window.to(), null),
                Map.of(),
                PeriodRow.MAPPER,
                answer::add);
        return answer.done();
    }

    /**
     * A window of hours: from (inclusive) to (exclusive); null bounds for all data.
     *
     * @param label how the report names it
     */
    record Window(String label, LocalDateTime from, LocalDateTime to) {
        Window {
            requireNonNull(label, "label");
        }
    }

    /** An answer reduced to its size, total and an order-sensitive digest of its rows, and how long it took. */
    private static final class Answer {
        private long rows;
        private long pageviews;
        private long digest = 17;
        private final long startedNanos;
        private long firstRowNanos;
        private long lastRowNanos;

        Answer(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        void add(PeriodRow row) {
            if (rows == 0) {
                firstRowNanos = System.nanoTime();
            }
            rows++;
            pageviews += row.pageviews();
            digest = 31 * digest + Objects.hash(row.periodStart(), row.postcode(), row.pageviews());
        }

        Answer done() {
            lastRowNanos = System.nanoTime();
            if (rows == 0) {
                firstRowNanos = lastRowNanos;
            }
            return this;
        }

        long rows() {
            return rows;
        }

        Duration answerReady() {
            return Duration.ofNanos(firstRowNanos - startedNanos);
        }

        Duration allRowsRead() {
            return Duration.ofNanos(lastRowNanos - startedNanos);
        }

        boolean sameAs(Answer other) {
            return rows == other.rows && pageviews == other.pageviews && digest == other.digest;
        }

        @Override
        public String toString() {
            return rows + " rows, " + pageviews + " pageviews";
        }
    }
}
