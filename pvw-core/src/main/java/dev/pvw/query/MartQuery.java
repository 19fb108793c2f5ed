package dev.pvw.query;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Identifier;
import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.Warehouse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers the brief's two questions from the marts at any grain: from the daily marts when the grain is a day or coarser
 * and the window falls on days, else from the hourly marts.
 */
public final class MartQuery {
    private static final Identifier HOUR_START = new Identifier("hour_start");
    private static final Identifier DAY_START = new Identifier("day_start");

    private final Warehouse warehouse;

    public MartQuery(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /**
     * Sums the mart's hours from {@code from} (inclusive) to {@code to} (exclusive) into periods, ordered by period then
     * postcode with the unknown postcode first; null bounds and postcode mean no filter.
     */
    public List<PeriodRow> periods(Mart mart, Grain grain, LocalDateTime from, LocalDateTime to, String postcode) {
        List<PeriodRow> rows = new ArrayList<>();
        forEachPeriod(mart, grain, from, to, postcode, rows::add);
        return rows;
    }

    /** As {@link #periods}, handing each row over as it is read rather than keeping them all. */
    public void forEachPeriod(
            Mart mart, Grain grain, LocalDateTime from, LocalDateTime to, String postcode, Consumer<PeriodRow> each) {
        requireNonNull(mart, "mart");
        requireNonNull(grain, "grain");
        boolean daily = readsDailyMart(grain, from, to);
        // At the table's own grain its rows are the periods (one per period and postcode): no summing to do.
        boolean ownGrain = grain == (daily ? Grain.DAY : Grain.HOUR);
        Map<String, Object> parameters = parameters(grain, from, to, postcode);
        if (ownGrain) {
            parameters.remove("grain");
        }
        warehouse.queryEach(
                ownGrain ? "query/mart_rows" : "query/mart_periods",
                parameters,
                Map.of("mart", daily ? mart.dailyTable() : mart.table(), "start", daily ? DAY_START : HOUR_START),
                PeriodRow.MAPPER,
                each);
    }

    /** Whether a query at {@code grain} over the window reads a daily mart, which holds exactly the window's hours. */
    public static boolean readsDailyMart(Grain grain, LocalDateTime from, LocalDateTime to) {
        return grain != Grain.HOUR && onDay(from) && onDay(to);
    }

    /**
     * Whether a window's bound falls on a day (or is absent), so that the daily mart holds exactly the window's hours.
     */
    private static boolean onDay(LocalDateTime bound) {
        return bound == null || bound.equals(bound.truncatedTo(ChronoUnit.DAYS));
    }

    /** The bind parameters of a period query: the grain's unit, the window's bounds and the postcode, null for none. */
    public static Map<String, Object> parameters(Grain grain, LocalDateTime from, LocalDateTime to, String postcode) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("grain", grain.truncUnit());
        parameters.put("from_hour", Warehouse.timestamp(from));
        parameters.put("to_hour", Warehouse.timestamp(to));
        parameters.put("postcode", postcode);
        return parameters;
    }
}
