/**
 * Dynamic sharding, as pure decision logic without Hazelcast: where the next chunk of an application goes
 * ({@link io.sessiongrid.sni.sharding.ChunkPlacement}: next to its range, or in shuffled order for the
 * random-sharding baseline), hot/warm/cold classification of chunks by activity
 * ({@link io.sessiongrid.sni.sharding.RangeTemperature}) and the contiguity and fragmentation figures of
 * {@link io.sessiongrid.sni.PoolStatus} ({@link io.sessiongrid.sni.sharding.PoolMetrics}).
 */
package io.sessiongrid.sni.sharding;
