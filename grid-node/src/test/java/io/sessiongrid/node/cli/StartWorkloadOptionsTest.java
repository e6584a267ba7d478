package io.sessiongrid.node.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code start}'s workload options are checked before any member starts: bad ones are usage errors (exit 2). */
class StartWorkloadOptionsTest {

    @Test
    void connectionsWithoutAWorkloadAreRefused() {
        CliRun run = CliRun.of("start", "--connections", "5");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--connections") && run.err().contains("--workload"), run.err());
    }

    @Test
    void aMissingTraceOrABadDayOrRateSaysWhatIsAllowed() {
        CliRun trace = CliRun.of("start", "--workload", "no-such-trace.csv");
        assertEquals(2, trace.exit(), trace.err());
        assertTrue(trace.err().contains("not found") && trace.err().contains("builtin"), trace.err());
        CliRun day = CliRun.of("start", "--workload", "builtin", "--workload-day", "soon");
        assertEquals(2, day.exit(), day.err());
        assertTrue(day.err().contains("2m"), day.err());
        CliRun rate = CliRun.of("start", "--workload", "builtin", "--workload-rate", "0");
        assertEquals(2, rate.exit(), rate.err());
        assertTrue(rate.err().contains("> 0"), rate.err());
    }
}
