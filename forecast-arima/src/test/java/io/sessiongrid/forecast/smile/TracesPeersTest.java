package io.sessiongrid.forecast.smile;

import io.sessiongrid.forecast.Forecasters;
import io.sessiongrid.forecast.backtest.Backtest;
import io.sessiongrid.forecast.backtest.BacktestResult;
import io.sessiongrid.forecast.backtest.Trace;
import io.sessiongrid.forecast.backtest.TraceCsv;
import io.sessiongrid.testkit.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11's bars with the default distribution's forecasters (ARIMA present), on the shared traces: auto's MASE
 * relative to seasonal naive at most the best statistical peer's (statsmodels, measured with the same protocol),
 * and its 95% intervals covering 90-98% of the actual values. Skips when the traces are absent.
 */
class TracesPeersTest {

    @ParameterizedTest(name = "{0}: best peer {1}")
    @CsvSource({"nyc_taxi.csv, 0.500", "cpu_utilization_asg_misconfiguration.csv, 0.842",
            "rds_cpu_utilization_cc0c53.csv, 0.239", "ec2_cpu_utilization_53ea38.csv, 0.790",
            "ec2_network_in_257a54.csv, 0.578", "Twitter_volume_AMZN.csv, 0.664"})
    void autoMatchesTheBestPeerWithCalibratedIntervals(String file, double peer) {
        Trace trace = TraceCsv.read(Traces.require(file));
        Backtest backtest = new Backtest(trace.defaultSeason(), trace.defaultHorizon());
        BacktestResult naive = backtest.run(Forecasters.seasonalNaive(), file, trace.values());
        BacktestResult auto = backtest.run(Forecasters.auto(), file, trace.values());
        double ratio = auto.mase() / naive.mase();
        assertTrue(ratio <= peer, file + ": auto " + ratio + " of seasonal naive, best peer " + peer + "; last model "
                + auto.lastModel());
        assertTrue(auto.coverage() >= 0.90 && auto.coverage() <= 0.98, file + ": cover95 " + auto.coverage());
    }
}
