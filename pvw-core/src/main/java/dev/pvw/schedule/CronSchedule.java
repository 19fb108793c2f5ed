package dev.pvw.schedule;

import static java.util.Objects.requireNonNull;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** A Unix cron expression (read by cron-utils) evaluated in UTC, and the slots it fires. */
public final class CronSchedule {
    /** Five minutes past every hour: after the hourly pageviews extract has landed. */
    public static final String DEFAULT_EXPRESSION = "5 * * * *";

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** Any expression that fires at all fires within 28 years of this (the calendar repeats every 28 years). */
    private static final ZonedDateTime PROBE = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final String expression;
    private final Cron cron;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, Cron cron) {
        this.expression = requireNonNull(expression, "expression");
        this.cron = requireNonNull(cron, "cron");
        this.executionTime = ExecutionTime.forCron(cron);
    }

    /**
     * Reads five fields, minute hour day-of-month month day-of-week, as Unix cron does.
     *
     * @throws IllegalArgumentException with the reason, if the expression is not valid or never fires
     */
    public static CronSchedule parse(String expression) {
        requireNonNull(expression, "expression");
        String text = expression.strip();
        Cron cron;
        try {
            cron = PARSER.parse(text).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + expression + "' is not a cron expression (" + reason(e.getMessage()) + ")", e);
        }
        CronSchedule schedule = new CronSchedule(text, cron);
        if (schedule.executionTime.nextExecution(PROBE).isEmpty()) {
            throw new IllegalArgumentException("'" + expression + "' is a cron expression that never fires");
        }
        return schedule;
    }

    public String expression() {
        return expression;
    }

    /** The expression in words, for the log: "every hour at minute 5". */
    public String description() {
        return CronDescriptor.instance(Locale.UK).describe(cron);
    }

    /** The first time the expression fires strictly after {@code time}. */
    public Instant next(Instant time) {
        return executionTime
                .nextExecution(utc(time))
                .map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalStateException("cron '" + expression + "' fires no more after " + time));
    }

    /** The last time the expression fired at or before {@code time}, if it ever did. */
    public Optional<Instant> latestAtOrBefore(Instant time) {
        // cron-utils matches a time by its minute whatever its seconds, and looks for the last firing strictly before.
        ZonedDateTime minute = utc(time).truncatedTo(ChronoUnit.MINUTES);
        if (executionTime.isMatch(minute)) {
            return Optional.of(minute.toInstant());
        }
        return executionTime.lastExecution(minute).map(ZonedDateTime::toInstant);
    }

    /**
     * The slot that fires at {@code scheduledAt}. Its window closes at the next firing, or at the top of the next hour
     * if that is earlier: by then the hourly pageviews extract has been replaced, and a run as of this slot would
     * quarantine the new hour's pageviews as later than its --as-of.
     */
    public Slot slotAt(Instant scheduledAt) {
        Instant topOfNextHour = scheduledAt.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant next = next(scheduledAt);
        return new Slot(scheduledAt, next.isBefore(topOfNextHour) ? next : topOfNextHour);
    }

    /**
     * The slot to run next at {@code now}, after the slot fired at {@code previous} (null before the first): the latest
     * slot since then whose window is still open, to run at once, or else the next one to come.
     */
    public Slot due(Instant now, Instant previous) {
        Optional<Instant> latest = latestAtOrBefore(now).filter(fired -> previous == null || fired.isAfter(previous));
        if (latest.isPresent()) {
            Slot slot = slotAt(latest.get());
            if (slot.isOpenAt(now)) {
                return slot;
            }
        }
        // A clock set back must not bring back the slot just run.
        return slotAt(next(previous != null && previous.isAfter(now) ? previous : now));
    }

    /** How many times the expression fires strictly between two times. */
    public long firingsBetween(Instant afterExclusive, Instant beforeExclusive) {
        long count = 0;
        for (Instant fired = next(afterExclusive); fired.isBefore(beforeExclusive); fired = next(fired)) {
            count++;
        }
        return count;
    }

    @Override
    public String toString() {
        return expression;
    }

    private static ZonedDateTime utc(Instant time) {
        return time.atZone(ZoneOffset.UTC);
    }

    /** cron-utils' message on one line, without its final period. */
    private static String reason(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
