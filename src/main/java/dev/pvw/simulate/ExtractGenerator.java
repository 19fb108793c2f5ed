package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthesises the extracts of a scenario: the daily users extract and the hourly pageviews extracts, bad rows
 * included. The same settings always give the same extracts, whatever order they are asked for in.
 */
public final class ExtractGenerator {
    /** Share of users extract rows whose postcode is written carelessly (case, blanks); they are not bad rows. */
    static final double MESSY_POSTCODE_RATE = 0.02;

    /** One pageview in this many has no URL: such a row still counts (SPEC section 4). */
    private static final int NULL_URL_ONE_IN = 5_000;

    /** How far an hour's volume strays from the traffic curve, either way. */
    private static final double VOLUME_NOISE = 0.1;

    private static final long USERS_STREAM = 1;
    private static final long PAGEVIEWS_STREAM = 2;

    private final SimulationSettings settings;
    private final Population population;
    private final List<SimulatedDay> days;

    public ExtractGenerator(SimulationSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        SplittableRandom random = new SplittableRandom(settings.seed());
        this.population = Population.initial(settings.users(), random);
        List<SimulatedDay> timeline = new ArrayList<>();
        for (int index = 0; index <= settings.days(); index++) {
            LocalDate date = settings.firstDay().plusDays(index);
            var usersAtStart = population.users();
            // The closing day has only its users extract: no traffic is simulated on it.
            List<UserChange> changes = index < settings.days() ? population.liveOneDay(settings, random) : List.of();
            timeline.add(new SimulatedDay(date, usersAtStart, changes));
        }
        this.days = List.copyOf(timeline);
    }

    public SimulationSettings settings() {
        return settings;
    }

    /**
     * The users extract landed around 00:00 of {@code day}, from the first day to the closing day: every user with
     * a postcode, some written carelessly, in no particular order, plus the bad rows a real extract has: an id lost
     * upstream (NULL), a user listed twice in two spellings of one postcode, and, after the first day, a user listed
     * with two different postcodes.
     */
    public List<UserExtractRow> usersExtract(LocalDate day) {
        requireNonNull(day, "day");
        long index = ChronoUnit.DAYS.between(settings.firstDay(), day);
        if (index < 0 || index > settings.days()) {
            throw new IllegalArgumentException("The scenario has users extracts from " + settings.firstDay() + " to "
                    + settings.closingDay() + ", not on " + day);
        }
        SimulatedDay today = days.get((int) index);
        SplittableRandom random = random(USERS_STREAM, day.toEpochDay());
        List<UserExtractRow> rows = new ArrayList<>();
        today.usersAtStart()
                .forEach((userId, district) -> rows.add(new UserExtractRow(
                        userId,
                        random.nextDouble() < MESSY_POSTCODE_RATE
                                ? PostcodeDistricts.messy(district, random)
                                : district)));

        rows.add(new UserExtractRow(null, PostcodeDistricts.draw(random)));
        List<Long> userIds = new ArrayList<>(today.usersAtStart().keySet());
        if (!userIds.isEmpty()) {
            long listedTwice = userIds.get(random.nextInt(userIds.size()));
            String district = today.usersAtStart().get(listedTwice);
            rows.add(new UserExtractRow(listedTwice, PostcodeDistricts.messy(district, random)));
        }
        if (index > 0) {
            // Only a user of the previous extract: the pipeline keeps that postcode, so the user stays known.
            List<Long> known = new ArrayList<>(userIds);
            known.retainAll(days.get((int) index - 1).usersAtStart().keySet());
            if (!known.isEmpty()) {
                long conflicting = known.get(random.nextInt(known.size()));
                String district = today.usersAtStart().get(conflicting);
                rows.add(new UserExtractRow(conflicting, PostcodeDistricts.drawOtherThan(district, random)));
            }
        }
        Collections.shuffle(rows, new Random(random.nextLong()));
        return rows;
    }

