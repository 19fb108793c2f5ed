package dev.pvw.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.SimulatedExtracts;
import dev.pvw.testing.TestingDemo;
import dev.pvw.testing.TestingEngine;
import dev.pvw.testing.UserRow;
import dev.pvw.warehouse.OpenOptions;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic extracts: reproducible, realistic in shape (daily curve, sessions, skewed users, pages and districts),
 * changing at the configured rates, and carrying the bad rows promised.
 */
class ExtractGeneratorIT {
    private static final LocalDate CLOSING_DAY = LocalDate.of(2026, 1, 10);
    private static final SimulationSettings DEMO = SimulationSettings.demoClosingOn(CLOSING_DAY);

    private static SimulatedExtracts demo;

    @BeforeAll
    static void recordTheDemoScenario() {
        // The demo's extracts, which the JVM records once for every suite that reads them.
        assertThat(TestingDemo.SETTINGS).isEqualTo(DEMO);
        demo = TestingDemo.extracts();
    }

    @Test
    void sameSettingsGiveTheSameExtracts(@TempDir Path elsewhere) {
        SimulatedExtracts again = SimulatedExtracts.record(DEMO, elsewhere);

        assertThat(again.users().keySet()).isEqualTo(demo.users().keySet());
        demo.users().forEach((day, rows) -> assertThat(counts(again.users().get(day)))
                .as("users extract of %s", day)
                .isEqualTo(counts(rows)));
        assertThat(again.pageviews().keySet()).isEqualTo(demo.pageviews().keySet());
        demo.pageviews()
                .forEach((hour, rows) -> assertThat(counts(again.pageviews().get(hour)))
                        .as("pageviews extract of %s", hour)
                        .isEqualTo(counts(rows)));
    }

    @Test
    void anotherSeedGivesOtherExtracts(@TempDir Path elsewhere) {
        SimulatedExtracts reseeded = SimulatedExtracts.record(DEMO.withSeed(DEMO.seed() + 1), elsewhere);
        LocalDateTime noon = DEMO.firstDay().atTime(12, 0);

        assertThat(counts(reseeded.users().get(DEMO.firstDay())))
                .isNotEqualTo(counts(demo.users().get(DEMO.firstDay())));
        assertThat(counts(reseeded.pageviews().get(noon)))
                .isNotEqualTo(counts(demo.pageviews().get(noon)));
    }

    @Test
    void usersMoveJoinLeaveAndReturnAtTheConfiguredRates(@TempDir Path elsewhere) {
        SimulationSettings settings =
                new SimulationSettings(7, LocalDate.of(2026, 3, 1), 3, 20_000, 20_000, 50, 0.03, 0.02, 0.01, 0.3, 0);
        SimulatedExtracts extracts = SimulatedExtracts.record(settings, elsewhere);

        long before = 0;
        long moved = 0;
        long joined = 0;
        long deleted = 0;
        long gone = 0;
        long returned = 0;
        Set<Long> everSeen = new HashSet<>();
        Map<Long, String> previous = null;
        for (LocalDate day : extractDays(settings)) {
            List<UserRow> rows = extracts.users().get(day);
            Map<Long, String> users = validUsers(rows);
            if (previous != null) {
                Set<Long> comparable = new HashSet<>(previous.keySet());
                comparable.removeAll(conflictingIds(rows));
                before += comparable.size();
                Set<Long> absent = new HashSet<>(everSeen);
                absent.removeAll(previous.keySet());
                absent.removeAll(conflictingIds(rows));
                gone += absent.size();
                for (Long userId : comparable) {
                    if (!users.containsKey(userId)) {
                        deleted++;
                    } else if (!users.get(userId).equals(previous.get(userId))) {
                        moved++;
                    }
                }
                for (Long userId : users.keySet()) {
                    if (!everSeen.contains(userId)) {
                        joined++;
                    } else if (absent.contains(userId)) {
                        returned++;
                    }
                }
            }
            everSeen.addAll(users.keySet());
            previous = users;
        }

        assertThat((double) moved / before).isCloseTo(settings.moveRate(), withinPercent(10));
        assertThat((double) joined / before).isCloseTo(settings.newUserRate(), withinPercent(10));
        assertThat((double) deleted / before).isCloseTo(settings.deleteRate(), withinPercent(15));
        assertThat(gone).as("users deleted on an earlier day").isGreaterThan(200);
        assertThat((double) returned / gone).isCloseTo(settings.returnRate(), withinPercent(25));
    }

