package io.sessiongrid.provision.internal;

import io.sessiongrid.provision.ProvisionEvent;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The servers of one provisioner and their phase changes, thread-safe. Phases only move forward
 * (STARTING, READY, STOPPING, then STOPPED or FAILED); a change to a terminal phase is reported once.
 * Provisioning time is the mean of the last {@value #MEASURED} request-to-ready times.
 */
public final class ServerBook {
    private static final int MEASURED = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ServerBook.class);

    private final Clock clock;
    private final String prefix;
    private final Map<String, ProvisionedServer> servers = new LinkedHashMap<>();
    private final Deque<Duration> times = new ArrayDeque<>();
    private final List<Consumer<ProvisionEvent>> listeners = new CopyOnWriteArrayList<>();
    private int sequence;

    /** @param prefix the start of every server id, e.g. {@code local-} */
    public ServerBook(Clock clock, String prefix) {
        this.clock = clock;
        this.prefix = prefix;
    }

    public Clock clock() {
        return clock;
    }

    /** Books a new STARTING server, numbered by this book, and returns it. */
    public synchronized ProvisionedServer add(String role, String handle) {
        return addNamed(prefix + sequence++, role, handle);
    }

    /**
     * Books a new STARTING server whose id the platform chose (a StatefulSet's pod name). An id that ended may
     * be booked again (a pod ordinal comes back on the next scale-out).
     *
     * @throws IllegalStateException when a live server already has that id
     */
    public synchronized ProvisionedServer addNamed(String id, String role, String handle) {
        ProvisionedServer old = servers.get(id);
        if (old != null && !old.phase().terminal()) {
            throw new IllegalStateException("server " + id + " is already " + old.phase());
        }
        servers.remove(id); // re-inserted last: live() keeps the order of requests
        ProvisionedServer s = new ProvisionedServer(id, role, ServerPhase.STARTING, clock.instant(), Optional.empty(),
                Optional.empty(), handle, "");
        servers.put(id, s);
        return s;
    }

    /** Sets a server's platform handle (a pid known only after the start). */
    public synchronized void handle(String id, String handle) {
        ProvisionedServer s = require(id);
        servers.put(id, new ProvisionedServer(id, s.role(), s.phase(), s.requestedAt(), s.readyAt(), s.address(),
                handle, s.detail()));
    }

    /** Marks a STARTING server ready at {@code address}; anything else is left as it is. */
    public void ready(String id, String address) {
        ProvisionedServer now;
        synchronized (this) {
            ProvisionedServer s = require(id);
            if (s.phase() != ServerPhase.STARTING) {
                return;
            }
            now = new ProvisionedServer(id, s.role(), ServerPhase.READY, s.requestedAt(),
                    Optional.of(clock.instant()), Optional.ofNullable(address), s.handle(), s.detail());
            servers.put(id, now);
            times.addLast(now.provisioningTime().orElseThrow());
            if (times.size() > MEASURED) {
                times.removeFirst();
            }
        }
        fire(new ProvisionEvent.Ready(now));
    }

    /**
     * Marks a server as asked to stop.
     *
     * @return false when it is already stopping or gone (nothing to do)
     */
    public synchronized boolean stopping(String id) {
        ProvisionedServer s = require(id);
        if (s.phase() == ServerPhase.STOPPING || s.phase().terminal()) {
            return false;
        }
        servers.put(id, new ProvisionedServer(id, s.role(), ServerPhase.STOPPING, s.requestedAt(), s.readyAt(),
                s.address(), s.handle(), s.detail()));
        return true;
    }

    /** The server is gone: STOPPED if it was asked to stop, FAILED (a death) otherwise. */
    public void gone(String id, String reason) {
        ProvisionEvent event;
        synchronized (this) {
            ProvisionedServer s = require(id);
            if (s.phase().terminal()) {
                return;
            }
            boolean asked = s.phase() == ServerPhase.STOPPING;
            ProvisionedServer now = new ProvisionedServer(id, s.role(), asked ? ServerPhase.STOPPED : ServerPhase.FAILED,
                    s.requestedAt(), s.readyAt(), s.address(), s.handle(), asked ? s.detail() : reason);
            servers.put(id, now);
            event = asked ? new ProvisionEvent.Stopped(now) : new ProvisionEvent.Died(now, reason);
        }
        fire(event);
    }

    public synchronized Optional<ProvisionedServer> get(String id) {
        return Optional.ofNullable(servers.get(id));
    }

    /** The servers not yet gone, oldest first. */
    public synchronized List<ProvisionedServer> live() {
        return servers.values().stream().filter(s -> !s.phase().terminal()).toList();
    }

    public synchronized Optional<Duration> provisioningTime() {
        if (times.isEmpty()) {
            return Optional.empty();
        }
        long sum = 0;
        for (Duration d : times) {
            sum += d.toMillis();
        }
        return Optional.of(Duration.ofMillis(sum / times.size()));
    }

    public void addListener(Consumer<ProvisionEvent> listener) {
        listeners.add(listener);
    }

    /** The server with {@code id}, which must have been booked here. */
    public synchronized ProvisionedServer require(String id) {
        ProvisionedServer s = servers.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no server '" + id + "' was provisioned here; known: "
                    + new ArrayList<>(servers.keySet()));
        }
        return s;
    }

    private void fire(ProvisionEvent event) {
        for (Consumer<ProvisionEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                // A listener's failure must not stop the others or the provisioner.
                LOG.warn("provision listener failed on {}", event, e);
            }
        }
    }
}
