package dev.pvw.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the command's stderr for work that takes minutes: done and total, throughput and the time left
 * (me.tongfei:progressbar), redrawn in place about once a second. Off, it prints nothing.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 120;
    private static final int REDRAW_MILLIS = 1_000;

    private final PrintWriter err;
    private final ProgressBar bar;

    private Progress(PrintWriter err, ProgressBar bar) {
        this.err = requireNonNull(err, "err");
        this.bar = bar;
    }

    /** A bar for {@code total} steps of {@code unit} (plural, such as "runs"), or none when not {@code shown}. */
    static Progress of(PrintWriter err, String task, long total, String unit, boolean shown) {
        if (!shown) {
            return new Progress(err, null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.MINUTES)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(REDRAW_MILLIS)
                .setConsumer(new DelegatingProgressBarConsumer(
                        line -> {
                            err.print('\r' + line);
                            err.flush();
                        },
                        WIDTH))
                .build();
        return new Progress(err, bar);
    }

    /** One step done; {@code status} says where the work is (shown after the bar). */
    void step(String status) {
        if (bar != null) {
            bar.setExtraMessage(" " + status);
            bar.step();
        }
    }

    /** Says where the work is without a step done. */
    void status(String status) {
        if (bar != null) {
            bar.setExtraMessage(" " + status);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