    @Test
    void postcodesAreRealDistrictsWithASkew() {
        Map<String, Integer> usersByDistrict = new HashMap<>();
        validUsers(demo.users().get(DEMO.firstDay()))
                .values()
                .forEach(district -> usersByDistrict.merge(district, 1, Integer::sum));

        assertThat(PostcodeDistricts.mostPopular(DEMO.districts())).containsAll(usersByDistrict.keySet());
        assertThat(usersByDistrict.get(PostcodeDistricts.POPULAR.get(0)))
                .isGreaterThan(5 * usersByDistrict.getOrDefault(PostcodeDistricts.POPULAR.get(20), 0));
    }

    @Test
    void usersExtractsCarryTheBadRowsOfARealExtract() {
        for (LocalDate day : extractDays(DEMO)) {
            List<UserRow> rows = demo.users().get(day);

            assertThat(rows).as("NULL id on %s", day).anyMatch(row -> row.id() == null);
            assertThat(rows)
                    .as("careless postcodes on %s", day)
                    .anyMatch(row -> row.postcode() != null && !row.postcode().equals(normalised(row.postcode())));
            assertThat(listedTwiceAlike(rows))
                    .as("a user listed twice, one postcode, on %s", day)
                    .isNotEmpty();
            if (day.equals(DEMO.firstDay())) {
                // Every user starts with a known postcode: the pipeline has no earlier one to keep.
                assertThat(conflictingIds(rows))
                        .as("conflicting ids on the first day")
                        .isEmpty();
            } else {
                assertThat(conflictingIds(rows))
                        .as("conflicting ids on %s", day)
                        .hasSize(1);
                assertThat(validUsers(demo.users().get(day.minusDays(1))))
                        .as("the conflicting user was in the previous extract")
                        .containsKeys(conflictingIds(rows).toArray(Long[]::new));
            }
        }
    }

    @Test
    void pageviewsExtractsCarryAFewBadRows() {
        long rows = 0;
        long noUser = 0;
        long noTime = 0;
        long afterExtract = 0;
        for (Map.Entry<LocalDateTime, List<PageviewRow>> hour : demo.pageviews().entrySet()) {
            LocalDateTime extractedAt = SimulatedExtracts.tickAfter(hour.getKey());
            for (PageviewRow row : hour.getValue()) {
                rows++;
                if (row.userId() == null) {
                    noUser++;
                } else if (row.pageviewDatetime() == null) {
                    noTime++;
                } else if (row.pageviewDatetime().isAfter(extractedAt)) {
                    afterExtract++;
                }
            }
        }

        assertThat(noUser).isPositive();
        assertThat(noTime).isPositive();
        assertThat(afterExtract).isPositive();
        assertThat((double) (noUser + noTime + afterExtract) / rows)
                .as("share of bad rows")
                .isLessThan(0.001);
    }

    @Test
    void pageviewsFollowTheDailyCurveFromKnownUsers() {
        Set<Long> knownUsers = new HashSet<>();
        demo.users().values().forEach(rows -> knownUsers.addAll(validUsers(rows).keySet()));
        LocalDate day = DEMO.firstDay().plusDays(1);

        Map<Integer, Long> byHour = new HashMap<>();
        List<PageviewRow> outsideTheirHour = new ArrayList<>();
        List<PageviewRow> dayRows = validRowsOf(day);
        for (PageviewRow row : dayRows) {
            byHour.merge(row.pageviewDatetime().getHour(), 1L, Long::sum);
        }
        for (int hour = 0; hour < 24; hour++) {
            LocalDateTime hourStart = day.atTime(hour, 0);
            demo.pageviews().get(hourStart).stream()
                    .filter(row -> row.userId() != null && row.pageviewDatetime() != null)
                    .filter(row -> !row.pageviewDatetime().isAfter(SimulatedExtracts.tickAfter(hourStart)))
                    .filter(row -> !row.pageviewDatetime()
                            .truncatedTo(ChronoUnit.HOURS)
                            .equals(hourStart))
                    .forEach(outsideTheirHour::add);
        }

        assertThat(outsideTheirHour)
                .as("valid rows outside their extract's hour")
                .isEmpty();
        assertThat(knownUsers)
                .as("every viewer is in some users extract")
                .containsAll(dayRows.stream().map(PageviewRow::userId).toList());
        assertThat(byHour.get(20)).as("evening peak over the night trough").isGreaterThan(5 * byHour.get(4));
        assertThat((double) dayRows.size()).isCloseTo(DEMO.pageviewsPerDay(), withinPercent(10));
    }

