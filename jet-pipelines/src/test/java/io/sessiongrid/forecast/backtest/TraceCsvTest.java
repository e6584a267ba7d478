package io.sessiongrid.forecast.backtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceCsvTest {

    @Test
    void readsNabTimestampsDetectsTheStepAndFillsGapsLinearly() {
        Trace trace = TraceCsv.parse("t.csv", List.of(
                "timestamp,value",
                "2014-02-14 14:30:00,1.0",
                "2014-02-14 14:35:00,2.0",
                "2014-02-14 14:50:00,5.0", // two 5-minute points missing
                "2014-02-14 14:55:00,4.0",
                "2014-02-14 15:00:00,",    // empty value: missing
                "2014-02-14 15:05:00,8.0"));
        assertEquals(300, trace.stepSeconds());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 4, 6, 8}, trace.values(), 1e-12);
        assertEquals(3, trace.filled());
        assertEquals(6, trace.rows());
        assertEquals(288, trace.defaultSeason());
        assertEquals(12, trace.defaultHorizon());
    }

    @Test
    void readsANumericSecondsColumnAndTakesTheSecondColumnAsValue() {
        Trace trace = TraceCsv.parse("azure.csv", List.of(
                "bin_end_seconds,vm_arrivals,tenant_batches,vcpus_requested,memory_gb_requested",
                "300,91,46,203,352.25",
                "600,61,28,122,212.5",
                "1200,41,20,80,100"));
        assertEquals(300, trace.stepSeconds());
        assertArrayEquals(new double[] {91, 61, 51, 41}, trace.values(), 1e-12);
    }

    @Test
    void halfHourStepsGiveDailySeasonAndHourlyHorizon() {
        Trace trace = TraceCsv.parse("taxi.csv", List.of("timestamp,value", "2014-07-01 00:00:00,10844",
                "2014-07-01 00:30:00,8127", "2014-07-01 01:00:00,6210"));
        assertEquals(48, trace.defaultSeason());
        assertEquals(2, trace.defaultHorizon());
    }

    @Test
    void refusesConstantSeriesSayingWhy() {
        TraceException e = assertThrows(TraceException.class, () -> TraceCsv.parse("flat.csv",
                List.of("timestamp,value", "2014-01-01 00:00:00,3", "2014-01-01 00:05:00,3")));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
    }

    @Test
    void refusesMalformedRowsWithTheLine() {
        TraceException badValue = assertThrows(TraceException.class, () -> TraceCsv.parse("bad.csv",
                List.of("timestamp,value", "2014-01-01 00:00:00,3", "2014-01-01 00:05:00,abc")));
        assertTrue(badValue.getMessage().contains("line 3") && badValue.getMessage().contains("abc"),
                badValue.getMessage());
        TraceException badTime = assertThrows(TraceException.class, () -> TraceCsv.parse("bad.csv",
                List.of("timestamp,value", "yesterday,3", "today,4")));
        assertTrue(badTime.getMessage().contains("YYYY-MM-DD HH:MM:SS"), badTime.getMessage());
        TraceException backwards = assertThrows(TraceException.class, () -> TraceCsv.parse("bad.csv",
                List.of("timestamp,value", "2014-01-01 00:05:00,3", "2014-01-01 00:00:00,4")));
        assertTrue(backwards.getMessage().contains("time order"), backwards.getMessage());
        assertThrows(TraceException.class, () -> TraceCsv.parse("one.csv", List.of("timestamp,value", "1,2")));
    }

    @Test
    void readsANamedColumnQuotedFieldsAndComments(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("azure.csv"), String.join("\n",
                "# Azure 2017 VM arrivals",
                "bin_end_seconds,vm_arrivals,tenant_batches,note",
                "300,91,46,\"first, with a comma\"",
                "",
                "600,61,28,x",
                "900,58,38,y") + "\n");
        assertArrayEquals(new double[] {46, 28, 38}, TraceCsv.read(file, "tenant_batches").values(), 1e-12);
        assertArrayEquals(new double[] {91, 61, 58}, TraceCsv.read(file, "vm_arrivals").values(), 1e-12);
        TraceException e = assertThrows(TraceException.class, () -> TraceCsv.read(file, "vcpus"));
        assertTrue(e.getMessage().contains("vcpus") && e.getMessage().contains("tenant_batches"), e.getMessage());
        TraceException badRow = assertThrows(TraceException.class, () -> TraceCsv.read(
                Files.writeString(dir.resolve("bad.csv"), "t,v,w\n1,2,3\n2,3\n"), "w"));
        assertTrue(badRow.getMessage().contains("line 3"), badRow.getMessage());
    }

    @Test
    void refusesAMissingFile(@TempDir Path dir) {
        TraceException e = assertThrows(TraceException.class, () -> TraceCsv.read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void readsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.csv"), "timestamp,value\n1,1\n2,3\n3,2\n");
        Trace trace = TraceCsv.read(file);
        assertEquals("x.csv", trace.name());
        assertEquals(3, trace.length());
    }
}
