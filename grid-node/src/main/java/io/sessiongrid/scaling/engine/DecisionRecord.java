package io.sessiongrid.scaling.engine;

import java.time.Instant;
import java.util.List;

/**
 * One decision with its inputs, as stored and shown.
 *
 * @param at        when
 * @param policy    the policy's name
 * @param kind      {@code scale_out}, {@code scale_in}, {@code hold} or {@code paused}
 * @param servers   servers added (scale-out) or chosen to retire (scale-in); 0 for a hold
 * @param retired   the ids chosen to retire
 * @param reason    the policy's reason
 * @param demand    the observed demand
 * @param peakUpper the highest forecast upper bound the policy saw (the demand when there was no forecast)
 * @param committed ready plus pending servers before the decision
 */
public record DecisionRecord(Instant at, String policy, String kind, int servers, List<String> retired,
                             String reason, double demand, double peakUpper, int committed) {
    public DecisionRecord {
        retired = List.copyOf(retired);
    }
}
