package io.sessiongrid.forecast.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a trace from a CSV file: an optional header line, then rows whose first column is the time and whose
 * second column (or the column named by {@link #read(Path, String)}) is the value; further columns are ignored.
 * The one reader of trace files in SessionGrid ({@code forecast}, {@code bench sni}, the simulator); rows are split
 * by Jackson's CSV parser (quoted fields, {@code #} comment lines and blank lines are handled there).
 * <ul>
 *   <li>Time: {@code YYYY-MM-DD HH:MM:SS} (NAB; {@code T} as separator and no seconds are accepted too,
 *       read as UTC) or a number of seconds (e.g. the Azure trace's {@code bin_end_seconds}).</li>
 *   <li>Step: the most common difference between consecutive times. A difference of k steps leaves k - 1
 *       points missing, filled by linear interpolation; rows with an empty or {@code NaN} value count as
 *       missing too; a repeated time keeps its first row.</li>
 *   <li>Refused, with a {@link TraceException}: a missing or unreadable file, a malformed row, times that go
 *       backwards, fewer than two rows, a constant series, and a named column the header does not have.</li>
 * </ul>
 * O(rows) time and memory.
 */
public final class TraceCsv {

    private static final DateTimeFormatter[] FORMATS = {
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
    };
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withComments();

    private TraceCsv() {
    }

    /**
     * Reads {@code file}, the value from the second column.
     *
     * @throws TraceException when the file is missing, unreadable, malformed or constant
     */
    public static Trace read(Path file) {
        return read(file, null);
    }

    /**
     * Reads {@code file}, the value from the column whose header is {@code column} (the file must have a header).
     *
     * @throws TraceException when the file is missing, unreadable, malformed or constant, or has no such column
     */
    public static Trace read(Path file, String column) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), reader, column);
        } catch (NoSuchFileException e) {
            throw new TraceException("trace file not found: " + file.toAbsolutePath());
        } catch (IOException | UncheckedIOException e) {
            throw new TraceException("cannot read trace file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Parses the lines of a trace file called {@code name} (see the class comment). */
    public static Trace parse(String name, List<String> lines) {
        return parse(name, new StringReader(String.join("\n", lines)), null);
    }

    /** A CSV row and its 1-based line. */
    private record Row(int line, String[] fields) {
    }

    private static Trace parse(String name, Reader reader, String column) {
        List<Row> csv = rows(name, reader);
        int valueIndex = 1;
        int first = 0;
        if (column != null) {
            if (csv.isEmpty()) {
                throw new TraceException(name + ": the file is empty; expected a header with a '" + column + "' column");
            }
            valueIndex = Arrays.asList(csv.get(0).fields()).indexOf(column);
            if (valueIndex < 1) {
                throw new TraceException(name + ": the header " + Arrays.toString(csv.get(0).fields()) + " has no "
                        + "value column '" + column + "' (the first column is the time)");
            }
            first = 1;
        } else if (!csv.isEmpty() && (csv.get(0).fields().length < 2 || !isNumberOrMissing(csv.get(0).fields()[1]))) {
            first = 1; // the header
        }
        List<double[]> rows = new ArrayList<>();
        Boolean dates = null;
        for (Row row : csv.subList(first, csv.size())) {
            String[] fields = row.fields();
            if (fields.length <= valueIndex) {
                throw new TraceException(where(name, row) + "expected " + (valueIndex + 1) + " columns (time first) "
                        + "but found '" + String.join(",", fields) + "'");
            }
            String time = fields[0];
            boolean isDate = !isNumber(time);
            if (dates == null) {
                dates = isDate;
            } else if (dates != isDate) {
                throw new TraceException(where(name, row) + "time '" + time + "' mixes formats: every time must be "
                        + "YYYY-MM-DD HH:MM:SS or every time a number of seconds");
            }
            double seconds = isDate ? parseDate(name, row, time) : Double.parseDouble(time);
            String value = fields[valueIndex];
            if (!isNumberOrMissing(value)) {
                throw new TraceException(where(name, row) + "value '" + value + "' is not a number");
            }
            double v = value.isEmpty() ? Double.NaN : Double.parseDouble(value);
            if (!rows.isEmpty() && seconds < rows.get(rows.size() - 1)[0]) {
                throw new TraceException(where(name, row) + "time '" + time + "' is before the previous row's: "
                        + "rows must be in time order");
            }
            rows.add(new double[] {seconds, Double.isFinite(v) ? v : Double.NaN});
        }
        if (rows.size() < 2) {
            throw new TraceException(name + ": found " + rows.size() + " data rows; a trace needs at least two "
                    + "rows of 'time,value'");
        }
        return regularize(name, rows);
    }

    /** The file's rows, split by the CSV parser; comment and blank lines are skipped there. */
    private static List<Row> rows(String name, Reader reader) {
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = CSV.readerFor(String[].class).with(SCHEMA).createParser(reader)) {
            List<String> fields = new ArrayList<>();
            int line = -1;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    fields.clear();
                    line = -1;
                } else if (token == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY && line >= 0) {
                    rows.add(new Row(line, fields.toArray(String[]::new)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new TraceException(name + " line " + e.getLocation().getLineNr() + ": not valid CSV: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TraceException(name + ": cannot read it as CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    private static Trace regularize(String name, List<double[]> rows) {
        double step = mostCommonStep(rows);
        if (step <= 0) {
            throw new TraceException(name + ": every row has the same time; cannot find the step");
        }
        List<Double> values = new ArrayList<>();
        double lastTime = rows.get(0)[0];
        values.add(rows.get(0)[1]);
        for (int r = 1; r < rows.size(); r++) {
            long steps = Math.round((rows.get(r)[0] - lastTime) / step);
            if (steps == 0) {
                continue; // a repeated time: keep the first row
            }
            for (long k = 1; k < steps; k++) {
                values.add(Double.NaN);
            }
            values.add(rows.get(r)[1]);
            lastTime += steps * step;
        }
        double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
        int filled = interpolate(name, y);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            throw new TraceException(name + ": the series is constant (every value is " + min + "); there is "
                    + "nothing to forecast: give a trace whose values vary");
        }
        return new Trace(name, step, y, rows.size(), filled);
    }

    /** Fills NaN runs linearly between their neighbours (flat at the ends); returns how many were filled. */
    private static int interpolate(String name, double[] y) {
        int filled = 0;
        int previous = -1;
        for (int i = 0; i <= y.length; i++) {
            if (i < y.length && Double.isNaN(y[i])) {
                continue;
            }
            int gap = i - previous - 1;
            if (gap > 0) {
                if (previous < 0 && i == y.length) {
                    throw new TraceException(name + ": no row has a numeric value");
                }
                double from = previous >= 0 ? y[previous] : y[i];
                double to = i < y.length ? y[i] : y[previous];
                for (int k = previous + 1; k < i; k++) {
                    y[k] = from + (to - from) * (k - previous) / (gap + 1);
                }
                filled += gap;
            }
            previous = i;
        }
        return filled;
    }

    private static double mostCommonStep(List<double[]> rows) {
        Map<Double, Integer> counts = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            double d = rows.get(r)[0] - rows.get(r - 1)[0];
            if (d > 0) {
                counts.merge(d, 1, Integer::sum);
            }
        }
        double step = 0;
        int best = 0;
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            if (e.getValue() > best || (e.getValue() == best && e.getKey() < step)) {
                step = e.getKey();
                best = e.getValue();
            }
        }
        return step;
    }

    private static double parseDate(String name, Row line, String time) {
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDateTime.parse(time, format).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new TraceException(where(name, line) + "time '" + time + "' is neither YYYY-MM-DD HH:MM:SS nor "
                + "a number of seconds");
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumberOrMissing(String s) {
        return s.isEmpty() || isNumber(s);
    }

    private static String where(String name, Row row) {
        return name + " line " + row.line() + ": ";
    }
}
