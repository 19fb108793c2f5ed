package dev.pvw.reference;

import dev.pvw.testing.PageviewRow;
import dev.pvw.testing.TestTier;
import dev.pvw.testing.UserRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * A seeded random scenario: a few days of extracts landed and runs made, drawn from a small universe of users and
 * postcodes so that moves, deletions, returns, conflicts, guards, replays, replaced and backfilled hours and bad rows
 * all come up, and collide, within a few dozen steps. The same seed always gives the same steps.
 */
final class RandomScenario {
    /** The seeds every engine runs in the full tier; {@code -Dpvw.seeds=7,12} runs only those, to replay a failure. */
    static final List<Long> SEEDS = LongStream.rangeClosed(1, 24).boxed().toList();

    /**
     * The seeds each engine runs in the fast tier: a few of its own, so that the two engines together see six
     * scenarios on every build.
     */
    static final java.util.Map<String, List<Long>> FAST_SEEDS =
            java.util.Map.of("duckdb", List.of(1L, 2L, 3L), "postgresql", List.of(4L, 5L, 6L));

    /**
     * The seeds an engine whose runs take seconds runs in the full tier instead of {@link #SEEDS}: Spark, where a
     * scenario's 45 runs take some ten minutes; it runs none in the fast tier (see SparkRandomizedScenariosIT).
     */
    static final java.util.Map<String, List<Long>> FULL_SEEDS = java.util.Map.of("spark", List.of(7L, 8L));

    static final int STEPS = 45;

    private static final LocalDateTime START = LocalDateTime.parse("2026-03-02T00:00:00");
    /** Ids 1 to 30 may be users; 31 to 34 only ever view pages, so they stay unknown. */
    private static final int USERS_VIEWING = RandomUsers.IDS + 4;

    private final Random random;
    private final RandomUsers users;
    private final List<Landed> landedPageviews = new ArrayList<>();
    /** Hours passed over without an extract, to be backfilled later. */
    private final TreeSet<LocalDateTime> skippedHours = new TreeSet<>();

    private final List<ScenarioStep> steps = new ArrayList<>();
    /** The logical present, on the hour: the last hour whose pageviews were extracted ends here. */
    private LocalDateTime now = START;

    private boolean usersDue;

    private RandomScenario(long seed) {
        this.random = new Random(seed);
        this.users = new RandomUsers(random);
    }

    /**
     * The seeds to run on {@code engine}: those of {@code -Dpvw.seeds} when given, else {@link #SEEDS} (or the engine's
     * {@link #FULL_SEEDS}) in the full tier and the engine's {@link #FAST_SEEDS} in the fast one.
     */
    static List<Long> seeds(String engine) {
        String chosen = System.getProperty("pvw.seeds", "").strip();
        if (chosen.isEmpty()) {
            return TestTier.full()
                    ? FULL_SEEDS.getOrDefault(engine, SEEDS)
                    : FAST_SEEDS.getOrDefault(engine, SEEDS.subList(0, 3));
        }
        return List.of(chosen.split(",")).stream()
                .map(String::strip)
                .map(Long::valueOf)
                .toList();
    }

    static List<ScenarioStep> generate(long seed) {
        RandomScenario scenario = new RandomScenario(seed);
        // Half the scenarios see pageviews before any users snapshot, which must be corrected later.
        if (scenario.random.nextBoolean()) {
            scenario.newUsersExtract();
        }
        while (scenario.steps.size() < STEPS) {
            scenario.nextStep();
        }
        return List.copyOf(scenario.steps);
    }

    private void nextStep() {
        if (usersDue) {
            usersDue = false;
            // The extract processes reload the users around 00:00 (or someone fixes a bad extract); now and then
            // they are late or skip a day.
            if (random.nextInt(10) < 8) {
                newUsersExtract();
                return;
            }
        }
        int draw = random.nextInt(100);
        if (draw < 38) {
            nextHour();
        } else if (draw < 48) {
            newUsersExtract();
        } else if (draw < 51) {
            shrunkUsersExtract();
        } else if (draw < 53) {
            badUsersExtract("land an empty users extract", List.of());
        } else if (draw < 55) {
            badUsersExtract("land a users extract with no valid rows", users.invalidExtract());
        } else if (draw < 62 && !skippedHours.isEmpty()) {
            backfill();
        } else if (draw < 68 && !landedPageviews.isEmpty()) {
            replay();
        } else if (draw < 75 && !landedPageviews.isEmpty()) {
            changeEarlierHour();
        } else if (draw < 80 && now.toLocalDate().isAfter(START.toLocalDate())) {
            runOnAnEarlierDay();
        } else if (draw < 84) {
            add("run again with nothing new landed", Optional.empty(), Optional.empty(), asOfNow(), false);
        } else if (draw < 87) {
            add("land an empty pageviews extract", Optional.empty(), Optional.of(List.of()), asOfNow(), false);
        } else if (draw < 90) {
            LocalDateTime asOf = asOfNow();
            add(
                    "land a pageviews extract of bad rows only",
                    Optional.empty(),
                    Optional.of(badPageviews(now.minusHours(1), asOf, 1 + random.nextInt(4))),
                    asOf,
                    false);
        } else {
            nextHour();
        }
    }

