package io.sessiongrid.scaling.engine;

/** Where the engine's decisions go (a bounded IMap, listeners, metrics). */
@FunctionalInterface
public interface DecisionSink {
    void record(DecisionRecord decision);
}
