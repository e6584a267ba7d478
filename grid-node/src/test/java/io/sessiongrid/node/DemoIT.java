package io.sessiongrid.node;

import io.sessiongrid.node.demo.Demo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick start's first command, in process, with 3 sessions (fewer than the delta's default user-7): every check passes. */
class DemoIT {

    @Test
    void demoPassesEveryCheck() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        assertTrue(out.contains("read back 3 of 3 sessions") && out.contains("after the loss") && out.contains("demo passed"), out);
        assertTrue(out.contains("aggregated 1,000 of them") && out.contains("200 distinct"), out);
        assertTrue(!out.contains("FAILED"), out);
    }
}
