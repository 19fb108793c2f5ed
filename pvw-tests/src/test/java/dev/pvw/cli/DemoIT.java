package dev.pvw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pvw.pipeline.Pipeline;
import dev.pvw.simulate.SimulationSettings;
import dev.pvw.testing.CliResult;
import dev.pvw.testing.MartRow;
import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.SimulatedExtracts;
import dev.pvw.testing.TestingDemo;
import dev.pvw.testing.TestingWarehouse;
import dev.pvw.testing.UserRow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code pvw demo} end to end: it replaces an earlier demo, builds demo.duckdb as the scheduler would, and its marts,
 * quarantine and output agree with a small reference model of SPEC sections 3 and 4 fed the same synthetic extracts.
 */
class DemoIT {
    private static final SimulationSettings SETTINGS = TestingDemo.SETTINGS;

    private static Path directory;

    private static TestingWarehouse demo;
    private static CliResult result;
    private static String logs;
    private static SpecModel expected;

    @BeforeAll
    static void runTheDemo() {
        // pvw demo over the junk of an earlier demo, run once per test JVM and shared with the suites that read it.
        TestingDemo.Run run = TestingDemo.run();
        directory = run.directory();
        demo = run.warehouse();
        result = run.result();
        logs = run.logs();
        expected = new SpecModel(SETTINGS, TestingDemo.extracts());
    }

    @Test
    void buildsTheDemoWarehouse() {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(directory.resolve("demo.duckdb")).isRegularFile();
        assertThat(demo.currentMart()).isNotEmpty();
        assertThat(demo.atViewMart()).isNotEmpty();
    }

    @Test
    void bothMartsCountTheSamePageviewsEveryDay() {
        Map<LocalDate, Long> current = totalsByDay(demo.currentMart());

        assertThat(current)
                .containsOnlyKeys(
                        SETTINGS.firstDay().datesUntil(SETTINGS.closingDay()).toList());
        assertThat(totalsByDay(demo.atViewMart())).isEqualTo(current);
    }

    @Test
    void martsAgreeWithTheSpecification() {
        assertThat(demo.currentMart()).containsExactlyInAnyOrderElementsOf(expected.currentMart());
        assertThat(demo.atViewMart()).containsExactlyInAnyOrderElementsOf(expected.atViewMart());
    }