    @Test
    void pageviewsComeInSessionsFromUsersOfSkewedActivityAndSkewTowardsSomePages() {
        List<PageviewRow> dayRows = validRowsOf(DEMO.firstDay().plusDays(1));
        Map<String, Long> byUserHour = dayRows.stream()
                .collect(Collectors.groupingBy(
                        row -> row.userId() + "@" + row.pageviewDatetime().getHour(), Collectors.counting()));
        List<Long> byUser =
                dayRows.stream()
                        .collect(Collectors.groupingBy(PageviewRow::userId, Collectors.counting()))
                        .values()
                        .stream()
                        .sorted(Comparator.reverseOrder())
                        .toList();
        Map<String, Long> byPage = dayRows.stream()
                .filter(row -> row.url() != null)
                .collect(Collectors.groupingBy(PageviewRow::url, Collectors.counting()));

        assertThat((double) dayRows.size() / byUserHour.size())
                .as("pageviews per user and hour with any")
                .isGreaterThan(2.5);
        assertThat(byUser.subList(0, byUser.size() / 10).stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("pageviews of the busiest tenth of the viewers")
                .isGreaterThan(dayRows.size() / 4);
        assertThat((double) byPage.get("www.website.com/index.html") / dayRows.size())
                .isCloseTo(0.25, withinPercent(10));
        assertThat(byPage.getOrDefault("www.website.com/news/1.html", 0L))
                .as("the top article over one from the tail")
                .isGreaterThan(5 * byPage.getOrDefault("www.website.com/news/250.html", 0L));
    }

    @Test
    void averageHoursHoldADaysShareWhateverTheHour(@TempDir Path elsewhere) {
        try (Warehouse warehouse = scratchWarehouse(elsewhere);
                ExtractGenerator generator = ExtractGenerator.start(warehouse, DEMO)) {
            generator.landUsers(DEMO.firstDay());
            LocalDateTime night = DEMO.firstDay().atTime(4, 0);

            long average = generator.landAverageHour(night, night.plusHours(1));
            long curve = generator.landPageviews(night, night.plusHours(1));

            assertThat((double) average).isCloseTo(DEMO.pageviewsPerDay() / 24.0, withinPercent(10));
            assertThat(curve).isLessThan(average / 3);
        }
    }

    @Test
    void daysGoForwardOneAtATimeAndThereIsNoTrafficBeforeTheFirst(@TempDir Path elsewhere) {
        try (Warehouse warehouse = scratchWarehouse(elsewhere);
                ExtractGenerator generator = ExtractGenerator.start(warehouse, DEMO)) {
            LocalDateTime beforeStart = DEMO.firstDay().atStartOfDay().minusHours(1);

            assertThat(generator.landPageviews(beforeStart, beforeStart.plusHours(1)))
                    .isZero();
            assertThatThrownBy(() -> generator.landUsers(DEMO.firstDay().plusDays(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the next users extract is that of " + DEMO.firstDay());
            generator.landUsers(DEMO.firstDay());
            LocalDateTime nextDay = DEMO.firstDay().plusDays(1).atStartOfDay();
            assertThatThrownBy(() -> generator.landPageviews(nextDay, nextDay.plusHours(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("need the users of that day");
            assertThatThrownBy(() -> generator.landPageviews(beforeStart.plusMinutes(65), nextDay))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("on the hour");
        }
    }

    @Test
    void theSimulatedSystemsLeaveNothingBehindInTheWarehouse(@TempDir Path elsewhere) {
        try (Warehouse warehouse = scratchWarehouse(elsewhere)) {
            try (ExtractGenerator generator = ExtractGenerator.start(warehouse, DEMO)) {
                generator.landUsers(DEMO.firstDay());
            }
            assertThat(warehouse.query("testing/schemas", Map.of(), row -> row.getString(1)))
                    .doesNotContain("sim")
                    .contains("raw", "core", "mart");
        }
    }

    @Test
    void aPostgresqlWarehouseGetsTheSameExtractsThroughFilesAndNoScratchIsLeft(@TempDir Path elsewhere)
            throws IOException {
        LocalDateTime morning = DEMO.firstDay().atTime(9, 0);
        List<List<Object>> onDuckDb;
        try (Warehouse warehouse = scratchWarehouse(elsewhere);
                ExtractGenerator generator = ExtractGenerator.start(warehouse, DEMO)) {
            onDuckDb = landADayAndAnHour(generator, warehouse, morning);
        }
        Path scratch = elsewhere.resolve("scratch");
        List<List<Object>> onPostgresql;
        try (Warehouse warehouse = Warehouse.open(
                WarehouseUrl.parse(TestingEngine.POSTGRESQL.newWarehouseUrl(elsewhere)),
                OpenOptions.forWriting(Duration.ofSeconds(5)))) {
            new SchemaMigrator(warehouse, Clock.systemUTC()).migrate();
            try (ExtractGenerator generator = ExtractGenerator.start(warehouse, DEMO, scratch)) {
                onPostgresql = landADayAndAnHour(generator, warehouse, morning);
            }
        }

        assertThat(onPostgresql.get(0)).as("users extract").containsExactlyInAnyOrderElementsOf(onDuckDb.get(0));
        assertThat(onPostgresql.get(1)).as("pageviews extract").containsExactlyInAnyOrderElementsOf(onDuckDb.get(1));
        assertThat(onDuckDb.get(1))
                .as("the hour's pageviews, bad rows among them")
                .hasSizeGreaterThan(100);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("the generator's scratch DuckDB").isEmpty();
        }
    }

    /** Lands the first day's users and the pageviews of {@code hour}; returns both extracts as the warehouse holds them. */
    private static List<List<Object>> landADayAndAnHour(
            ExtractGenerator generator, Warehouse warehouse, LocalDateTime hour) {
        generator.landUsers(DEMO.firstDay());
        generator.landPageviews(hour, hour.plusHours(1).plusMinutes(5));
        List<Object> users = new ArrayList<>(warehouse.query(
                "testing/read_users_extract",
                Map.of(),
                row -> new UserRow(row.getNullableLong("id"), row.getString("postcode"))));
        List<Object> pageviews = new ArrayList<>(warehouse.query(
                "testing/read_pageviews_extract",
                Map.of(),
                row -> new PageviewRow(
                        row.getNullableLong("user_id"), row.getString("url"), row.getTimestamp("pageview_datetime"))));
        return List.of(users, pageviews);
    }

    private static Warehouse scratchWarehouse(Path directory) {
        Warehouse warehouse = Warehouse.open(
                WarehouseUrl.parse("jdbc:duckdb:" + directory.resolve("scratch.duckdb")),
                OpenOptions.forWriting(Duration.ofSeconds(5)));
        new SchemaMigrator(warehouse, Clock.systemUTC()).migrate();
        return warehouse;
    }

    /** The rows of a day that count: a user, a time, and not after the extract was taken. */
    private static List<PageviewRow> validRowsOf(LocalDate day) {
        List<PageviewRow> rows = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            LocalDateTime hourStart = day.atTime(hour, 0);
            demo.pageviews().get(hourStart).stream()
                    .filter(row -> row.userId() != null && row.pageviewDatetime() != null)
                    .filter(row -> !row.pageviewDatetime().isAfter(SimulatedExtracts.tickAfter(hourStart)))
                    .forEach(rows::add);
        }
        return rows;
    }

    private static List<LocalDate> extractDays(SimulationSettings settings) {
        return settings.firstDay().datesUntil(settings.closingDay().plusDays(1)).toList();
    }

    private static <T> Map<T, Long> counts(List<T> rows) {
        return rows.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Postcodes as SPEC section 3 reads them: trimmed and upper-cased. */
    private static String normalised(String postcode) {
        return postcode == null ? null : postcode.strip().toUpperCase(Locale.ROOT);
    }

    /** The users of an extract as the pipeline sees them, leaving out NULL ids and conflicting ids. */
    private static Map<Long, String> validUsers(List<UserRow> rows) {
        Set<Long> conflicting = conflictingIds(rows);
        Map<Long, String> users = new HashMap<>();
        for (UserRow row : rows) {
            if (row.id() != null && !conflicting.contains(row.id())) {
                users.put(row.id(), normalised(row.postcode()));
            }
        }
        return users;
    }

    private static Set<Long> conflictingIds(List<UserRow> rows) {
        Set<Long> conflicting = new HashSet<>();
        postcodesById(rows).forEach((userId, distinct) -> {
            if (distinct.size() > 1) {
                conflicting.add(userId);
            }
        });
        return conflicting;
    }

    private static Set<Long> listedTwiceAlike(List<UserRow> rows) {
        Map<Long, Integer> listings = new HashMap<>();
        rows.stream().filter(row -> row.id() != null).forEach(row -> listings.merge(row.id(), 1, Integer::sum));
        Map<Long, Set<String>> postcodes = postcodesById(rows);
        Set<Long> alike = new HashSet<>();
        listings.forEach((userId, count) -> {
            if (count > 1 && postcodes.get(userId).size() == 1) {
                alike.add(userId);
            }
        });
        return alike;
    }

    private static Map<Long, Set<String>> postcodesById(List<UserRow> rows) {
        Map<Long, Set<String>> postcodes = new HashMap<>();
        for (UserRow row : rows) {
            if (row.id() != null) {
                postcodes.computeIfAbsent(row.id(), key -> new HashSet<>()).add(normalised(row.postcode()));
            }
        }
        return postcodes;
    }

    private static org.assertj.core.data.Percentage withinPercent(double percent) {
        return org.assertj.core.data.Percentage.withPercentage(percent);
    }
}
