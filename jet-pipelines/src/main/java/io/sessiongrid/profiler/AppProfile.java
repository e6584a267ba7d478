package io.sessiongrid.profiler;

/**
 * An application cluster's behaviour in its last closed window and its predicted VM count over the horizon. Stored
 * in {@value BehavioralProfiler#PROFILES} under the application id, Compact type {@code sessiongrid.sni.AppProfile},
 * so Management Center and SQL show it. Feed it to the SNI predictive allocator as a {@code VmForecast(appId,
 * predictedVms, upperBound, confidence, Duration.ofMillis(horizonMillis))}.
 *
 * @param appId          the application cluster
 * @param windowEnd      end of the last closed window, epoch millis
 * @param samples        telemetry records in that window
 * @param vmCount        the largest VM count in that window
 * @param cpu            mean CPU utilisation, 0..1
 * @param memoryBytes    mean memory in use
 * @param networkBytesPerSecond network I/O (in + out) per second over the window
 * @param dataRate       mean data rate, bytes per second
 * @param interVmBytesPerSecond inter-VM traffic per second over the window
 * @param predictedVms   forecast VM count at the end of the horizon
 * @param lowerBound     lowest lower interval bound over the horizon (at least 0)
 * @param upperBound     highest upper interval bound over the horizon: what reservations are sized to
 * @param confidence     trust in the forecast, 0..1 ({@link VmForecasting#confidence})
 * @param horizonMillis  how far ahead the forecast looks
 * @param model          the fitted model, e.g. {@code holt_winters}, or {@code last_value} with too little history
 * @param historyWindows windows the forecast was fitted on
 */
public record AppProfile(String appId, long windowEnd, int samples, int vmCount, double cpu, double memoryBytes,
                         double networkBytesPerSecond, double dataRate, double interVmBytesPerSecond,
                         double predictedVms, double lowerBound, double upperBound, double confidence,
                         long horizonMillis, String model, int historyWindows) {
}
