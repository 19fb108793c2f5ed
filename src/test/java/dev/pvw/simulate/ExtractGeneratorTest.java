package dev.pvw.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The synthetic extracts: reproducible, changing at the configured rates, and carrying the bad rows promised. */
class ExtractGeneratorTest {
    private static final LocalDate CLOSING_DAY = LocalDate.of(2026, 1, 10);
    private static final SimulationSettings DEMO = SimulationSettings.demoClosingOn(CLOSING_DAY);

    @Test
    void sameSettingsGiveTheSameExtractsInAnyOrder() {
        ExtractGenerator first = new ExtractGenerator(DEMO);
        ExtractGenerator second = new ExtractGenerator(DEMO);

        List<LocalDate> days = extractDays(DEMO);
        List<LocalDate> reversedDays = new ArrayList<>(days);
        Collections.reverse(reversedDays);
        Map<LocalDate, List<UserExtractRow>> askedInReverse = new HashMap<>();
        reversedDays.forEach(day -> askedInReverse.put(day, second.usersExtract(day)));
        for (LocalDate day : days) {
            assertThat(first.usersExtract(day)).isEqualTo(askedInReverse.get(day));
        }

        List<LocalDateTime> hours = trafficHours(DEMO);
        List<LocalDateTime> reversedHours = new ArrayList<>(hours);
        Collections.reverse(reversedHours);
        Map<LocalDateTime, List<PageviewExtractRow>> pageviewsInReverse = new HashMap<>();
        reversedHours.forEach(hour -> pageviewsInReverse.put(hour, second.pageviewsExtract(hour, tickAfter(hour))));
        for (LocalDateTime hour : hours) {
            assertThat(first.pageviewsExtract(hour, tickAfter(hour))).isEqualTo(pageviewsInReverse.get(hour));
        }
    }

    @Test
    void anotherSeedGivesOtherExtracts() {
        ExtractGenerator demo = new ExtractGenerator(DEMO);
        ExtractGenerator reseeded = new ExtractGenerator(withSeed(DEMO, DEMO.seed() + 1));
        LocalDateTime noon = DEMO.firstDay().atTime(12, 0);

        assertThat(reseeded.usersExtract(DEMO.firstDay())).isNotEqualTo(demo.usersExtract(DEMO.firstDay()));
        assertThat(reseeded.pageviewsExtract(noon, tickAfter(noon)))
                .isNotEqualTo(demo.pageviewsExtract(noon, tickAfter(noon)));
    }

    @Test
    void usersMoveJoinLeaveAndReturnAtTheConfiguredRates() {
        SimulationSettings settings =
                new SimulationSettings(7, LocalDate.of(2026, 3, 1), 3, 20_000, 1, 0.03, 0.02, 0.01, 0.3, 0.15);
        ExtractGenerator generator = new ExtractGenerator(settings);

        long before = 0;
        long moved = 0;
        long joined = 0;
        long deleted = 0;
        long gone = 0;
        long returned = 0;
        Set<Long> everSeen = new HashSet<>();
        Map<Long, String> previous = null;
        for (LocalDate day : extractDays(settings)) {
            List<UserExtractRow> rows = generator.usersExtract(day);
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
        ExtractGenerator generator = new ExtractGenerator(DEMO);
        Map<String, Integer> usersByDistrict = new HashMap<>();
        validUsers(generator.usersExtract(DEMO.firstDay()))
                .values()
                .forEach(district -> usersByDistrict.merge(district, 1, Integer::sum));

        assertThat(PostcodeDistricts.DISTRICTS).containsAll(usersByDistrict.keySet());
        assertThat(usersByDistrict.get(PostcodeDistricts.DISTRICTS.get(0)))
                .isGreaterThan(5 * usersByDistrict.getOrDefault(PostcodeDistricts.DISTRICTS.get(20), 0));
    }

    @Test
    void usersExtractsCarryTheBadRowsOfARealExtract() {
        ExtractGenerator generator = new ExtractGenerator(DEMO);
        for (LocalDate day : extractDays(DEMO)) {
            List<UserExtractRow> rows = generator.usersExtract(day);

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
            }
        }
    }

