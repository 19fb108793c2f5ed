package dev.pvw.bench;

import static java.util.Objects.requireNonNull;

import dev.pvw.bench.BenchResults.BiTiming;
import dev.pvw.bench.BenchResults.BriefScale;
import dev.pvw.bench.BenchResults.FreshProcesses;
import dev.pvw.bench.BenchResults.Growth;
import dev.pvw.bench.BenchResults.ProcessPhase;
import dev.pvw.bench.BenchResults.ProcessRun;
import dev.pvw.bench.BenchResults.TableSizes;
import dev.pvw.warehouse.Mart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The benchmark's results as a markdown page: the targets met or not, then every measurement behind them. */
public final class BenchReport {
    /** The name of the chart the page shows, written beside it. */
    public static final String CHART_FILE = "bench-growth.png";

    private static final double HOURLY_SECONDS = 3;
    private static final double HOURLY_RATIO = 3;
    private static final double DAILY_SECONDS = 30;
    private static final double GROWTH_RATIO = 1.3;
    private static final double BI_MILLISECONDS = 50;
    private static final double BI_SPEED_UP = 100;
    private static final double PEAK_GIGABYTES = 6;
    private static final double FRESH_HOURLY_SECONDS = 3;
    private static final double FRESH_HOURLY_RATIO = 2;
    private static final double FRESH_NO_OP_SECONDS = 0.8;
    private static final double FRESH_DAILY_SECONDS = 20;
    private static final double POSTGRES_HOURLY_SECONDS = 30;
    private static final double POSTGRES_DAILY_SECONDS = 300;

    private final BenchResults results;
    private final String command;

    public BenchReport(BenchResults results, String command) {
        this.results = requireNonNull(results, "results");
        this.command = requireNonNull(command, "command");
    }

    /** One target of the issue: what it asks, what was measured, and whether it was met. */
    public record Target(String goal, String measured, boolean met) {
        public Target {
            requireNonNull(goal, "goal");
            requireNonNull(measured, "measured");
        }
    }

    /**
     * Every target of the engine measured, in the issues' order: DuckDB's, PostgreSQL's two (its steps as fresh
     * processes at the brief's scale); none is set on Spark, whose figures feed the cluster estimate of docs/spark.md.
     */
    public List<Target> targets() {
        return switch (results.settings().engine()) {
            case DUCKDB -> duckDbTargets();
            case POSTGRESQL -> results.fresh().map(BenchReport::postgresTargets).orElse(List.of());
            case SPARK -> List.of();
        };
    }

