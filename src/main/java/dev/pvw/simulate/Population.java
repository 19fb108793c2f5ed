package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import dev.pvw.simulate.UserChange.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/** The operational users database as it evolves day by day: who exists, where, and how active each user is. */
final class Population {
    /** Ids look like an operational database's, not like row numbers. */
    private static final long FIRST_ID = 100_001;

    /** Spread of activity between users (log-normal): most view a few pages, a few view very many. */
    private static final double ACTIVITY_SPREAD = 0.8;

    private final SortedMap<Long, String> live = new TreeMap<>();
    private final SortedMap<Long, String> deleted = new TreeMap<>();
    private final Map<Long, Double> activity = new HashMap<>();
    private long nextId = FIRST_ID;

    /** {@code users} users in districts drawn from the skewed distribution. */
    static Population initial(int users, RandomGenerator random) {
        Population population = new Population();
        for (int count = 0; count < users; count++) {
            population.live.put(population.createUser(random), PostcodeDistricts.draw(random));
        }
        return population;
    }

    /** The users that exist now, with their postcodes. */
    SortedMap<Long, String> users() {
        return new TreeMap<>(live);
    }

    /** How active a user is relative to the others; every user ever created has one. */
    double activity(long userId) {
        Double weight = activity.get(userId);
        if (weight == null) {
            throw new IllegalArgumentException("No user " + userId + " in the population");
        }
        return weight;
    }

    /** Lives one day: draws who moves, leaves, comes back or joins, applies it, and returns the changes. */
    List<UserChange> liveOneDay(SimulationSettings settings, RandomGenerator random) {
        requireNonNull(settings, "settings");
        List<UserChange> changes = new ArrayList<>();
        int newUsers = 0;
        for (Map.Entry<Long, String> user : live.entrySet()) {
            double draw = random.nextDouble();
            if (draw < settings.deleteRate()) {
                changes.add(new UserChange(Kind.DELETED, user.getKey(), user.getValue(), random.nextInt(24)));
            } else if (draw < settings.deleteRate() + settings.moveRate()) {
                String district = PostcodeDistricts.drawOtherThan(user.getValue(), random);
                changes.add(new UserChange(Kind.MOVED, user.getKey(), district, random.nextInt(24)));
            }
            // New users are drawn per existing user so that their number follows the population's size.
            if (random.nextDouble() < settings.newUserRate()) {
                newUsers++;
            }
        }
        for (Map.Entry<Long, String> user : deleted.entrySet()) {
            if (random.nextDouble() < settings.returnRate()) {
                // Half come back where they were, half somewhere new.
                String district = random.nextBoolean() ? user.getValue() : PostcodeDistricts.draw(random);
                changes.add(new UserChange(Kind.RETURNED, user.getKey(), district, random.nextInt(24)));
            }
        }
        for (int count = 0; count < newUsers; count++) {
            long userId = createUser(random);
            changes.add(new UserChange(Kind.NEW, userId, PostcodeDistricts.draw(random), random.nextInt(24)));
        }
        changes.forEach(this::apply);
        return changes;
    }

    /** A new id with its activity; the user exists once it is put among the live ones. */
    private long createUser(RandomGenerator random) {
        long userId = nextId++;
        activity.put(userId, Math.exp(random.nextGaussian() * ACTIVITY_SPREAD));
        return userId;
    }

    private void apply(UserChange change) {
        switch (change.kind()) {
            case NEW, MOVED, RETURNED -> {
                deleted.remove(change.userId());
                live.put(change.userId(), change.postcode());
            }
            case DELETED -> {
                live.remove(change.userId());
                deleted.put(change.userId(), change.postcode());
            }
        }
    }
}