    /** An extract a guard refuses; it stays in the table, refused again at every run, until a good one lands. */
    private void badUsersExtract(String description, List<UserRow> rows) {
        // --allow-shrink now and then, which must not let an extract without valid rows through.
        add(description, Optional.of(rows), Optional.empty(), asOfNow(), random.nextInt(4) == 0);
        usersDue = random.nextBoolean();
    }

    /**
     * The hourly extract of the hour that just ended, often after a gap of unextracted hours, so that a scenario spans
     * several days (and users snapshots) in few steps and leaves hours to backfill.
     */
    private void nextHour() {
        LocalDate today = now.toLocalDate();
        int draw = random.nextInt(100);
        int gap;
        if (draw < 45) {
            gap = 0;
        } else if (draw < 85) {
            gap = 1 + random.nextInt(5);
        } else {
            // The rest of the day passes without extracts: on to one of the first hours of the next day.
            gap = 24 - now.getHour() + random.nextInt(3);
        }
        for (int skipped = 0; skipped < gap; skipped++) {
            skippedHours.add(now);
            now = now.plusHours(1);
        }
        now = now.plusHours(1);
        usersDue = !now.toLocalDate().equals(today);
        LocalDateTime hour = now.minusHours(1);
        LocalDateTime asOf = asOfNow();
        List<PageviewRow> rows = pageviews(hour, asOf);
        landedPageviews.add(new Landed(hour, rows));
        add(
                "land the pageviews of " + hour + (gap == 0 ? "" : " after skipping " + gap + " hour(s)"),
                Optional.empty(),
                Optional.of(rows),
                asOf,
                false);
    }

    private void backfill() {
        List<LocalDateTime> hours = new ArrayList<>(skippedHours);
        LocalDateTime hour = hours.get(random.nextInt(hours.size()));
        skippedHours.remove(hour);
        LocalDateTime asOf = asOfNow();
        List<PageviewRow> rows = pageviews(hour, asOf);
        landedPageviews.add(new Landed(hour, rows));
        add("backfill the pageviews of " + hour, Optional.empty(), Optional.of(rows), asOf, false);
    }

    /** An earlier extract exactly again, in its order or another: the same content. */
    private void replay() {
        Landed earlier = landedPageviews.get(random.nextInt(landedPageviews.size()));
        List<PageviewRow> rows = new ArrayList<>(earlier.rows());
        boolean shuffled = random.nextBoolean();
        if (shuffled) {
            Collections.shuffle(rows, random);
        }
        add(
                "replay an earlier pageviews extract of " + earlier.hour() + (shuffled ? " in another order" : ""),
                Optional.empty(),
                Optional.of(rows),
                asOfNow(),
                false);
    }

    /** An earlier hour extracted again with different content: rows lost, rows added, a row doubled or edited. */
    private void changeEarlierHour() {
        Landed earlier = landedPageviews.get(random.nextInt(landedPageviews.size()));
        List<PageviewRow> rows = new ArrayList<>(earlier.rows());
        List<String> changes = new ArrayList<>();
        int removed = Math.min(rows.size() - 1, random.nextInt(4));
        for (int index = 0; index < removed; index++) {
            rows.remove(random.nextInt(rows.size()));
        }
        if (removed > 0) {
            changes.add(removed + " row(s) removed");
        }
        int added = random.nextInt(4);
        for (int index = 0; index < added; index++) {
            rows.add(view(earlier.hour()));
        }
        if (added > 0) {
            changes.add(added + " row(s) added");
        }
        if (random.nextInt(3) == 0) {
            rows.add(rows.get(random.nextInt(rows.size())));
            changes.add("a row doubled");
        }
        if (random.nextInt(3) == 0) {
            int index = random.nextInt(rows.size());
            PageviewRow row = rows.get(index);
            rows.set(index, new PageviewRow(row.userId(), "/edited", row.pageviewDatetime()));
            changes.add("a url edited");
        }
        if (changes.isEmpty()) {
            rows.add(view(earlier.hour()));
            changes.add("1 row added");
        }
        Collections.shuffle(rows, random);
        landedPageviews.add(new Landed(earlier.hour(), rows));
        add(
                "land a changed extract of " + earlier.hour() + " (" + String.join(", ", changes) + ")",
                Optional.empty(),
                Optional.of(rows),
                asOfNow(),
                false);
    }

