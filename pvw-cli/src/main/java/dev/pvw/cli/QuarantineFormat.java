package dev.pvw.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvw.quality.Printable;
import dev.pvw.state.QuarantinedRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output formats of {@code pvw quarantine}. */
enum QuarantineFormat {
    /** Aligned columns for a terminal: control characters escaped, long values cut short. */
    TABLE {
        @Override
        void write(List<QuarantinedRow> rows, PrintWriter out) {
            List<String[]> lines = new ArrayList<>();
            lines.add(COLUMNS);
            for (QuarantinedRow row : rows) {
                lines.add(Arrays.stream(fields(row)).map(QuarantineFormat::cell).toArray(String[]::new));
            }
            int[] widths = new int[COLUMNS.length];
            for (String[] line : lines) {
                for (int column = 0; column < line.length; column++) {
                    widths[column] = Math.max(widths[column], line[column].length());
                }
            }
            for (String[] line : lines) {
                StringBuilder text = new StringBuilder();
                for (int column = 0; column < line.length; column++) {
                    text.append(column == 0 ? "" : "  ")
                            .append(String.format("%-" + widths[column] + "s", line[column]));
                }
                out.println(text.toString().stripTrailing());
            }
            out.printf("(%d rows)%n", rows.size());
        }
    },
    /** Every value as it is, NULL as an empty field. */
    CSV {
        @Override
        void write(List<QuarantinedRow> rows, PrintWriter out) {
            Csv.print(
                    out,
                    COLUMNS,
                    rows.stream().map(row -> (Object[]) fields(row)).toList());
        }
    },
    /** An array of objects with the CSV's keys; numbers as numbers, NULL as null. */
    JSON {
        @Override
        void write(List<QuarantinedRow> rows, PrintWriter out) {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (QuarantinedRow row : rows) {
                // A LinkedHashMap keeps the keys in the CSV's order and, unlike Map.of, takes nulls.
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("source", row.source());
                object.put("run_id", row.runId());
                object.put("batch_id", row.batchId());
                object.put("snapshot_id", row.snapshotId());
                object.put("reason", row.reason());
                object.put("user_id", row.userId());
                object.put("postcode", row.postcode());
                object.put("url", row.url());
                object.put(
                        "pageview_datetime",
                        row.pageviewDatetime() == null ? null : Timestamps.format(row.pageviewDatetime()));
                objects.add(object);
            }
            try {
                new ObjectMapper()
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValue(out, objects);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
        }
    };

    static final String[] COLUMNS = {
        "source", "run_id", "batch_id", "snapshot_id", "reason", "user_id", "postcode", "url", "pageview_datetime"
    };

    /** How much of a long value the table shows. */
    static final int TABLE_CELL_LIMIT = 60;

    abstract void write(List<QuarantinedRow> rows, PrintWriter out);

    /** A row's values in the order of {@link #COLUMNS}, as text; NULL as an empty string. */
    private static String[] fields(QuarantinedRow row) {
        return new String[] {
            row.source(),
            Long.toString(row.runId()),
            text(row.batchId()),
            text(row.snapshotId()),
            row.reason(),
            text(row.userId()),
            row.postcode() == null ? "" : row.postcode(),
            row.url() == null ? "" : row.url(),
            Timestamps.format(row.pageviewDatetime())
        };
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }

    private static String cell(String value) {
        String printable = Printable.text(value);
        if (printable.length() <= TABLE_CELL_LIMIT) {
            return printable;
        }
        return printable.substring(0, TABLE_CELL_LIMIT) + "... (" + value.length() + " characters)";
    }
}
