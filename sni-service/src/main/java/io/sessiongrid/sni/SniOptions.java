package io.sessiongrid.sni;

import io.sessiongrid.sni.sharding.ShardingMode;

import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link SniService} instance runs.
 *
 * @param namespace prefix of the service's maps ({@code <namespace>.chunks} ...); services with different namespaces
 *                  are independent pools. {@link SniMaps#configure} covers every namespace starting with
 *                  {@value #PREFIX}.
 * @param sharding  {@link ShardingMode#DYNAMIC} (contiguous per application) or {@link ShardingMode#RANDOM}
 *                  (chunks in shuffled order: the baseline)
 * @param clock     the time source for heartbeats, expiry and idleness
 */
public record SniOptions(String namespace, ShardingMode sharding, Clock clock) {
    /** Every SNI map lives under this prefix, like all SessionGrid state under {@code sessiongrid.}. */
    public static final String PREFIX = "sessiongrid.sni";
    public static final String DEFAULT_NAMESPACE = PREFIX;

    public SniOptions {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(sharding, "sharding");
        Objects.requireNonNull(clock, "clock");
        if (!namespace.startsWith(PREFIX) || namespace.contains("*")) {
            throw new IllegalArgumentException("an SNI namespace must start with '" + PREFIX + "' (so that SniMaps' "
                    + "map and split-brain protection configs apply) and contain no '*', got '" + namespace + "'");
        }
    }

    /** Namespace {@value #DEFAULT_NAMESPACE}, dynamic sharding, the system clock. */
    public static SniOptions defaults() {
        return new SniOptions(DEFAULT_NAMESPACE, ShardingMode.DYNAMIC, Clock.systemUTC());
    }

    /** The random-sharding baseline in its own namespace. */
    public static SniOptions randomBaseline(String namespace) {
        return new SniOptions(namespace, ShardingMode.RANDOM, Clock.systemUTC());
    }

    public SniOptions withClock(Clock newClock) {
        return new SniOptions(namespace, sharding, newClock);
    }

    public SniOptions withNamespace(String newNamespace) {
        return new SniOptions(newNamespace, sharding, clock);
    }
}
