package io.sessiongrid.provision;

import io.sessiongrid.config.SessionGridConfig;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ServerProvisionerFactory} gets to build a provisioner.
 *
 * @param config   the plugin configuration (roles, scaling)
 * @param settings provisioner-specific settings by key, e.g. {@code namespace} for Kubernetes; each factory
 *                 documents its keys and refuses unknown ones
 * @param clock    the clock provisioning times are measured with
 */
public record ProvisionerContext(SessionGridConfig config, Map<String, String> settings, Clock clock) {
    public ProvisionerContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        settings = Map.copyOf(settings);
    }

    /** The setting called {@code key}, if given. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * Checks that every setting is one of {@code allowed}.
     *
     * @throws IllegalArgumentException naming the unknown key and the allowed ones
     */
    public void allowOnly(String provisioner, java.util.Set<String> allowed) {
        for (String key : settings.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("provisioner " + provisioner + ": unknown setting '" + key
                        + "'; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }
}
