package dev.pvw.cli;

import dev.pvw.query.Grain;
import dev.pvw.query.MartQuery;
import dev.pvw.query.PeriodRow;
import dev.pvw.query.Postcodes;
import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.Warehouse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pvw query}: either question, at any grain, from the marts. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = "Pageviews per period and postcode from a mart: 'current' counts every pageview under the"
                + " user's current postcode, 'at-view' under the postcode the user had when viewing. Only reads: never"
                + " creates or changes the warehouse.")
final class QueryCommand implements Callable<Integer> {
    @ParentCommand
    private PvwCommand pvw;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "current|at-view", description = "Which question: current or at-view.")
    private String question;

    @Option(
            names = "--grain",
            defaultValue = "day",
            paramLabel = "hour|day|week|month|year",
            description = "Period to sum hours into (default: ${DEFAULT-VALUE}; weeks start on Monday).")
    private String grain;

    @Option(
            names = "--from",
            paramLabel = "TIMESTAMP",
            converter = TimestampConverter.class,
            description = "First hour to include (inclusive); default: all.")
    private LocalDateTime from;

    @Option(
            names = "--to",
            paramLabel = "TIMESTAMP",
            converter = TimestampConverter.class,
            description = "Hour to stop at (exclusive); default: all.")
    private LocalDateTime to;

    @Option(
            names = "--postcode",
            paramLabel = "P",
            description = "Only this postcode, normalised as the users extract is (trimmed, a-z upper-cased).")
    private String postcode;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "table|csv|json",
            description = "Output: an aligned table (default), CSV with header period_start,postcode,pageviews,"
                    + " or a JSON array.")
    private String format;

    @Override
    public Integer call() {
        Mart mart = mart(question);
        Grain periodGrain = choice(Grain.class, grain, "--grain", "hour, day, week, month or year");
        PeriodFormat output = choice(PeriodFormat.class, format, "--format", "table, csv or json");
        String normalisedPostcode = Postcodes.normalise(postcode);
        // The daily marts came with schema version 3; the hourly ones were there from the start.
        int needed = MartQuery.readsDailyMart(periodGrain, from, to) ? 3 : 1;
        try (Warehouse warehouse = pvw.openWarehouseForReading(needed)) {
            List<PeriodRow> rows = new MartQuery(warehouse).periods(mart, periodGrain, from, to, normalisedPostcode);
            output.write(rows, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }

    private Mart mart(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "current" -> Mart.CURRENT;
            case "at-view" -> Mart.AT_VIEW;
            default -> throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "Unknown question '" + value + "'; use current or at-view.");
        };
    }

    private <E extends Enum<E>> E choice(Class<E> type, String value, String option, String allowed) {
        return Choices.parse(spec.commandLine(), type, value, option, allowed);
    }
}
