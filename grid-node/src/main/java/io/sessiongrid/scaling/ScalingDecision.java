package io.sessiongrid.scaling;

import java.util.List;

/** What a {@link ScalingPolicy} decided, with the reason in words (logged, stored and shown to operators). */
public sealed interface ScalingDecision {

    /** Why, e.g. {@code "forecast upper 1234/s at +2m needs 5 servers, have 3"}. */
    String reason();

    /**
     * A scale-in of {@code servers} (the retirable ones a policy chose), or, when none may be retired, a hold that
     * says so: the fleet is larger than needed but every server left is one the engine must not stop.
     */
    static ScalingDecision scaleInOrHold(List<String> servers, String reason) {
        return servers.isEmpty()
                ? new Hold("no server may be retired (the engine's own member and clients it did not start stay); "
                + "would scale in: " + reason)
                : new ScaleIn(servers, reason);
    }

    /**
     * Add {@code servers} servers.
     *
     * @param servers how many, at least 1
     * @param reason  why
     */
    record ScaleOut(int servers, String reason) implements ScalingDecision {
        public ScaleOut {
            if (servers < 1) {
                throw new IllegalArgumentException("ScaleOut needs at least 1 server, got " + servers);
            }
        }
    }

    /**
     * Drain and retire these servers. One decision may retire several (the HPA baseline removes many pods at
     * once; the predictive policy at most its maximum step).
     *
     * @param servers the ids of the servers to retire, at least one
     * @param reason  why
     */
    record ScaleIn(List<String> servers, String reason) implements ScalingDecision {
        public ScaleIn {
            servers = List.copyOf(servers);
            if (servers.isEmpty()) {
                throw new IllegalArgumentException("ScaleIn needs at least one server");
            }
        }
    }

    /** Change nothing. */
    record Hold(String reason) implements ScalingDecision {
    }
}
