package dev.pvw.testing;

import dev.pvw.simulate.ExtractGenerator;
import dev.pvw.simulate.SimulatedSchedule;
import dev.pvw.simulate.SimulationSettings;
import dev.pvw.warehouse.SchemaMigrator;
import dev.pvw.warehouse.Warehouse;
import dev.pvw.warehouse.WarehouseUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every extract a simulated scenario lands, in the scheduler's order and read back from a scratch warehouse, so that
 * tests can hold them against the specification without running the pipeline.
 *
 * @param users each users extract by its day, from the first day to the closing day
 * @param pageviews each pageviews extract by its hour, from the first hour to the last hour of traffic
 */
public record SimulatedExtracts(Map<LocalDate, List<UserRow>> users, Map<LocalDateTime, List<PageviewRow>> pageviews) {
    public SimulatedExtracts {
        users = Map.copyOf(users);
        pageviews = Map.copyOf(pageviews);
    }

    /** Lands the scenario's extracts tick by tick, as {@link SimulatedSchedule} does, in a warehouse in {@code directory}. */
    public static SimulatedExtracts record(SimulationSettings settings, Path directory) {
        String url = "jdbc:duckdb:" + directory.resolve("extracts-" + settings.seed() + ".duckdb");
        Map<LocalDate, List<UserRow>> users = new LinkedHashMap<>();
        Map<LocalDateTime, List<PageviewRow>> pageviews = new LinkedHashMap<>();
        try (Warehouse warehouse = Warehouse.open(WarehouseUrl.parse(url), Duration.ofSeconds(5))) {
            new SchemaMigrator(warehouse, TestingWarehouse.FIXED_CLOCK).migrate();
            try (ExtractGenerator generator = ExtractGenerator.start(warehouse, settings)) {
                for (LocalDate day = settings.firstDay(); !day.isAfter(settings.closingDay()); day = day.plusDays(1)) {
                    int ticks = day.equals(settings.closingDay()) ? 1 : 24;
                    for (int hour = 0; hour < ticks; hour++) {
                        LocalDateTime hourStart = day.atTime(hour, 0).minusHours(1);
                        generator.landPageviews(hourStart, tickAfter(hourStart));
                        if (!hourStart.isBefore(settings.firstDay().atStartOfDay())) {
                            pageviews.put(hourStart, readPageviews(warehouse));
                        }
                        if (hour == 0) {
                            generator.landUsers(day);
                            users.put(day, readUsers(warehouse));
                        }
                    }
                }
            }
        }
        return new SimulatedExtracts(users, pageviews);
    }

    /** When the scheduler lands the hour from {@code hourStart}: five minutes into the next one. */
    public static LocalDateTime tickAfter(LocalDateTime hourStart) {
        return hourStart.plusHours(1).plusMinutes(SimulatedSchedule.MINUTES_PAST_THE_HOUR);
    }

    private static List<UserRow> readUsers(Warehouse warehouse) {
        return new ArrayList<>(warehouse.query(
                "testing/read_users_extract",
                Map.of(),
                (rs, context) -> new UserRow(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2))));
    }

    private static List<PageviewRow> readPageviews(Warehouse warehouse) {
        return new ArrayList<>(warehouse.query(
                "testing/read_pageviews_extract",
                Map.of(),
                (rs, context) -> new PageviewRow(
                        rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toLocalDateTime())));
    }
}
