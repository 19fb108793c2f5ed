package dev.pvw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV as the commands print it: a header, then one record per line, quoted only where a value needs it. */
final class Csv {
    private Csv() {}

    static void print(PrintWriter out, String[] header, List<Object[]> records) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(header)
                .setRecordSeparator('\n')
                .get();
        try {
            CSVPrinter printer = new CSVPrinter(out, format);
            for (Object[] record : records) {
                printer.printRecord(record);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
