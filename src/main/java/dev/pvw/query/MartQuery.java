package dev.pvw.query;

import static java.util.Objects.requireNonNull;

import dev.pvw.warehouse.Mart;
import dev.pvw.warehouse.Warehouse;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers the brief's two questions from the marts at any grain. */
public final class MartQuery {
    private final Warehouse warehouse;

    public MartQuery(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /**
     * Sums the mart's hours from {@code from} (inclusive) to {@code to} (exclusive) into periods, ordered by period then
     * postcode with the unknown postcode first; null bounds and postcode mean no filter.
     */
    public List<PeriodRow> periods(Mart mart, Grain grain, LocalDateTime from, LocalDateTime to, String postcode) {
        requireNonNull(mart, "mart");
        requireNonNull(grain, "grain");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("grain", grain.truncUnit());
        parameters.put("from_hour", Warehouse.timestamp(from));
        parameters.put("to_hour", Warehouse.timestamp(to));
        parameters.put("postcode", postcode);
        return warehouse.query(
                "query/mart_periods",
                parameters,
                Map.of("mart", mart.table()),
                (rs, context) -> new PeriodRow(
                        Warehouse.timestamp(rs, "period_start"), rs.getString("postcode"), rs.getLong("pageviews")));
    }
}
