package dev.pvw.bench;

import dev.pvw.PvwException;
import dev.pvw.PvwException.ErrorCode;
import dev.pvw.bench.BenchResults.Growth;
import dev.pvw.bench.BenchResults.GrowthDay;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The growth curves as a PNG (XChart, drawn headless): the hourly step's daily median on the left axis and the daily
 * users step on the right, against the days of history in the warehouse.
 */
public final class GrowthChart {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;

    private GrowthChart() {}

    /** Writes the chart of {@code growth} to {@code file}, replacing it. */
    public static void write(Growth growth, Path file) {
        // No display on a build machine or server: draw in memory only.
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(String.format(
                        "pvw steps as history grows (%,d users, %,d pageviews a day, DuckDB)",
                        growth.users(), growth.pageviewsPerDay()))
                .xAxisTitle("days of history")
                .yAxisTitle("hourly step, median of the day's runs (s)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisMin(0, 0.0);
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        double[] days = growth.days().stream().mapToDouble(GrowthDay::day).toArray();
        chart.addSeries("hourly step, wall time", days, seconds(growth, day -> day.hourly()
                .wall()));
        chart.addSeries("hourly step, CPU time", days, seconds(growth, day -> day.hourly()
                .cpu()));
        chart.addSeries("daily users step, wall time", days, seconds(growth, day -> day.usersStep()
                        .wall()))
                .setYAxisGroup(1);
        chart.addSeries("daily users step, CPU time", days, seconds(growth, day -> day.usersStep()
                        .cpu()))
                .setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "daily users step at 00:05 after the day (s)");
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new PvwException(
                    ErrorCode.FAILURE,
                    "Cannot write the chart " + file + " (" + e.getMessage() + "); give --output a folder you can"
                            + " write to.",
                    e);
        }
    }

    private static double[] seconds(Growth growth, Function<GrowthDay, Duration> time) {
        return growth.days().stream()
                .mapToDouble(day -> time.apply(day).toNanos() / 1e9)
                .toArray();
    }
}
