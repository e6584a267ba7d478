package io.sessiongrid.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The predictive scaling engine.
 *
 * @param minMembers         never fewer servers than this
 * @param maxMembers         never more than this
 * @param decisionInterval   how often the engine decides
 * @param provisioningTime   how long a new server takes to start (the engine uses the measured value once it has one)
 * @param warmUpTime         how long a new server takes to serve at full speed
 * @param cooldown           the least time after a scaling action before the next scale-in
 * @param capacityPerServer  the cluster request rate (requests/s) one server serves at 100 % utilization; measure it
 *                           with {@code ./sessiongrid bench store} (get/set ops/s of one member) on your hardware
 * @param targetUtilization  scale out so the forecast load stays at or below this share of capacity, in (0, 1]
 * @param scaleInUtilization scale in only when the forecast load would stay at or below this share of the current
 *                           capacity (then down to the target); below {@code targetUtilization}: the gap is the
 *                           hysteresis band
 * @param maxStep            the most servers added or removed by one decision
 * @param promotion          when a new (lite) server becomes a data member
 * @param provisioner        where new servers come from: {@code none} (the engine decides and records its decisions
 *                           but starts and stops nothing), {@code in-process}, {@code local-process} or
 *                           {@code kubernetes} (the last needs the provision-kubernetes module)
 * @param serverRole         the role new servers get; a configured role when a provisioner is set
 * @param provisionerSettings the provisioner's own settings by key (e.g. {@code root}, {@code hazelcast},
 *                           {@code stopTimeout} for {@code local-process}; {@code namespace} for
 *                           {@code kubernetes}); each provisioner refuses keys it does not know when the node
 *                           starts; ignored with {@code none}. Empty by default.
 */
public record ScalingConfig(int minMembers, int maxMembers, Duration decisionInterval,
                            Duration provisioningTime, Duration warmUpTime, Duration cooldown,
                            double capacityPerServer, double targetUtilization, double scaleInUtilization,
                            int maxStep, Promotion promotion, String provisioner, String serverRole,
                            Map<String, String> provisionerSettings) {

    public ScalingConfig {
        // Null-tolerant copy: the validator, not the constructor, reports a bad setting with its path.
        provisionerSettings = provisionerSettings == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(provisionerSettings));
    }

    /** A scaling section without provisioner settings. */
    public ScalingConfig(int minMembers, int maxMembers, Duration decisionInterval, Duration provisioningTime,
                         Duration warmUpTime, Duration cooldown, double capacityPerServer, double targetUtilization,
                         double scaleInUtilization, int maxStep, Promotion promotion, String provisioner,
                         String serverRole) {
        this(minMembers, maxMembers, decisionInterval, provisioningTime, warmUpTime, cooldown, capacityPerServer,
                targetUtilization, scaleInUtilization, maxStep, promotion, provisioner, serverRole, Map.of());
    }

    /** The provisioner that starts nothing: the engine only decides and records. */
    public static final String NO_PROVISIONER = "none";
    /** The values {@code scaling.provisioner} allows. */
    public static final java.util.List<String> PROVISIONERS =
            java.util.List.of(NO_PROVISIONER, "in-process", "local-process", "kubernetes");

    /** When new capacity, which joins as lite members, is promoted to data members. */
    public enum Promotion {
        /** As soon as it is ready. */
        IMMEDIATE,
        /** When the forecast predicts low load, so partition migration happens off-peak. */
        TROUGH,
        /** Never: it stays a lite member until it is retired. */
        NEVER
    }
}