    @Test
    void quarantineHoldsTheBadRows() {
        Map<String, Long> quarantined = new TreeMap<>();
        demo.query(
                        "SELECT reason, count(*) FROM core.quarantined_pageviews GROUP BY reason"
                                + " UNION ALL SELECT reason, count(*) FROM core.quarantined_users GROUP BY reason",
                        rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(entry -> quarantined.put(entry.getKey(), entry.getValue()));

        assertThat(quarantined)
                .containsOnlyKeys(
                        "null_user_id",
                        "null_pageview_datetime",
                        "pageview_after_as_of",
                        "null_id",
                        "conflicting_postcodes")
                .isEqualTo(expected.quarantined());
    }

    @Test
    void theDemoWarehousePassesEveryCheckInFull() {
        CliResult checked = demo.pvw("check", "--full");

        assertThat(checked.exitCode()).as(checked.toString()).isZero();
        assertThat(checked.out()).contains("over everything: the history of ", "All 12 checks passed.");
    }

    @Test
    void printsBothAnswersForTheBusiestPostcodesAndHowToExploreFurther() {
        Map<String, Long> totals = demo.currentMart().stream()
                .filter(row -> row.postcode() != null)
                .collect(Collectors.groupingBy(MartRow::postcode, Collectors.summingLong(MartRow::pageviews)));
        List<String> busiest = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(DemoReport.BUSIEST_POSTCODES)
                .map(Map.Entry::getKey)
                .toList();
        Pattern header = Pattern.compile("day"
                + busiest.stream()
                        .map(postcode -> "\\s+" + Pattern.quote(postcode))
                        .collect(Collectors.joining())
                + "\\s+all postcodes");

        assertThat(busiest).hasSize(DemoReport.BUSIEST_POSTCODES);
        assertThat(header.matcher(result.out()).results().count())
                .as("table headers naming the busiest postcodes, one per question, in%n%s", result.out())
                .isEqualTo(2);
        assertThat(result.out())
                .contains("current postcode", "postcode the user had when viewing")
                .contains(
                        "./pvw --warehouse jdbc:duckdb:demo.duckdb query current",
                        "./pvw --warehouse jdbc:duckdb:demo.duckdb query at-view",
                        "--grain hour",
                        "--grain week",
                        "--grain month --format csv",
                        "./pvw --warehouse jdbc:duckdb:demo.duckdb status")
                .endsWith("Or see both answers in the browser: ./pvw --warehouse jdbc:duckdb:demo.duckdb serve, then"
                        + " open http://127.0.0.1:8080/\n");
    }

    @Test
    void reportsOneLinePerSimulatedDayWithoutThePipelinesOwnLogs() {
        List<String> dayLines = result.err()
                .lines()
                .filter(line -> line.matches("\\s+\\d{4}-\\d{2}-\\d{2}: .*"))
                .toList();

        assertThat(dayLines).hasSize(SETTINGS.days() + 1);
        assertThat(dayLines.get(0)).contains("24 runs", "pageviews counted", "rows quarantined");
        assertThat(result.err()).contains("Done: " + (24 * SETTINGS.days() + 1) + " runs");
        assertThat(logs).as("log lines during the demo").doesNotContain("INFO");
        // Restored means inheriting again, whatever level the surrounding configuration gives.
        assertThat(((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Pipeline.class.getPackageName()))
                        .getLevel())
                .as("the pipeline's logging restored after the demo")
                .isNull();
    }

    private static Map<LocalDate, Long> totalsByDay(List<MartRow> rows) {
        return rows.stream()
                .collect(Collectors.groupingBy(
                        row -> row.hourStart().toLocalDate(),
                        TreeMap::new,
                        Collectors.summingLong(MartRow::pageviews)));
    }

    /**
     * What SPEC sections 3 and 4 say the marts and quarantine hold after the demo's schedule, worked out directly from
     * the extracts, without the pipeline's history tables.
     */
    private static final class SpecModel {
        private final List<Snapshot> snapshots = new ArrayList<>();
        private final Map<MartRow, Long> currentCounts = new HashMap<>();
        private final Map<MartRow, Long> atViewCounts = new HashMap<>();
        private final Map<String, Long> quarantined = new TreeMap<>();

        SpecModel(SimulationSettings settings, SimulatedExtracts extracts) {
            for (LocalDate day = settings.firstDay(); !day.isAfter(settings.closingDay()); day = day.plusDays(1)) {
                acceptUsers(extracts.users().get(day), day.atStartOfDay());
            }
            List<PageviewRow> counted = new ArrayList<>();
            for (LocalDateTime hour = settings.firstDay().atStartOfDay();
                    hour.isBefore(settings.closingDay().atStartOfDay());
                    hour = hour.plusHours(1)) {
                // The scheduler lands an hour at five past the next one and runs as of then.
                LocalDateTime asOf = hour.plusHours(1).plusMinutes(5);
                for (PageviewRow row : extracts.pageviews().get(hour)) {
                    String reason = rejectReason(row, asOf);
                    if (reason == null) {
                        counted.add(row);
                    } else {
                        quarantined.merge(reason, 1L, Long::sum);
                    }
                }
            }
            // Counted once every snapshot is in: the marts end corrected by the snapshots that came after a view.
            for (PageviewRow row : counted) {
                LocalDateTime hourStart = row.pageviewDatetime().truncatedTo(ChronoUnit.HOURS);
                String atView = postcodeAtView(row.userId(), row.pageviewDatetime());
                currentCounts.merge(new MartRow(hourStart, currentPostcode(row.userId()), 0), 1L, Long::sum);
                atViewCounts.merge(new MartRow(hourStart, atView, 0), 1L, Long::sum);
            }
        }

        List<MartRow> currentMart() {
            return rows(currentCounts);
        }

        List<MartRow> atViewMart() {
            return rows(atViewCounts);
        }

        Map<String, Long> quarantined() {
            return quarantined;
        }

        /** SPEC 4: the first reason that applies, or null for a row that counts. */
        private static String rejectReason(PageviewRow row, LocalDateTime asOf) {
            if (row.userId() == null) {
                return "null_user_id";
            }
            if (row.pageviewDatetime() == null) {
                return "null_pageview_datetime";
            }
            return row.pageviewDatetime().isAfter(asOf) ? "pageview_after_as_of" : null;
        }

        /** SPEC 3 and 4: normalise, drop NULL ids, and let a conflicting id keep its previous postcode. */
        private void acceptUsers(List<UserRow> rows, LocalDateTime effectiveFrom) {
            Map<Long, Set<String>> postcodes = new HashMap<>();
            for (UserRow row : rows) {
                if (row.id() == null) {
                    quarantined.merge("null_id", 1L, Long::sum);
                } else {
                    postcodes.computeIfAbsent(row.id(), key -> new HashSet<>()).add(normalised(row.postcode()));
                }
            }
            for (UserRow row : rows) {
                if (row.id() != null && postcodes.get(row.id()).size() > 1) {
                    quarantined.merge("conflicting_postcodes", 1L, Long::sum);
                }
            }
            Map<Long, String> previous = snapshots.isEmpty()
                    ? Map.of()
                    : snapshots.get(snapshots.size() - 1).users();
            Map<Long, String> users = new HashMap<>();
            postcodes.forEach((userId, distinct) -> {
                if (distinct.size() == 1) {
                    users.put(userId, distinct.iterator().next());
                } else if (previous.containsKey(userId)) {
                    users.put(userId, previous.get(userId));
                }
            });
            snapshots.add(new Snapshot(effectiveFrom, users));
        }

        /** SPEC 3: the postcode of the latest snapshot that contains the user. */
        private String currentPostcode(long userId) {
            String postcode = null;
            for (Snapshot snapshot : snapshots) {
                if (snapshot.users().containsKey(userId)) {
                    postcode = snapshot.users().get(userId);
                }
            }
            return postcode;
        }

        /** SPEC 3: the latest containing snapshot effective at or before the view, else the earliest containing one. */
        private String postcodeAtView(long userId, LocalDateTime viewedAt) {
            Snapshot earliest = null;
            Snapshot latestBefore = null;
            for (Snapshot snapshot : snapshots) {
                if (!snapshot.users().containsKey(userId)) {
                    continue;
                }
                if (earliest == null) {
                    earliest = snapshot;
                }
                if (!snapshot.effectiveFrom().isAfter(viewedAt)) {
                    latestBefore = snapshot;
                }
            }
            Snapshot chosen = latestBefore != null ? latestBefore : earliest;
            return chosen == null ? null : chosen.users().get(userId);
        }

        /** SPEC 3: trimmed of blanks, upper-cased, NULL when empty. */
        private static String normalised(String postcode) {
            if (postcode == null) {
                return null;
            }
            String trimmed =
                    postcode.replaceAll("^[ \\t\\n\\r]+|[ \\t\\n\\r]+$", "").toUpperCase(Locale.ROOT);
            return trimmed.isEmpty() ? null : trimmed;
        }

        private static List<MartRow> rows(Map<MartRow, Long> counts) {
            return counts.entrySet().stream()
                    .map(entry -> new MartRow(
                            entry.getKey().hourStart(), entry.getKey().postcode(), entry.getValue()))
                    .toList();
        }

        /** An accepted users snapshot: who it contains, with which postcode, from when. */
        private record Snapshot(LocalDateTime effectiveFrom, Map<Long, String> users) {}
    }
}
