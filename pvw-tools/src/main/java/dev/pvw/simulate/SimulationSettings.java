package dev.pvw.simulate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What to simulate: {@code days} days of traffic from {@code firstDay}, for a population of about {@code users} users
 * in {@code districts} postcode districts that changes by the given daily rates (each a chance per user and day), with
 * bad rows in the extracts.
 *
 * @param seed makes every extract reproducible
 * @param firstDay the day of the first users extract and the first hour of traffic
 * @param days days of traffic; there is one more users extract, on the morning after the last day
 * @param users users in the first extract
 * @param pageviewsPerDay pageviews on a day, shared among the users there that morning (the volume stays the same as
 *     the population grows or shrinks)
 * @param districts how many postcode districts users live in, the most popular first
 * @param moveRate chance that a user moves to another postcode district on a given day
 * @param newUserRate new users per existing user and day
 * @param deleteRate chance that a user is deleted on a given day
 * @param returnRate chance that a deleted user comes back on a given day
 * @param badRowRate how many rows of each kind of bad row an hourly pageviews extract carries on average (a users
 *     extract always carries one of each kind)
 */
public record SimulationSettings(
        long seed,
        LocalDate firstDay,
        int days,
        long users,
        long pageviewsPerDay,
        int districts,
        double moveRate,
        double newUserRate,
        double deleteRate,
        double returnRate,
        double badRowRate) {
    static final int MAX_DAYS = 366;
    static final long MIN_USERS = 10;
    static final long MAX_USERS = 100_000_000;

    /** An active user views pages in sessions; more than this a day on average is not a person. */
    static final double MAX_PAGEVIEWS_PER_USER_PER_DAY = 100;

    public SimulationSettings {
        requireNonNull(firstDay, "firstDay");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS + ", not " + days);
        }
        if (users < MIN_USERS || users > MAX_USERS) {
            throw new IllegalArgumentException(
                    "users must be from " + MIN_USERS + " to " + MAX_USERS + ", not " + users);
        }
        if (pageviewsPerDay < 1 || pageviewsPerDay > MAX_PAGEVIEWS_PER_USER_PER_DAY * users) {
            throw new IllegalArgumentException("pageviewsPerDay must be from 1 to "
                    + (long) (MAX_PAGEVIEWS_PER_USER_PER_DAY * users) + " (" + (long) MAX_PAGEVIEWS_PER_USER_PER_DAY
                    + " per user), not " + pageviewsPerDay);
        }
        if (districts < 2 || districts > PostcodeDistricts.MAX_DISTRICTS) {
            throw new IllegalArgumentException(
                    "districts must be from 2 to " + PostcodeDistricts.MAX_DISTRICTS + ", not " + districts);
        }
        requireRate("moveRate", moveRate);
        requireRate("newUserRate", newUserRate);
        requireRate("deleteRate", deleteRate);
        requireRate("returnRate", returnRate);
        requireRate("badRowRate", badRowRate);
        if (moveRate + deleteRate > 1) {
            throw new IllegalArgumentException("moveRate + deleteRate must be at most 1 (a user either moves, is"
                    + " deleted or stays on a given day), not " + (moveRate + deleteRate));
        }
    }

    /**
     * The demo's scenario: the three days before {@code closingDay}, 3,000 users in 50 districts viewing about 12 pages
     * a day, 2% moving a day, 1% new, 0.5% deleted, and a few bad rows. Fixed seed: every demo shows the same numbers.
     */
    public static SimulationSettings demoClosingOn(LocalDate closingDay) {
        int days = 3;
        return new SimulationSettings(
                20_260_101L, closingDay.minusDays(days), days, 3_000, 36_000, 50, 0.02, 0.01, 0.005, 0.15, 0.15);
    }

    /** The day after the last day of traffic: its users extract closes the scenario. */
    public LocalDate closingDay() {
        return firstDay.plusDays(days);
    }

    /** Average pageviews of a user of average activity in a day, with the first day's population. */
    public double pageviewsPerUserPerDay() {
        return (double) pageviewsPerDay / users;
    }

    /** The same scenario with another seed. */
    public SimulationSettings withSeed(long otherSeed) {
        return new SimulationSettings(
                otherSeed,
                firstDay,
                days,
                users,
                pageviewsPerDay,
                districts,
                moveRate,
                newUserRate,
                deleteRate,
                returnRate,
                badRowRate);
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be from 0 to 1, not " + value);
        }
    }
}