    /**
     * The pageviews extract of the hour from {@code hourStart}, taken at {@code extractedAt}: the hour's pageviews
     * following the daily traffic curve, from the users who exist at that hour (the busy ones more often), ordered by
     * time, plus now and then a row with no user, one with no time, and one stamped after {@code extractedAt} by a
     * skewed clock. Empty outside the simulated days: there was no traffic then.
     */
    public List<PageviewExtractRow> pageviewsExtract(LocalDateTime hourStart, LocalDateTime extractedAt) {
        requireNonNull(hourStart, "hourStart");
        requireNonNull(extractedAt, "extractedAt");
        if (!hourStart.equals(hourStart.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("hourStart must be on the hour, not " + hourStart);
        }
        long index = ChronoUnit.DAYS.between(settings.firstDay(), hourStart.toLocalDate());
        if (hourStart.isBefore(settings.firstDay().atStartOfDay()) || index >= settings.days()) {
            return List.of();
        }
        SimulatedDay today = days.get((int) index);
        int hour = hourStart.getHour();
        SplittableRandom random = random(PAGEVIEWS_STREAM, hourStart.toEpochSecond(ZoneOffset.UTC) / 3600);
        ActiveUsers active = activeUsers(today, hour);
        if (active.size() == 0) {
            return List.of();
        }

        double expected = settings.pageviewsPerUserPerDay() * active.size() * Traffic.shareOfDay(hour);
        long count = Math.round(expected * (1 - VOLUME_NOISE + 2 * VOLUME_NOISE * random.nextDouble()));
        List<PageviewExtractRow> rows = new ArrayList<>();
        for (long made = 0; made < count; made++) {
            rows.add(new PageviewExtractRow(
                    active.draw(random),
                    random.nextInt(NULL_URL_ONE_IN) == 0 ? null : Traffic.url(random),
                    hourStart.plusSeconds(random.nextInt(3600))));
        }
        rows.sort(Comparator.comparing(PageviewExtractRow::pageviewDatetime));

        if (random.nextDouble() < settings.badRowRate()) {
            insertAnywhere(
                    rows, new PageviewExtractRow(null, Traffic.url(random), secondIn(hourStart, random)), random);
        }
        if (random.nextDouble() < settings.badRowRate()) {
            insertAnywhere(rows, new PageviewExtractRow(active.draw(random), Traffic.url(random), null), random);
        }
        if (random.nextDouble() < settings.badRowRate()) {
            LocalDateTime skewed = extractedAt.plusSeconds(1 + random.nextInt(3600));
            insertAnywhere(rows, new PageviewExtractRow(active.draw(random), Traffic.url(random), skewed), random);
        }
        return rows;
    }

    /** The users who can view pages in {@code hour}: those of the morning still there, and those who arrived. */
    private ActiveUsers activeUsers(SimulatedDay today, int hour) {
        Set<Long> gone = new HashSet<>();
        List<Long> arrived = new ArrayList<>();
        for (UserChange change : today.changes()) {
            if (change.stoppedViewingBy(hour)) {
                gone.add(change.userId());
            }
            if (change.startsViewingBy(hour)) {
                arrived.add(change.userId());
            }
        }
        List<Long> userIds = new ArrayList<>();
        for (Map.Entry<Long, String> user : today.usersAtStart().entrySet()) {
            if (!gone.contains(user.getKey())) {
                userIds.add(user.getKey());
            }
        }
        userIds.addAll(arrived);
        return new ActiveUsers(userIds, population::activity);
    }

    private SplittableRandom random(long stream, long key) {
        // Each extract has a generator of its own, so that asking for extracts in any order gives the same rows.
        return new SplittableRandom(settings.seed() ^ (stream * 0x9E3779B97F4A7C15L) ^ (key * 0xC2B2AE3D27D4EB4FL));
    }

    private static LocalDateTime secondIn(LocalDateTime hourStart, SplittableRandom random) {
        return hourStart.plusSeconds(random.nextInt(3600));
    }

    private static void insertAnywhere(List<PageviewExtractRow> rows, PageviewExtractRow row, SplittableRandom random) {
        rows.add(random.nextInt(rows.size() + 1), row);
    }
}
