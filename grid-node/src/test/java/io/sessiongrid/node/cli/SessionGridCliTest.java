package io.sessiongrid.node.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionGridCliTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SessionGridCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");
        assertEquals(0, run.exit());
        for (String command : new String[]{"start", "demo", "bench"}) {
            assertTrue(run.out().contains(command), run.out());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("a command is required"), run.err());
    }

    @Test
    void unknownScenarioSaysWhatIsAllowed() {
        Run run = run("bench", "nope");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown scenario 'nope'; allowed: [store"), run.err());
    }

    @Test
    void unknownOptionExitsTwo() {
        Run run = run("demo", "--fast");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--fast"), run.err());
    }

    @Test
    void unknownRoleIsAUsageErrorThatListsTheRoles() {
        Run run = run("start", "--role", "pinball");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown role; configured roles: [game-server, shop-server, edge]"), run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void aShutdownTimeoutUnderOneSecondIsAUsageError() {
        Run run = run("start", "--shutdown-timeout", "0");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("shutdownTimeout PT0S: at least 1 second"), run.err());
    }

    @Test
    void missingConfigFileIsAUsageError() {
        Run run = run("start", "--config", "no-such-sessiongrid.yaml");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no-such-sessiongrid.yaml"), run.err());
    }

    @Test
    void badSessionCountIsRefused() {
        Run zero = run("demo", "--basics", "--sessions", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--sessions must be between 1 and 1000000, got 0"), zero.err());
        assertEquals(2, run("demo", "--basics", "--sessions", "1000001").exit());
        assertEquals(2, run("demo", "--basics", "--sessions", "many").exit());
        Run alone = run("demo", "--sessions", "10");
        assertEquals(2, alone.exit());
        assertTrue(alone.err().contains("--sessions applies to --basics"), alone.err());
    }

    @Test
    void badStoryOptionsAreRefusedBeforeAnythingStarts() {
        Run shortDay = run("demo", "--duration", "5s");
        assertEquals(2, shortDay.exit());
        assertTrue(shortDay.err().contains("--duration must be between 40s and 120m"), shortDay.err());
        Run notDuration = run("demo", "--duration", "soon");
        assertEquals(2, notDuration.exit());
        assertTrue(notDuration.err().contains("--duration soon: not a duration"), notDuration.err());
        Run few = run("demo", "--connections", "3");
        assertEquals(2, few.exit());
        assertTrue(few.err().contains("--connections must be between 10 and 20000, got 3"), few.err());
        Run trace = run("demo", "--trace", "no-such-trace.csv");
        assertEquals(2, trace.exit());
        assertTrue(trace.err().contains("--trace no-such-trace.csv: no such readable file"), trace.err());
    }
}
