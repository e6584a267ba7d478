package io.sessiongrid.analyzer.score;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthScorerTest {
    private static final long INTERVAL = 5_000;
    private final HealthScorer scorer = new HealthScorer(
            ScoreParams.of(Duration.ofMillis(INTERVAL), Duration.ofSeconds(45), ScoreParams.DEFAULT_REFERENCE_RATE));

    private static ConnectionHealth observe(double[] requests, double errorShare) {
        ConnectionHealth h = new ConnectionHealth();
        for (int i = 0; i < requests.length; i++) {
            long r = Math.round(requests[i]);
            h.observe(i * INTERVAL, INTERVAL, r, Math.round(r * errorShare), false);
        }
        return h;
    }

    private static double[] steadyHeavy() {
        double[] y = new double[24];
        java.util.Arrays.fill(y, 100); // 20 requests/s
        return y;
    }

    private static double[] bursty() {
        double[] y = new double[24];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3 == 0 ? 30 : 0; // bursts of 30 every third window, ends in a short gap
        }
        return y;
    }

    private static double[] fading() {
        double[] y = new double[24];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(2, 70 - 3 * i); // still active, losing 3 requests per window
        }
        return y;
    }

    private static double[] idle() {
        double[] y = new double[24];
        y[0] = 5;
        return y;
    }

    @Test
    void ordersSteadyHeavyOverBurstyOverFadingOverIdle() {
        Score heavy = scorer.score(observe(steadyHeavy(), 0));
        Score bursty = scorer.score(observe(bursty(), 0));
        Score fading = scorer.score(observe(fading(), 0));
        Score idle = scorer.score(observe(idle(), 0));
        String all = heavy + "\n" + bursty + "\n" + fading + "\n" + idle;
        assertTrue(heavy.score() > bursty.score(), all);
        assertTrue(bursty.score() > fading.score(), all);
        assertTrue(fading.score() > idle.score(), all);
        assertTrue(heavy.score() >= 90, all);
        assertEquals("steady", heavy.reason(), all);
        assertEquals("declining usage", fading.reason(), all);
        assertEquals("idle gaps: likely to go away", idle.reason(), all);
        assertTrue(bursty.churn() > 0 && bursty.churn() < idle.churn(), all);
        assertTrue(fading.decline() > 0.5, all);
        assertEquals(20, heavy.predictedRate(), 1e-6, all);
    }

    @Test
    void errorsLowerTheScoreAndAreNamed() {
        Score clean = scorer.score(observe(steadyHeavy(), 0));
        Score failing = scorer.score(observe(steadyHeavy(), 0.5));
        assertTrue(failing.score() < clean.score() * 0.6, clean + " " + failing);
        assertEquals("errors", failing.reason());
    }

    @Test
    void missingWindowsCountAsIdleAndReplaysAreIgnored() {
        ConnectionHealth h = observe(steadyHeavy(), 0);
        int before = scorer.score(h).score();
        long last = h.lastWindowStart();
        assertTrue(!h.observe(last, INTERVAL, 100, 0, false), "a replayed window must be ignored");
        h.observe(last + 6 * INTERVAL, INTERVAL, 0, 0, false); // five windows missing, then an idle one
        assertEquals(6, h.idleStreak());
        assertTrue(scorer.score(h).score() < before / 2);
    }

    @Test
    void closedAndEmptyScoreZeroAndScoresStayInRange() {
        ConnectionHealth h = observe(steadyHeavy(), 0);
        h.observe(h.lastWindowStart() + INTERVAL, INTERVAL, 10, 0, true);
        assertEquals(0, scorer.score(h).score());
        assertEquals("closed", scorer.score(h).reason());
        assertEquals(0, scorer.score(new ConnectionHealth()).score());
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 200; n++) {
            double[] y = new double[1 + random.nextInt(40)];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(1000);
            }
            int s = scorer.score(observe(y, random.nextDouble())).score();
            assertTrue(s >= 0 && s <= 100, "score " + s);
        }
    }

    @Test
    void restoredStateScoresLikeTheOriginal() {
        ConnectionHealth h = observe(fading(), 0.1);
        ConnectionHealth copy = ConnectionHealth.restore(h.lastWindowStart(), h.observations(), h.idleStreak(),
                h.meanGap(), h.gaps(), h.errorRate(), h.closed(), h.forecasterState());
        assertEquals(scorer.score(h), scorer.score(copy), "the serial form is exact");
        long next = h.lastWindowStart() + 5000;
        h.observe(next, 5000, 3, 0, false);
        copy.observe(next, 5000, 3, 0, false);
        assertEquals(scorer.score(h), scorer.score(copy), "and the copy goes on as the original");
    }
}
