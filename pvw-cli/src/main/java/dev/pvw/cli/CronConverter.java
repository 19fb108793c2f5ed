package dev.pvw.cli;

import dev.pvw.schedule.CronSchedule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --cron}: five Unix cron fields, evaluated in UTC. */
final class CronConverter implements ITypeConverter<CronSchedule> {
    @Override
    public CronSchedule convert(String value) {
        try {
            return CronSchedule.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage()
                    + "; write five fields, minute hour day-of-month month day-of-week, in UTC, like '"
                    + CronSchedule.DEFAULT_EXPRESSION + "'");
        }
    }
}
