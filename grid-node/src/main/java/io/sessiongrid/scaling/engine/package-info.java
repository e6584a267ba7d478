/**
 * The live scaling engine: each decision interval, on the one active member, it feeds the pure policy
 * ({@link io.sessiongrid.scaling}) and carries out its decision: provision, wait for readiness, move the
 * connections with the highest predicted usage from the most loaded servers onto new capacity; or drain the
 * least-loaded retirable server and retire it once that is safe. Every interval it also gives the connections of
 * servers that died, once their application has had a grace period to reopen them itself, an owner again ({@link io.sessiongrid.scaling.engine.OrphanPlacement}, counted as
 * {@code sessiongrid.scaling.orphans.adopted}), in record-only mode too: re-homing is not scaling.
 *
 * <p>{@link io.sessiongrid.scaling.engine.ScalingEngine} talks to the cluster only through small ports
 * ({@link io.sessiongrid.scaling.engine.ServerFleet}, {@link io.sessiongrid.scaling.engine.ConnectionMover},
 * {@link io.sessiongrid.scaling.engine.OrphanRegistry},
 * {@link io.sessiongrid.scaling.engine.DemandSource}, {@link io.sessiongrid.scaling.engine.DecisionSink}), so it
 * is unit-tested without Hazelcast; the adapters to the server registry, migrations, the analyzer and a
 * provisioner live beside it. {@link io.sessiongrid.scaling.engine.ForecastPoints} is shared with the simulator.
 *
 * <p>Every member runs {@link io.sessiongrid.scaling.engine.ScalingEngineComponent#configured()} (from
 * {@code scaling.provisioner}; {@code none} records decisions only) unless the application adds its own engine.
 * Decisions are counted in the node's meters; a scale-out reserves SNI identifiers for the servers it starts
 * (application {@code sessiongrid-members}), which they take with {@link io.sessiongrid.scaling.engine.MemberIdentifier}.
 */
package io.sessiongrid.scaling.engine;