    /** A run whose --as-of falls on a day before today, with a new users extract half of the time. */
    private void runOnAnEarlierDay() {
        long daysBack = 1
                + random.nextInt((int)
                        (now.toLocalDate().toEpochDay() - START.toLocalDate().toEpochDay()));
        LocalDateTime asOf = now.toLocalDate().minusDays(daysBack).atTime(random.nextInt(24), random.nextInt(60));
        if (random.nextBoolean()) {
            add(
                    "land a new users extract and run as of the earlier day " + asOf,
                    Optional.of(users.nextExtract()),
                    Optional.empty(),
                    asOf,
                    false);
            return;
        }
        add("run as of the earlier day " + asOf, Optional.empty(), Optional.empty(), asOf, false);
    }

    private void newUsersExtract() {
        boolean allowShrink = random.nextInt(10) == 0;
        add("land a users extract", Optional.of(users.nextExtract()), Optional.empty(), asOfNow(), allowShrink);
    }

    /** Fewer than half the users; a later snapshot brings the others back. */
    private void shrunkUsersExtract() {
        if (users.size() < 4) {
            newUsersExtract();
            return;
        }
        List<UserRow> rows = users.shrunkExtract();
        boolean allowShrink = random.nextBoolean();
        add(
                "land a users extract shrunk to " + rows.size() + " of " + users.size() + " users"
                        + (allowShrink ? ", allowed" : ""),
                Optional.of(rows),
                Optional.empty(),
                asOfNow(),
                allowShrink);
        usersDue = random.nextBoolean();
    }

    /**
     * About twenty views of the hour, a few late ones from the hour before, now and then a tie between the two, one
     * at --as-of exactly (so in the next hour), identical duplicates and bad rows.
     */
    private List<PageviewRow> pageviews(LocalDateTime hour, LocalDateTime asOf) {
        List<PageviewRow> rows = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            int each = 3 + random.nextInt(6);
            for (int index = 0; index < each; index++) {
                rows.add(view(hour.minusHours(1)));
                rows.add(view(hour));
            }
        } else {
            for (int index = 12 + random.nextInt(17); index > 0; index--) {
                rows.add(view(random.nextInt(10) == 0 ? hour.minusHours(1) : hour));
            }
            if (random.nextInt(4) == 0) {
                for (int index = 1 + random.nextInt(2); index > 0; index--) {
                    rows.add(rows.get(random.nextInt(rows.size())));
                }
            }
        }
        if (random.nextInt(10) == 0) {
            rows.add(new PageviewRow(randomViewer(), url(), asOf));
        }
        if (random.nextInt(3) == 0) {
            rows.addAll(badPageviews(hour, asOf, 1 + random.nextInt(3)));
        }
        Collections.shuffle(rows, random);
        return rows;
    }

    /** Rows to quarantine: NULL user, NULL time, or later than --as-of. */
    private List<PageviewRow> badPageviews(LocalDateTime hour, LocalDateTime asOf, int count) {
        List<PageviewRow> rows = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            rows.add(
                    switch (random.nextInt(3)) {
                        case 0 -> new PageviewRow(null, url(), timeIn(hour));
                        case 1 -> new PageviewRow(randomViewer(), url(), null);
                        default -> new PageviewRow(randomViewer(), url(), asOf.plusSeconds(1 + random.nextInt(5400)));
                    });
        }
        return rows;
    }

    private PageviewRow view(LocalDateTime hour) {
        return new PageviewRow(randomViewer(), url(), timeIn(hour));
    }

    private LocalDateTime timeIn(LocalDateTime hour) {
        return hour.plusSeconds(random.nextInt(3600));
    }

    private long randomViewer() {
        return 1 + random.nextInt(USERS_VIEWING);
    }

    private String url() {
        return random.nextInt(20) == 0 ? null : "/page/" + random.nextInt(12);
    }

    /** A run a few minutes past the hour, as the scheduler makes it. */
    private LocalDateTime asOfNow() {
        return now.plusMinutes(1 + random.nextInt(20));
    }

    private void add(
            String description,
            Optional<List<UserRow>> users,
            Optional<List<PageviewRow>> pageviews,
            LocalDateTime asOf,
            boolean allowShrink) {
        steps.add(new ScenarioStep(steps.size() + 1, description, users, pageviews, asOf, allowShrink));
    }

    /** A pageviews extract landed earlier, with the hour it was meant for. */
    private record Landed(LocalDateTime hour, List<PageviewRow> rows) {}
}
