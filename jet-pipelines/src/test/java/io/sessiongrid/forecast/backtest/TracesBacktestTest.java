package io.sessiongrid.forecast.backtest;

import io.sessiongrid.forecast.Forecasters;
import io.sessiongrid.testkit.Traces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bar on the real traces: auto's MASE well below seasonal naive's. Skips when they are absent. */
class TracesBacktestTest {

    @ParameterizedTest
    @ValueSource(strings = {"nyc_taxi.csv", "cpu_utilization_asg_misconfiguration.csv",
            "rds_cpu_utilization_cc0c53.csv", "ec2_cpu_utilization_53ea38.csv", "ec2_network_in_257a54.csv",
            "Twitter_volume_AMZN.csv", "azure2017_vm_arrivals_5min.csv"})
    void autoBeatsSeasonalNaive(String file) {
        Trace trace = TraceCsv.read(Traces.require(file));
        Backtest backtest = new Backtest(trace.defaultSeason(), trace.defaultHorizon());
        BacktestResult naive = backtest.run(Forecasters.seasonalNaive(), file, trace.values());
        BacktestResult auto = backtest.run(Forecasters.auto(), file, trace.values());
        assertTrue(auto.mase() < 0.9 * naive.mase(), file + ": auto MASE " + auto.mase() + " vs seasonal naive "
                + naive.mase() + "; last model " + auto.lastModel());
    }
}
