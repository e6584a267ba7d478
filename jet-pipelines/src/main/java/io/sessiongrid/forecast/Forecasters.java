package io.sessiongrid.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The forecasters, by name. Every one is immutable and thread-safe; share them freely.
 *
 * <table>
 *   <caption>Forecasters</caption>
 *   <tr><th>name</th><th>method</th></tr>
 *   <tr><td>{@code seasonal_naive}</td><td>the value one season ago: the baseline</td></tr>
 *   <tr><td>{@code holt_winters}</td><td>additive Holt-Winters, damped trend, parameters by least squares</td></tr>
 *   <tr><td>{@code theta}</td><td>the Theta method: exponential smoothing with drift on the seasonally adjusted
 *       series</td></tr>
 *   <tr><td>{@code arima}</td><td>differencing plus an ARMA model fitted with Smile, integrated back: only with
 *       the {@code sessiongrid-forecast-arima} module on the classpath (see below)</td></tr>
 *   <tr><td>{@code median}</td><td>the median of seasonal naive, Holt-Winters, Theta and the plug-ins
 *       (ARIMA)</td></tr>
 *   <tr><td>{@code weighted}</td><td>their mean weighted by backtest error</td></tr>
 *   <tr><td>{@code auto}</td><td>a combination, or a single model when the backtest shows it clearly better,
 *       with calibrated intervals ({@link AutoForecaster})</td></tr>
 * </table>
 *
 * <p>Plug-ins: every {@link Forecaster} registered for {@link ServiceLoader} (a
 * {@code META-INF/services/io.sessiongrid.forecast.Forecaster} file naming a public class with a public no-argument
 * constructor) on the class path of this class is known by its {@link Forecaster#name() name}, joins the
 * combinations' members and {@code auto}'s candidates. That is how ARIMA arrives: Smile is GPL-3.0, so it lives in
 * its own module, which the default distribution ships and an application may leave out. A plug-in whose name
 * is taken is ignored. For per-connection series, where a fit per interval is too expensive, use
 * {@link OnlineHolt}.
 */
public final class Forecasters {

    /** The name of the Smile-based ARIMA plug-in, present only with its module. */
    public static final String ARIMA = "arima";

    private static final List<String> BUILT_IN = List.of(SeasonalNaive.NAME, HoltWinters.NAME, Theta.NAME,
            Combination.Kind.MEDIAN.label(), Combination.Kind.WEIGHTED.label(), AutoForecaster.NAME);

    /** The plug-ins found by {@link ServiceLoader}, by name, in class-path order. */
    private static final Map<String, Forecaster> PLUGINS = plugins();

    /**
     * Every name {@link #byName} accepts: the baseline first, then the single models (plug-ins after the built-in
     * ones), then the combinations and {@code auto}.
     */
    public static final List<String> NAMES = names();

    private Forecasters() {
    }

    private static Map<String, Forecaster> plugins() {
        Map<String, Forecaster> found = new LinkedHashMap<>();
        for (Forecaster f : ServiceLoader.load(Forecaster.class, Forecasters.class.getClassLoader())) {
            if (!BUILT_IN.contains(f.name())) {
                found.putIfAbsent(f.name(), f);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of(SeasonalNaive.NAME, HoltWinters.NAME, Theta.NAME));
        names.addAll(PLUGINS.keySet());
        names.addAll(List.of(Combination.Kind.MEDIAN.label(), Combination.Kind.WEIGHTED.label(),
                AutoForecaster.NAME));
        return List.copyOf(names);
    }

    /** Seasonal naive: the baseline. */
    public static Forecaster seasonalNaive() {
        return new SeasonalNaive();
    }

    /** Additive Holt-Winters with damped trend. */
    public static Forecaster holtWinters() {
        return new HoltWinters();
    }

    /** The Theta method: exponential smoothing with drift on the seasonally adjusted series. */
    public static Forecaster theta() {
        return new Theta();
    }

    /** The median of seasonal naive, Holt-Winters, Theta and the plug-ins. */
    public static Forecaster median() {
        return new Combination(Combination.Kind.MEDIAN, members());
    }

    /** The mean of seasonal naive, Holt-Winters, Theta and the plug-ins, weighted by their backtest errors. */
    public static Forecaster weighted() {
        return new Combination(Combination.Kind.WEIGHTED, members());
    }

    /** Automatic choice among seasonal naive, Holt-Winters, Theta, the plug-ins and their combinations. */
    public static Forecaster auto() {
        return new AutoForecaster(members());
    }

    /** Whether the forecaster called {@code name} is available here ({@code arima} needs its module). */
    public static boolean available(String name) {
        return NAMES.contains(name);
    }

    private static List<Forecaster> members() {
        List<Forecaster> members = new ArrayList<>(List.of(seasonalNaive(), holtWinters(), theta()));
        members.addAll(PLUGINS.values());
        return members;
    }

    /**
     * The forecaster called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists {@link #NAMES}, and says how to get
     *                                  {@code arima} when that was asked for and its module is absent
     */
    public static Forecaster byName(String name) {
        Forecaster plugin = PLUGINS.get(name);
        if (plugin != null) {
            return plugin;
        }
        return switch (name) {
            case SeasonalNaive.NAME -> seasonalNaive();
            case HoltWinters.NAME -> holtWinters();
            case Theta.NAME -> theta();
            case Combination.MEDIAN -> median();
            case Combination.WEIGHTED -> weighted();
            case AutoForecaster.NAME -> auto();
            default -> throw new IllegalArgumentException("unknown forecaster '" + name + "'; allowed: "
                    + String.join(", ", NAMES) + (name.equals(ARIMA) ? " (arima needs the sessiongrid-forecast-arima "
                    + "module, Smile, GPL-3.0, on the class path)" : ""));
        };
    }
}
