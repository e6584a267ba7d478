package io.sessiongrid.scaling;

import java.util.Objects;

/**
 * One server as the decision logic sees it.
 *
 * @param id            the server's id
 * @param state         its life-cycle state
 * @param load          the load it serves now (requests/s)
 * @param predictedLoad the load its connections are predicted to bring over the horizon (requests/s; from the
 *                      connections' health scores, or {@code load} when there is no prediction)
 * @param retirable     whether a scale-in may choose it: not the engine's own member (retiring it would shut the
 *                      engine down) and not a server the engine cannot stop (a client it did not start). Every
 *                      server counts as capacity either way.
 */
public record ServerView(String id, ServerState state, double load, double predictedLoad, boolean retirable) {
    public ServerView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }

    /** A server that may be retired (the simulator's and most tests' servers). */
    public ServerView(String id, ServerState state, double load, double predictedLoad) {
        this(id, state, load, predictedLoad, true);
    }
}
