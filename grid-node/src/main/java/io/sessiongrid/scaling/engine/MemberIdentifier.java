package io.sessiongrid.scaling.engine;

import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.sni.Allocation;
import io.sessiongrid.sni.SniException;
import io.sessiongrid.sni.UnknownAppException;
import io.sessiongrid.time.ScheduledTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A lite member (new capacity, as provisioners start it) takes one identifier from the SNI application
 * {@value MemberIdReservations#APP}, i.e. from the chunks the engine reserved before it launched, holds it with
 * heartbeats (a third of {@code sni.idleTimeout}) and releases it when it stops. Nothing when no engine has
 * scaled out yet (the application is not registered) or on data members and clients.
 */
public final class MemberIdentifier implements NodeComponent {
    private static final Logger LOG = LoggerFactory.getLogger(MemberIdentifier.class);

    private NodeContext node;
    private volatile Allocation allocation;
    private ScheduledTask heartbeat;

    @Override
    public void start(NodeContext context) {
        if (!context.kind().isMember() || !context.hazelcast().getCluster().getLocalMember().isLiteMember()) {
            return;
        }
        node = context;
        try {
            allocation = context.sni().allocate(MemberIdReservations.APP, 1);
        } catch (UnknownAppException e) {
            return; // no scale-out has reserved member identifiers: a server started by hand
        } catch (SniException e) {
            LOG.warn("could not take a member identifier: {}", e.getMessage());
            return;
        }
        Duration every = context.config().sni().idleTimeout().dividedBy(3);
        heartbeat = context.scheduler().withFixedDelay("member-identifier", every, every, this::beat);
        LOG.info("member identifier {}", id().getAsLong());
    }

    private void beat() {
        try {
            node.sni().heartbeat(allocation.lease());
        } catch (SniException e) {
            LOG.warn("member identifier heartbeat failed: {}", e.getMessage());
        }
    }

    /** This server's identifier, when it took one. */
    public OptionalLong id() {
        Allocation a = allocation;
        return a == null ? OptionalLong.empty() : a.ids().findFirst();
    }

    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.cancel();
        }
        Allocation a = allocation;
        if (a != null) {
            try {
                node.sni().release(a.lease().ranges());
            } catch (RuntimeException e) {
                // the idle timeout reclaims it
                LOG.debug("member identifier not released: {}", e.toString());
            }
        }
    }
}
