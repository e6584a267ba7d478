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
 */
public record ServerView(String id, ServerState state, double load, double predictedLoad) {
    public ServerView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
    }
}
