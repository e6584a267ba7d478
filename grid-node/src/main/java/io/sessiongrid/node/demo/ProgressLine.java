package io.sessiongrid.node.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The demo's progress: on a terminal one status line redrawn in place, with event lines printed above it; otherwise
 * (a pipe, a log, a test) the events as they come and the status every {@link #PLAIN_EVERY}.
 */
final class ProgressLine {
    static final Duration PLAIN_EVERY = Duration.ofSeconds(10);
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private long lastPlain = Long.MIN_VALUE;
    private int drawn;

    ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether this JVM writes to a terminal (then the line is redrawn with carriage returns). */
    static boolean onTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** Redraws (or, off a terminal, now and then prints) the status: {@code done} of {@code total} and a text. */
    synchronized void status(Duration done, Duration total, String text) {
        double share = Math.min(1, Math.max(0, (double) done.toMillis() / Math.max(1, total.toMillis())));
        int filled = (int) Math.round(share * WIDTH);
        String line = String.format(Locale.ROOT, "[%s%s] %3ds/%ds  %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done.toSeconds(), total.toSeconds(), text);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
            out.flush();
            drawn = line.length();
        } else {
            long now = System.nanoTime();
            if (lastPlain == Long.MIN_VALUE || now - lastPlain >= PLAIN_EVERY.toNanos() || share >= 1) {
                out.println(line);
                lastPlain = now;
            }
        }
    }

    /** Prints one line of the story (above the status line on a terminal). */
    synchronized void event(String line) {
        if (terminal && drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
        out.println(line);
    }

    /** Ends the status line, so what follows starts on a line of its own. */
    synchronized void finish() {
        if (terminal && drawn > 0) {
            out.println();
            drawn = 0;
        }
    }
}
