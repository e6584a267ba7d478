/**
 * The connection health score: pure computation, no Hazelcast, no clock.
 *
 * <p>Per connection, once per scoring window (default 5 s), {@link io.sessiongrid.analyzer.score.ConnectionHealth}
 * observes the requests {@code y} and errors of the window in O(1). An open connection that made no request
 * still yields a window with {@code y = 0} (its tracker reports it every interval); a window that is missing
 * altogether also counts as {@code y = 0}. {@link io.sessiongrid.analyzer.score.HealthScorer} then computes,
 * with {@code H} the scaling horizon (provisioning + warm-up time) in windows:
 * <pre>
 *   predicted rate  r = mean over k = 1..H of max(0, l + k b) / interval          (Holt: level l, trend b)
 *   usage           U = r / (r + r0)                                     (r0 = reference rate, default 1/s)
 *   churn           C = s / (s + g + 1)        (s = current idle streak in windows, g = mean past idle gap, 1 if none)
 *   decline         D = min(1, -b H / max(l, 1)) if b &lt; 0, else 0  (share of today's level lost over the horizon)
 *   errors          E = smoothed failed / requests (weight 0.2 per window with requests)
 *   stability       S = (1 - 0.8 C) (1 - 0.5 D) (1 - E)
 *   score           = round(100 S (0.1 + 0.9 U)),  0..100;  a closed connection scores 0
 * </pre>
 * So a busy, steady connection scores near 100; a quiet but steady one keeps at least 10% of its stability;
 * idleness longer than the connection's usual gaps, a falling trend and errors each take their share.
 * The reason stored with a score names the largest stability penalty ({@code 0.8 C}, {@code 0.5 D} or
 * {@code E}) if one reaches 0.1, else "low predicted usage" if {@code 1 - (0.1 + 0.9 U)} does, else "steady".
 *
 * <p>The forecaster is {@link io.sessiongrid.forecast.OnlineHolt} with level smoothing 0.3 and trend smoothing
 * 0.05 (steadier than its defaults, so that bursts do not swing the forecast), primed with the first observation
 * twice so that it starts without a trend (OnlineHolt takes its first trend from the first two points). A Jet
 * snapshot keeps {@link io.sessiongrid.analyzer.score.ConnectionHealth}'s exact state, the forecaster's included,
 * so a restored job scores as if it had never stopped.
 */
package io.sessiongrid.analyzer.score;