    private List<Target> duckDbTargets() {
        BriefScale brief = results.brief();
        Growth growth = results.growth();
        List<Target> targets = new ArrayList<>();
        double hourly = seconds(BenchResults.median(brief.hourlySteps()));
        double hourlyBare = seconds(BenchResults.median(brief.hourlyBare()));
        targets.add(new Target("hourly step at most 3 s", format("%.2f s", hourly), hourly <= HOURLY_SECONDS));
        targets.add(new Target(
                "hourly step at most 3x its bare minimum",
                format("%.1fx (%.2f s against %.2f s)", hourly / hourlyBare, hourly, hourlyBare),
                hourly <= HOURLY_RATIO * hourlyBare));
        double daily = seconds(BenchResults.median(brief.dailySteps()));
        targets.add(new Target("daily users step at most 30 s", format("%.1f s", daily), daily <= DAILY_SECONDS));
        int last = lastCheckpoint();
        BenchResults.StepTime first = growth.day(1).hourly();
        BenchResults.StepTime later = growth.day(last).hourly();
        double cpuRatio = seconds(later.cpu()) / seconds(first.cpu());
        double wallRatio = seconds(later.wall()) / seconds(first.wall());
        // CPU time is what the run did; wall time also counts whatever else the shared machine was doing then.
        boolean cpuKnown = first.cpu().toNanos() > 0;
        targets.add(new Target(
                "hourly step after " + last + " days within 1.3x of after 1 day",
                cpuKnown
                        ? format(
                                "%.2fx in CPU time (%.3f s against %.3f s); %.2fx in wall time (%.3f s against"
                                        + " %.3f s)",
                                cpuRatio,
                                seconds(later.cpu()),
                                seconds(first.cpu()),
                                wallRatio,
                                seconds(later.wall()),
                                seconds(first.wall()))
                        : format(
                                "%.2fx (%.3f s against %.3f s)",
                                wallRatio, seconds(later.wall()), seconds(first.wall())),
                (cpuKnown ? cpuRatio : wallRatio) <= GROWTH_RATIO));
        List<BiTiming> queries = new ArrayList<>(growth.queries());
        queries.addAll(brief.queries());
        BiTiming slowest = queries.stream()
                .max(Comparator.comparing(timing -> timing.mart().answerReady()))
                .orElseThrow();
        double slowestMillis = millis(slowest.mart().answerReady());
        targets.add(new Target(
                "every BI query at most 50 ms (median, answer ready)",
                format("slowest %.1f ms (%s, %,d rows)", slowestMillis, describe(slowest), slowest.rows()),
                slowestMillis <= BI_MILLISECONDS));
        String longest =
                GrowthPhase.windows(results.settings().growthScenario()).get(1).label();
        BiTiming least = growth.queries().stream()
                .filter(timing -> timing.window().equals(longest))
                .min(Comparator.comparingDouble(BiTiming::speedUp))
                .orElseThrow();
        targets.add(new Target(
                "every BI query at least 100x faster than the naive join over " + longest,
                format("least %.0fx (%s)", least.speedUp(), describe(least)),
                least.speedUp() >= BI_SPEED_UP));
        targets.add(new Target(
                "peak memory at most 6 GB",
                results.peakMemoryBytes().isPresent()
                        ? format("%.2f GB (VmHWM)", results.peakMemoryBytes().getAsLong() / 1e9)
                        : "unknown (no /proc/self/status)",
                results.peakMemoryBytes().isPresent()
                        && results.peakMemoryBytes().getAsLong() <= PEAK_GIGABYTES * 1e9));
        results.fresh().ifPresent(fresh -> targets.addAll(freshTargets(fresh)));
        return targets;
    }

    /** PostgreSQL's targets: the steps as a scheduler runs them, each a fresh process. */
    private static List<Target> postgresTargets(FreshProcesses fresh) {
        double hourly = seconds(BenchResults.medianTotal(fresh.hourly()));
        double daily = seconds(BenchResults.medianTotal(fresh.daily()));
        return List.of(
                new Target(
                        "hourly step as a fresh process at most 30 s",
                        format("%.2f s", hourly),
                        hourly <= POSTGRES_HOURLY_SECONDS),
                new Target(
                        "daily users step as a fresh process at most 5 minutes",
                        format("%.1f s", daily),
                        daily <= POSTGRES_DAILY_SECONDS));
    }

    /** The targets of the steps as a scheduler runs them, each a fresh process. */
    private static List<Target> freshTargets(FreshProcesses fresh) {
        double hourly = seconds(BenchResults.medianTotal(fresh.hourly()));
        double bare = seconds(BenchResults.medianTotal(fresh.hourlyBare()));
        double noOp = seconds(BenchResults.medianTotal(fresh.noOp()));
        double daily = seconds(BenchResults.medianTotal(fresh.daily()));
        return List.of(
                new Target(
                        "hourly step as a fresh process at most 3 s",
                        format("%.2f s", hourly),
                        hourly <= FRESH_HOURLY_SECONDS),
                new Target(
                        "hourly step as a fresh process at most 2x its bare minimum run the same way",
                        format("%.1fx (%.2f s against %.2f s)", hourly / bare, hourly, bare),
                        hourly <= FRESH_HOURLY_RATIO * bare),
                new Target(
                        "run with nothing new as a fresh process at most 0.8 s",
                        format("%.2f s", noOp),
                        noOp <= FRESH_NO_OP_SECONDS),
                new Target(
                        "daily users step as a fresh process at most 20 s",
                        format("%.1f s", daily),
                        daily <= FRESH_DAILY_SECONDS));
    }

