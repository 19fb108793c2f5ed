package dev.pvw.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pvw.quality.Printable;
import dev.pvw.query.PeriodRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The output formats of {@code pvw query}. */
enum PeriodFormat {
    TABLE {
        @Override
        void write(List<PeriodRow> rows, PrintWriter out) {
            int postcodeWidth = Math.max(
                    "postcode".length(),
                    rows.stream().mapToInt(row -> label(row).length()).max().orElse(0));
            int countWidth = Math.max(
                    "pageviews".length(),
                    rows.stream()
                            .mapToInt(
                                    row -> String.format("%,d", row.pageviews()).length())
                            .max()
                            .orElse(0));
            String line = "%-19s  %-" + postcodeWidth + "s  %" + countWidth + "s%n";
            out.printf(line, "period_start", "postcode", "pageviews");
            for (PeriodRow row : rows) {
                out.printf(
                        line, Timestamps.format(row.periodStart()), label(row), String.format("%,d", row.pageviews()));
            }
            out.printf("(%d rows)%n", rows.size());
        }

        private String label(PeriodRow row) {
            return row.postcode() == null ? "(unknown)" : Printable.text(row.postcode());
        }
    },
    CSV {
        @Override
        void write(List<PeriodRow> rows, PrintWriter out) {
            Csv.print(
                    out,
                    new String[] {"period_start", "postcode", "pageviews"},
                    rows.stream()
                            .map(row -> new Object[] {
                                Timestamps.format(row.periodStart()),
                                row.postcode() == null ? "" : row.postcode(),
                                row.pageviews()
                            })
                            .toList());
        }
    },
    JSON {
        @Override
        void write(List<PeriodRow> rows, PrintWriter out) {
            try {
                JsonGenerator json = new ObjectMapper().createGenerator(out);
                json.writeStartArray();
                for (PeriodRow row : rows) {
                    json.writeStartObject();
                    json.writeStringField("period_start", Timestamps.format(row.periodStart()));
                    json.writeStringField("postcode", row.postcode());
                    json.writeNumberField("pageviews", row.pageviews());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.flush();
                out.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    abstract void write(List<PeriodRow> rows, PrintWriter out);
}
