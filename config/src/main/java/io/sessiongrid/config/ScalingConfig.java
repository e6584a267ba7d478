package io.sessiongrid.config;

import java.time.Duration;

/**
 * The predictive scaling engine.
 *
 * @param minMembers       never fewer data and lite members than this
 * @param maxMembers       never more than this
 * @param decisionInterval how often the engine decides
 * @param provisioningTime how long a new member takes to start
 * @param warmUpTime       how long a new member takes to serve at full speed
 * @param cooldown         the least time between two scaling actions
 */
public record ScalingConfig(int minMembers, int maxMembers, Duration decisionInterval,
                            Duration provisioningTime, Duration warmUpTime, Duration cooldown) {
}
