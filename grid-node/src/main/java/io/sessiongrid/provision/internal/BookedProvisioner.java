package io.sessiongrid.provision.internal;

import io.sessiongrid.provision.ProvisionEvent;
import io.sessiongrid.provision.ProvisionedServer;
import io.sessiongrid.provision.ServerProvisioner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The part of every provisioner that only reads its {@link ServerBook}. */
public abstract class BookedProvisioner implements ServerProvisioner {
    protected final ServerBook book;

    protected BookedProvisioner(ServerBook book) {
        this.book = book;
    }

    @Override
    public List<ProvisionedServer> servers() {
        return book.live();
    }

    @Override
    public Optional<ProvisionedServer> server(String serverId) {
        return book.get(serverId);
    }

    @Override
    public Optional<Duration> provisioningTime() {
        return book.provisioningTime();
    }

    @Override
    public void addListener(Consumer<ProvisionEvent> listener) {
        book.addListener(listener);
    }
}