    @Test
    void pageviewsExtractsCarryAFewBadRows() {
        ExtractGenerator generator = new ExtractGenerator(DEMO);
        long rows = 0;
        long noUser = 0;
        long noTime = 0;
        long afterExtract = 0;
        for (LocalDateTime hour : trafficHours(DEMO)) {
            LocalDateTime extractedAt = tickAfter(hour);
            for (PageviewExtractRow row : generator.pageviewsExtract(hour, extractedAt)) {
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
        ExtractGenerator generator = new ExtractGenerator(DEMO);
        Set<Long> knownUsers = new HashSet<>();
        extractDays(DEMO)
                .forEach(day -> knownUsers.addAll(
                        validUsers(generator.usersExtract(day)).keySet()));
        LocalDate day = DEMO.firstDay().plusDays(1);

        long dayTotal = 0;
        Map<Integer, Long> byHour = new HashMap<>();
        List<PageviewExtractRow> outsideTheirHour = new ArrayList<>();
        Set<Long> viewers = new HashSet<>();
        for (int hour = 0; hour < 24; hour++) {
            LocalDateTime hourStart = day.atTime(hour, 0);
            for (PageviewExtractRow row : generator.pageviewsExtract(hourStart, tickAfter(hourStart))) {
                if (row.userId() == null
                        || row.pageviewDatetime() == null
                        || row.pageviewDatetime().isAfter(tickAfter(hourStart))) {
                    continue;
                }
                if (!row.pageviewDatetime().truncatedTo(ChronoUnit.HOURS).equals(hourStart)) {
                    outsideTheirHour.add(row);
                }
                viewers.add(row.userId());
                byHour.merge(hour, 1L, Long::sum);
                dayTotal++;
            }
        }

        assertThat(outsideTheirHour)
                .as("valid rows outside their extract's hour")
                .isEmpty();
        assertThat(knownUsers).as("every viewer is in some users extract").containsAll(viewers);
        assertThat(byHour.get(20)).as("evening peak over the night trough").isGreaterThan(5 * byHour.get(4));
        assertThat((double) dayTotal).isCloseTo(DEMO.users() * DEMO.pageviewsPerUserPerDay(), withinPercent(10));
    }

    @Test
    void thereIsNoTrafficOutsideTheScenario() {
        ExtractGenerator generator = new ExtractGenerator(DEMO);
        LocalDateTime beforeStart = DEMO.firstDay().atStartOfDay().minusHours(1);
        LocalDateTime closingHour = DEMO.closingDay().atStartOfDay();

        assertThat(generator.pageviewsExtract(beforeStart, tickAfter(beforeStart)))
                .isEmpty();
        assertThat(generator.pageviewsExtract(closingHour, tickAfter(closingHour)))
                .isEmpty();
        assertThatThrownBy(() -> generator.usersExtract(DEMO.closingDay().plusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DEMO.closingDay().toString());
        assertThatThrownBy(() -> generator.pageviewsExtract(closingHour.plusMinutes(5), closingHour))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on the hour");
    }

    @Test
    void settingsNameTheSettingAndItsLimit() {
        assertThatThrownBy(() -> new SimulationSettings(1, CLOSING_DAY, 3, 5, 12, 0.02, 0.01, 0.005, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("users must be from 10 to 1000000, not 5");
        assertThatThrownBy(() -> new SimulationSettings(1, CLOSING_DAY, 3, 100, 12, 1.5, 0.01, 0.005, 0.1, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("moveRate must be from 0 to 1, not 1.5");
    }

    private static List<LocalDate> extractDays(SimulationSettings settings) {
        return settings.firstDay().datesUntil(settings.closingDay().plusDays(1)).toList();
    }

    private static List<LocalDateTime> trafficHours(SimulationSettings settings) {
        List<LocalDateTime> hours = new ArrayList<>();
        for (LocalDateTime hour = settings.firstDay().atStartOfDay();
                hour.isBefore(settings.closingDay().atStartOfDay());
                hour = hour.plusHours(1)) {
            hours.add(hour);
        }
        return hours;
    }

    /** When the scheduler lands the hour: five minutes into the next one. */
    private static LocalDateTime tickAfter(LocalDateTime hourStart) {
        return hourStart.plusHours(1).plusMinutes(SimulatedSchedule.MINUTES_PAST_THE_HOUR);
    }

    private static SimulationSettings withSeed(SimulationSettings settings, long seed) {
        return new SimulationSettings(
                seed,
                settings.firstDay(),
                settings.days(),
                settings.users(),
                settings.pageviewsPerUserPerDay(),
                settings.moveRate(),
                settings.newUserRate(),
                settings.deleteRate(),
                settings.returnRate(),
                settings.badRowRate());
    }

    /** Postcodes as SPEC section 3 reads them: trimmed and upper-cased. */
    private static String normalised(String postcode) {
        return postcode == null ? null : postcode.strip().toUpperCase(Locale.ROOT);
    }

    /** The users of an extract as the pipeline sees them, leaving out NULL ids and conflicting ids. */
    private static Map<Long, String> validUsers(List<UserExtractRow> rows) {
        Set<Long> conflicting = conflictingIds(rows);
        Map<Long, String> users = new HashMap<>();
        for (UserExtractRow row : rows) {
            if (row.id() != null && !conflicting.contains(row.id())) {
                users.put(row.id(), normalised(row.postcode()));
            }
        }
        return users;
    }

    private static Set<Long> conflictingIds(List<UserExtractRow> rows) {
        Map<Long, Set<String>> postcodes = postcodesById(rows);
        Set<Long> conflicting = new HashSet<>();
        postcodes.forEach((userId, distinct) -> {
            if (distinct.size() > 1) {
                conflicting.add(userId);
            }
        });
        return conflicting;
    }

    private static Set<Long> listedTwiceAlike(List<UserExtractRow> rows) {
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

    private static Map<Long, Set<String>> postcodesById(List<UserExtractRow> rows) {
        Map<Long, Set<String>> postcodes = new HashMap<>();
        for (UserExtractRow row : rows) {
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
