/**
 * The public API of the SNI service (Session Network Identifiers): {@link io.sessiongrid.sni.SniService} and its
 * factory {@link io.sessiongrid.sni.SniServices}, member configuration ({@link io.sessiongrid.sni.SniMaps},
 * {@link io.sessiongrid.sni.SniSerialization}), the value records it returns and the typed
 * {@link io.sessiongrid.sni.SniException}s, which carry the pool figures.
 *
 * <p>Features live in sub-packages: {@code reservation} (forecast-driven predictive allocation),
 * {@code sharding} (chunk placement, hot/cold classification, pool metrics), {@code reclaim} (reclamation
 * eligibility). Hazelcast I/O lives in {@code internal}.
 */
package io.sessiongrid.sni;
