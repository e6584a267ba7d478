package io.sessiongrid.runtime.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Signal handling for a node that owns its process ({@code ./sessiongrid start}). SIGTERM and SIGINT replace the
 * JVM's default handling, which would run the shutdown hooks and exit with 143 whatever they did:
 * <ul>
 *   <li>the first signal stops the node gracefully (its own ordered stop; Hazelcast's hook is off) and the
 *       process then exits 0;</li>
 *   <li>a second signal, or a stop that takes longer than the timeout, ends the process at once (exit 128 + the
 *       signal's number, or 1 after a timeout). It exits rather than calling {@code terminate()}: Hazelcast's
 *       terminate waits on the same lock as the graceful shutdown it would cut short.</li>
 * </ul>
 * Uses {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK since 9): the standard library has no
 * other way to keep a SIGTERM'd JVM from exiting 143.
 */
public final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private final NodeRuntime node;
    private final Duration timeout;
    private final Consumer<String> announce;
    private boolean stopping; // under this object's lock

    private GracefulStop(NodeRuntime node, Duration timeout, Consumer<String> announce) {
        this.node = node;
        this.timeout = timeout;
        this.announce = announce;
    }

    /**
     * Installs the handlers.
     *
     * @param timeout  how long a graceful stop may take before the process exits anyway
     * @param announce prints the one line a stop says ("SIGTERM: stopping gracefully")
     */
    public static GracefulStop install(NodeRuntime node, Duration timeout, Consumer<String> announce) {
        GracefulStop stop = new GracefulStop(node, timeout, announce);
        for (String name : new String[]{"TERM", "INT"}) {
            Signal.handle(new Signal(name), stop::onSignal);
        }
        return stop;
    }

    private synchronized void onSignal(Signal signal) {
        if (!stopping) {
            begin("SIG" + signal.getName() + ": stopping gracefully (backups handed over first); send it again to "
                    + "stop at once");
        } else {
            announce.accept("SIG" + signal.getName() + " again: exiting now, without waiting for the hand-over");
            System.exit(128 + signal.getNumber());
        }
    }

    /** Stops gracefully as the first SIGTERM does; {@code cause} starts the one line it says. Once only. */
    public synchronized void stop(String cause) {
        if (!stopping) {
            begin(cause + ": stopping gracefully (backups handed over first); SIGTERM stops it at once");
        }
    }

    private void begin(String line) {
        stopping = true;
        announce.accept(line);
        Thread stopper = new Thread(this::stopGracefully, "sessiongrid-graceful-stop");
        stopper.start();
    }

    private void stopGracefully() {
        Thread watchdog = new Thread(() -> {
            try {
                if (!node.awaitStop(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("graceful stop took longer than {} s: exiting without waiting any longer",
                            timeout.toSeconds());
                    System.exit(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sessiongrid-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        node.close();
    }

}