    /** The whole page. */
    public String markdown() {
        BenchSettings settings = results.settings();
        BriefScale brief = results.brief();
        Growth growth = results.growth();
        StringBuilder page = new StringBuilder();
        page.append("# pvw bench\n\n");
        page.append("- Command: `").append(command).append("`\n");
        page.append(format(
                "- Steps at %s of the brief's scale: %,d users, %,d pageviews a day, after %d day(s) of history.%n",
                number(settings.scale()), brief.users(), brief.pageviewsPerDay(), settings.days()));
        page.append(format(
                "- Growth and BI queries at %s of the brief's scale: %,d users, %,d pageviews a day, over %d days.%n",
                number(settings.growthScale()), growth.users(), growth.pageviewsPerDay(), settings.growthDays()));
        page.append(format(
                "- Machine: %d cores, %.1f GB memory; load average %s at the start and %s at the end.%n",
                results.before().cores(),
                results.before().memoryBytes() / 1e9,
                results.before().loadAverage(),
                results.after().loadAverage()));
        page.append(format(
                "- Engine: %s; Java %s. The whole run took %s.%n",
                switch (settings.engine()) {
                    case DUCKDB -> "DuckDB " + results.engine() + ", memory_limit " + settings.memoryLimit();
                    case POSTGRESQL -> results.engine();
                    case SPARK -> "Spark " + results.engine() + " in local mode, Iceberg tables";
                },
                System.getProperty("java.version"),
                clock(results.elapsed())));
        if (settings.scale() != 1) {
            page.append("- The targets are stated at the brief's scale; this run's steps are at ")
                    .append(number(settings.scale()))
                    .append(" of it, so its verdicts are about this scale only.\n");
        }

        page.append("\n## Targets\n\n");
        List<Target> targets = targets();
        if (targets.isEmpty()) {
            page.append("None is set on this engine: the figures below stand on their own.\n");
        } else {
            page.append("| target | measured | met |\n| --- | --- | --- |\n");
        }
        for (Target target : targets) {
            page.append("| ")
                    .append(target.goal())
                    .append(" | ")
                    .append(target.measured())
                    .append(" | ")
                    .append(target.met() ? "yes" : "**no**")
                    .append(" |\n");
        }

        page.append(format("%n## Steps at %s of the brief's scale%n%n", number(settings.scale())));
        page.append("| step | median | runs |\n| --- | ---: | ---: |\n");
        row(
                page,
                format("hourly step: one batch of %,d rows (a 24th of a day)", brief.batchRows()),
                brief.hourlySteps());
        row(
                page,
                "bare minimum on the same batch: append it, aggregate it once by hour and current postcode",
                brief.hourlyBare());
        page.append(format(
                "| hourly step / bare minimum | %.1fx | |%n",
                seconds(BenchResults.median(brief.hourlySteps())) / seconds(BenchResults.median(brief.hourlyBare()))));
        row(
                page,
                format(
                        "daily users step: %,d users, %,d moved, %,d new, %,d deleted",
                        brief.snapshot().users(),
                        brief.snapshot().movedUsers(),
                        brief.snapshot().newUsers(),
                        brief.snapshot().deletedUsers()),
                brief.dailySteps());
        row(page, "bare minimum: one full outer join of the snapshot with the current users", brief.dailyBare());
        page.append(format(
                "| daily users step / bare minimum | %.1fx | |%n",
                seconds(BenchResults.median(brief.dailySteps())) / seconds(BenchResults.median(brief.dailyBare()))));
        if (!brief.historyRuns().isEmpty()) {
            row(
                    page,
                    "hourly runs while the history was simulated (each hour's volume, on the daily curve)",
                    brief.historyRuns());
            page.append(format(
                    "| slowest of those (the evening peak) | %.2f s | |%n",
                    seconds(brief.historyRuns().stream()
                            .max(Comparator.naturalOrder())
                            .orElseThrow())));
        }

        results.fresh().ifPresent(fresh -> freshSection(page, fresh, brief));

        page.append(format("%n## Growth at %s of the brief's scale%n%n", number(settings.growthScale())));
        page.append(
                "Wall time, and in brackets the CPU time the process used meanwhile (the engine's threads in it included),"
                        + " which other work on the machine does not inflate; the load average when the day was done.\n\n");
        page.append("| after | hourly step (median of the day's runs) | daily users step | pageviews that day"
                + " | load average |\n");
        page.append("| --- | ---: | ---: | ---: | --- |\n");
        for (int day : settings.growthCheckpoints()) {
            BenchResults.GrowthDay entry = growth.day(day);
            page.append(format(
                    "| %d day%s | %.3f s (%.3f s) | %.2f s (%.2f s) | %,d | %s |%n",
                    day,
                    day == 1 ? "" : "s",
                    seconds(entry.hourly().wall()),
                    seconds(entry.hourly().cpu()),
                    seconds(entry.usersStep().wall()),
                    seconds(entry.usersStep().cpu()),
                    entry.pageviews(),
                    entry.loadAverage()));
        }
        page.append("\n![Growth of the hourly and daily steps](")
                .append(CHART_FILE)
                .append(")\n");

        page.append(format(
                "%n## BI queries at %s of the brief's scale, %d days%n%n"
                        + "From the marts as `pvw query` asks them, and from the naive join of the fact with the"
                        + " history at query time; both answers equal. Medians of the runs in brackets: until the"
                        + " answer is ready (computed, sorted, first row at the client), and until its last row is"
                        + " read. The speed-up compares answers ready.%n%n",
                number(settings.growthScale()), settings.growthDays()));
        queryTable(page, growth.queries());
        page.append(format(
                "%n## BI queries at %s of the brief's scale, after %d day(s)%n%n"
                        + "The same, on the steps' warehouse: the marts hold as many rows as at a tenth of the scale"
                        + " (hours times postcodes), the naive join reads ten times the pageviews.%n%n",
                number(settings.scale()), settings.days()));
        queryTable(page, brief.queries());

        page.append("\n## Warehouses at the end\n\n");
        page.append("| warehouse | fact rows | rollup rows | mart rows (current, at view) | history rows | file |\n");
        page.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        sizes(page, "steps (" + number(settings.scale()) + ")", brief.sizes());
        sizes(page, "growth (" + number(settings.growthScale()) + ")", growth.sizes());
        return page.toString();
    }

