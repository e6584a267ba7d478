package io.sessiongrid.provision;

import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.provision.internal.Requests;
import io.sessiongrid.provision.internal.BookedProvisioner;
import io.sessiongrid.provision.internal.ServerBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real server JVMs on this host: each server is {@code <command> start --lite --role R [--config F]
 * [--hazelcast F]} (by default {@code java} with grid-node's class path, what {@code ./sessiongrid} runs; see
 * {@link LocalCommand}).
 * <ul>
 *   <li>Ready: when the process prints that its member is up (it has joined the cluster), matched by
 *       {@link LocalCommand#readyPattern()}; the line's address becomes the server's address.</li>
 *   <li>Retire: SIGTERM ({@link Process#destroy()}), whose shutdown hook shuts the member down gracefully; after
 *       the stop timeout a server still running is killed, and the log says so.</li>
 *   <li>A process that exits without being retired is reported dead with its exit code and last output lines.</li>
 * </ul>
 */
public final class LocalProcessProvisioner extends BookedProvisioner {

    public static final String NAME = "local-process";
    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessProvisioner.class);
    private static final int KEPT_LINES = 20;

    private final SessionGridConfig config;
    private final LocalCommand command;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    public LocalProcessProvisioner(SessionGridConfig config, LocalCommand command, Clock clock) {
        super(new ServerBook(clock, "local-"));
        this.config = config;
        this.command = command;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ProvisionedServer> provision(int count, String role) {
        Requests.check(config, count, role);
        List<ProvisionedServer> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ProvisionedServer s = book.add(role, "");
            Process p;
            try {
                p = new ProcessBuilder(command.forRole(role)).directory(command.workDir().toFile())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                book.gone(s.id(), "cannot start " + command.forRole(role) + ": " + e.getMessage());
                throw new ProvisionException("cannot start a server process: " + e.getMessage(), e);
            }
            processes.put(s.id(), p);
            book.handle(s.id(), String.valueOf(p.pid()));
            Deque<String> tail = new ArrayDeque<>();
            Thread reader = new Thread(() -> follow(s.id(), p, tail), "sessiongrid-server-" + s.id());
            reader.setDaemon(true);
            reader.start();
            p.onExit().thenAccept(done -> {
                processes.remove(s.id());
                String last;
                synchronized (tail) {
                    last = String.join(" | ", tail);
                }
                book.gone(s.id(), "process " + done.pid() + " exited with code " + done.exitValue()
                        + (last.isEmpty() ? "" : "; last output: " + last));
            });
            started.add(book.require(s.id()));
        }
        return started;
    }

    /** Reads the server's output: finds the ready line, keeps the last lines for a death report. */
    private void follow(String id, Process p, Deque<String> tail) {
        Pattern ready = command.readyPattern();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > KEPT_LINES) {
                        tail.removeFirst();
                    }
                }
                Matcher m = ready.matcher(line);
                if (m.find()) {
                    book.ready(id, m.groupCount() >= 1 ? m.group(1) : null);
                }
            }
        } catch (IOException e) {
            LOG.debug("output of server {} ended: {}", id, e.getMessage());
        }
    }

    @Override
    public void retire(String serverId) {
        book.require(serverId);
        if (!book.stopping(serverId)) {
            return;
        }
        Process p = processes.get(serverId);
        if (p == null) {
            return; // already exited: onExit reports it
        }
        p.destroy(); // SIGTERM: the server's shutdown hook shuts its member down gracefully
        p.onExit().orTimeout(command.stopTimeout().toMillis(), TimeUnit.MILLISECONDS).exceptionally(timeout -> {
            LOG.warn("server {} (pid {}) still runs {} after SIGTERM: killing it", serverId, p.pid(),
                    command.stopTimeout());
            p.destroyForcibly();
            return p;
        });
    }

    /** Retires every server and waits (up to the stop timeout and a little more) for their processes to end. */
    @Override
    public void close() {
        List<Process> running = new ArrayList<>(processes.values());
        for (ProvisionedServer s : book.live()) {
            retire(s.id());
        }
        for (Process p : running) {
            try {
                if (!p.waitFor(command.stopTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
