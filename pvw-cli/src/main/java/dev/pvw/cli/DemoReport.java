package dev.pvw.cli;

import static java.util.Objects.requireNonNull;

import dev.pvw.query.PeriodRow;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code pvw demo} prints when it is done: both answers by day for the busiest postcodes, side by side as two
 * tables, and the commands to explore the demo warehouse further.
 *
 * @param current the current-postcode mart summed by day
 * @param atView the postcode-at-view mart summed by day
 * @param warehouseOption how the commands name the demo warehouse
 */
record DemoReport(List<PeriodRow> current, List<PeriodRow> atView, String warehouseOption) {
    /** How many postcodes the tables show: enough to compare, few enough to read. */
    static final int BUSIEST_POSTCODES = 5;

    private static final String ALL_POSTCODES = "all postcodes";

    DemoReport {
        current = List.copyOf(current);
        atView = List.copyOf(atView);
        requireNonNull(warehouseOption, "warehouseOption");
    }

    /** The postcodes with the most pageviews by current postcode, busiest first (the unknown postcode left out). */
    List<String> busiestPostcodes() {
        Map<String, Long> totals = current.stream()
                .filter(row -> row.postcode() != null)
                .collect(Collectors.groupingBy(PeriodRow::postcode, Collectors.summingLong(PeriodRow::pageviews)));
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(BUSIEST_POSTCODES)
                .map(Map.Entry::getKey)
                .toList();
    }

    void print(PrintWriter out) {
        List<String> busiest = busiestPostcodes();
        if (busiest.isEmpty()) {
            out.println("The demo warehouse has no pageviews with a known postcode; nothing to show.");
            return;
        }
        out.printf("Pageviews per day for the %d busiest postcodes.%n%n", busiest.size());
        table(out, "By the user's current postcode (mart.pageviews_hourly_by_current_postcode):", current, busiest);
        out.println();
        table(
                out,
                "By the postcode the user had when viewing (mart.pageviews_hourly_by_postcode_at_view):",
                atView,
                busiest);
        out.printf("%nBoth tables count the same pageviews each day. A user who moved counts under the new postcode"
                + " in the first,%nfor the whole history, and under the postcode of the time in the second.%n%n");
        commands(out, busiest.get(0), current.get(0).periodStart());
    }

    private static void table(PrintWriter out, String title, List<PeriodRow> rows, List<String> postcodes) {
        Map<LocalDate, Map<String, Long>> byDay = new LinkedHashMap<>();
        for (PeriodRow row : rows) {
            Map<String, Long> day =
                    byDay.computeIfAbsent(row.periodStart().toLocalDate(), key -> new LinkedHashMap<>());
            day.merge(ALL_POSTCODES, row.pageviews(), Long::sum);
            if (row.postcode() != null) {
                day.merge(row.postcode(), row.pageviews(), Long::sum);
            }
        }
        List<String> columns = new ArrayList<>(postcodes);
        columns.add(ALL_POSTCODES);
        List<Integer> widths = columns.stream()
                .map(column -> Math.max(
                        column.length(),
                        byDay.values().stream()
                                .mapToInt(day -> String.format("%,d", day.getOrDefault(column, 0L))
                                        .length())
                                .max()
                                .orElse(0)))
                .toList();

        out.println(title);
        StringBuilder header = new StringBuilder(String.format("  %-10s", "day"));
        for (int index = 0; index < columns.size(); index++) {
            header.append(String.format("  %" + widths.get(index) + "s", columns.get(index)));
        }
        out.println(header);
        for (Map.Entry<LocalDate, Map<String, Long>> day : byDay.entrySet()) {
            StringBuilder line = new StringBuilder(String.format("  %-10s", day.getKey()));
            for (int index = 0; index < columns.size(); index++) {
                long pageviews = day.getValue().getOrDefault(columns.get(index), 0L);
                line.append(String.format("  %," + widths.get(index) + "d", pageviews));
            }
            out.println(line);
        }
    }

    private void commands(PrintWriter out, String postcode, LocalDateTime firstDay) {
        String pvw = "./pvw " + warehouseOption;
        String morning = "--from " + Timestamps.format(firstDay) + " --to " + Timestamps.format(firstDay.plusHours(6));
        out.println("Explore further (./pvw is the script at the root of the repository; run these in the folder that"
                + " holds demo.duckdb):");
        for (String command : List.of(
                "query current",
                "query at-view",
                "query at-view --postcode " + postcode + " --grain hour " + morning,
                "query current --grain week",
                "query at-view --grain month --format csv",
                "status")) {
            out.println("  " + pvw + " " + command);
        }
        out.printf("%nOr see both answers in the browser: %s serve, then open http://127.0.0.1:8080/%n", pvw);
    }
}