    /** The steps as fresh processes beside the same steps in one warm process, and where each process's time goes. */
    private static void freshSection(StringBuilder page, FreshProcesses fresh, BriefScale brief) {
        page.append("\n### As a scheduler runs them: each step a fresh process\n\n");
        page.append("Each step started as a new process on the same warehouse, as cron, systemd, Airflow or Kubernetes"
                        + " start `pvw run` (here: ")
                .append(fresh.launcher().startsWith("java ") ? "`" + fresh.launcher() + "`" : "`./pvw`")
                .append("), timed from its start to its exit; its bare minimum run the same way, as a process of its"
                        + " own (`pvw bench-bare-minimum`). Medians; the warm figures are the same steps inside one"
                        + " process, from the table above.\n\n");
        page.append("| step | fresh process | warm, in one process | runs |\n| --- | ---: | ---: | ---: |\n");
        freshRow(page, "hourly step", fresh.hourly(), Optional.of(brief.hourlySteps()));
        freshRow(page, "its bare minimum", fresh.hourlyBare(), Optional.of(brief.hourlyBare()));
        page.append(format(
                "| hourly step / bare minimum | %.1fx | %.1fx | |%n",
                seconds(BenchResults.medianTotal(fresh.hourly()))
                        / seconds(BenchResults.medianTotal(fresh.hourlyBare())),
                seconds(BenchResults.median(brief.hourlySteps())) / seconds(BenchResults.median(brief.hourlyBare()))));
        freshRow(page, "daily users step", fresh.daily(), Optional.of(brief.dailySteps()));
        freshRow(page, "its bare minimum", fresh.dailyBare(), Optional.of(brief.dailyBare()));
        freshRow(page, "run with nothing new (both extracts unchanged)", fresh.noOp(), Optional.empty());

        page.append("\nWhere a fresh process's time goes (medians of each phase, so they need not add up to the"
                + " median total):\n\n");
        page.append("| phase | hourly step | its bare minimum | daily users step | its bare minimum | nothing new |\n");
        page.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        List<List<ProcessRun>> columns =
                List.of(fresh.hourly(), fresh.hourlyBare(), fresh.daily(), fresh.dailyBare(), fresh.noOp());
        for (ProcessPhase phase : ProcessPhase.values()) {
            page.append("| ").append(phase.description());
            for (List<ProcessRun> runs : columns) {
                page.append(format(" | %.2f s", seconds(BenchResults.medianPhase(runs, phase))));
            }
            page.append(" |\n");
        }
        page.append("| whole process");
        for (List<ProcessRun> runs : columns) {
            page.append(format(" | %.2f s", seconds(BenchResults.medianTotal(runs))));
        }
        page.append(" |\n");
    }

