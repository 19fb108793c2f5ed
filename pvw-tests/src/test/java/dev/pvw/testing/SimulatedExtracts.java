package dev.pvw.testing;

import dev.pvw.simulate.ExtractGenerator;
import dev.pvw.simulate.SimulatedSchedule;
import dev.pvw.simulate.SimulationSettings;
import dev.pvw.warehouse.OpenOptions;
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
import java.util.function.Consumer;

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
        try (Warehouse warehouse =
                Warehouse.open(WarehouseUrl.parse(url), OpenOptions.forWriting(Duration.ofSeconds(5)))) {
            new SchemaMigrator(warehouse, TestingWarehouse.FIXED_CLOCK).migrate();
            try (ExtractGenerator generator = ExtractGenerator.start(warehouse, settings)) {
                for (Tick tick : ticks(settings)) {
                    generator.landPageviews(tick.hourStart(), tick.at());
                    if (!tick.hourStart().isBefore(settings.firstDay().atStartOfDay())) {
                        pageviews.put(tick.hourStart(), readPageviews(warehouse));
                    }
                    if (tick.landsUsers()) {
                        generator.landUsers(tick.at().toLocalDate());
                        users.put(tick.at().toLocalDate(), readUsers(warehouse));
                    }
                }
            }
        }
        return new SimulatedExtracts(users, pageviews);
    }

    /**
     * Lands the recorded extracts in {@code warehouse} tick by tick, in the order they were recorded, and runs
     * {@code run} as of each tick.
     */
    public void replay(SimulationSettings settings, TestingWarehouse warehouse, Consumer<LocalDateTime> run) {
        for (Tick tick : ticks(settings)) {
            warehouse.landPageviews(pageviews.getOrDefault(tick.hourStart(), List.of()));
            if (tick.landsUsers()) {
                warehouse.landUsers(users.get(tick.at().toLocalDate()));
            }
            run.accept(tick.at());
        }
    }

    /**
     * The scheduler's ticks over a scenario, as {@link SimulatedSchedule} makes them: every hour of every day at HH:05,
     * each landing the hour before it, the one at 00:05 also the day's users; the closing day has only its 00:05 tick.
     */
    static List<Tick> ticks(SimulationSettings settings) {
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate day = settings.firstDay(); !day.isAfter(settings.closingDay()); day = day.plusDays(1)) {
            int hours = day.equals(settings.closingDay()) ? 1 : 24;
            for (int hour = 0; hour < hours; hour++) {
                LocalDateTime hourStart = day.atTime(hour, 0).minusHours(1);
                ticks.add(new Tick(hourStart, tickAfter(hourStart), hour == 0));
            }
        }
        return ticks;
    }

    /** One tick: the hour whose pageviews it lands, when it runs, and whether it lands the day's users too. */
    record Tick(LocalDateTime hourStart, LocalDateTime at, boolean landsUsers) {}

    /** When the scheduler lands the hour from {@code hourStart}: five minutes into the next one. */
    public static LocalDateTime tickAfter(LocalDateTime hourStart) {
        return hourStart.plusHours(1).plusMinutes(SimulatedSchedule.MINUTES_PAST_THE_HOUR);
    }

    private static List<UserRow> readUsers(Warehouse warehouse) {
        return new ArrayList<>(warehouse.query(
                "testing/read_users_extract",
                Map.of(),
                row -> new UserRow(row.getNullableLong("id"), row.getString("postcode"))));
    }

    private static List<PageviewRow> readPageviews(Warehouse warehouse) {
        return new ArrayList<>(warehouse.query(
                "testing/read_pageviews_extract",
                Map.of(),
                row -> new PageviewRow(
                        row.getNullableLong("user_id"), row.getString("url"), row.getTimestamp("pageview_datetime"))));
    }
}
