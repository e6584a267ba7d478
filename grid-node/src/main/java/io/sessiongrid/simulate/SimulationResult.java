package io.sessiongrid.simulate;

/**
 * What one policy did over one trace.
 *
 * @param policy                  the policy's name
 * @param underprovisionedMinutes minutes in which demand exceeded ready capacity
 * @param sloMinutes              minutes in which demand exceeded the target utilization of ready capacity
 * @param memberHours             server-hours paid, pending servers included
 * @param scalingActions          scale-outs plus scale-ins
 * @param peakServers             the most servers at once (ready plus pending)
 * @param readyCapacity           ready capacity at the start of each trace step, for charts
 */
public record SimulationResult(String policy, double underprovisionedMinutes, double sloMinutes, double memberHours,
                               int scalingActions, int peakServers, double[] readyCapacity) {
    public SimulationResult {
        readyCapacity = readyCapacity.clone();
    }

    @Override
    public double[] readyCapacity() {
        return readyCapacity.clone();
    }
}