    private static void freshRow(
            StringBuilder page, String step, List<ProcessRun> runs, Optional<List<Duration>> warm) {
        page.append(format(
                "| %s | %.2f s | %s | %d |%n",
                step,
                seconds(BenchResults.medianTotal(runs)),
                warm.map(timings -> format("%.2f s", seconds(BenchResults.median(timings))))
                        .orElse(""),
                runs.size()));
    }

    /** BI queries from the marts against the naive join, one row per question, grain and window. */
    private static void queryTable(StringBuilder page, List<BiTiming> queries) {
        page.append("| question | grain | window | rows | mart: ready | mart: all read | naive: ready"
                + " | naive: all read | speed-up |\n");
        page.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BiTiming timing : queries) {
            page.append(format(
                    "| %s | %s | %s | %,d | %.1f ms (%d) | %,.1f ms | %,.0f ms (%d) | %,.0f ms | %,.0fx |%n",
                    question(timing.question()),
                    timing.grain().name().toLowerCase(Locale.ROOT),
                    timing.window(),
                    timing.rows(),
                    millis(timing.mart().answerReady()),
                    timing.mart().runs(),
                    millis(timing.mart().allRowsRead()),
                    millis(timing.naive().answerReady()),
                    timing.naive().runs(),
                    millis(timing.naive().allRowsRead()),
                    timing.speedUp()));
        }
    }

    private int lastCheckpoint() {
        List<Integer> checkpoints = results.settings().growthCheckpoints();
        return checkpoints.get(checkpoints.size() - 1);
    }

    private static void row(StringBuilder page, String step, List<Duration> timings) {
        page.append(format("| %s | %.2f s | %d |%n", step, seconds(BenchResults.median(timings)), timings.size()));
    }

    private static void sizes(StringBuilder page, String name, TableSizes sizes) {
        page.append(format(
                "| %s | %,d | %,d | %,d, %,d | %,d | %.2f GB |%n",
                name,
                sizes.factRows(),
                sizes.rollupRows(),
                sizes.currentMartRows(),
                sizes.atViewMartRows(),
                sizes.historyRows(),
                sizes.fileBytes() / 1e9));
    }

    private static String describe(BiTiming timing) {
        return question(timing.question()) + " by " + timing.grain().name().toLowerCase(Locale.ROOT) + " over "
                + timing.window();
    }

    private static String question(Mart mart) {
        return mart == Mart.CURRENT ? "current postcode" : "postcode at view";
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String clock(Duration duration) {
        return format("%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double millis(Duration duration) {
        return duration == null ? Double.NaN : duration.toNanos() / 1e6;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
