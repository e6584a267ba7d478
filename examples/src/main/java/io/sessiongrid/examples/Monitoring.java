package io.sessiongrid.examples;

import io.sessiongrid.SessionGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** README, "Monitoring and alerting". */
public final class Monitoring {
    private static final Logger log = LoggerFactory.getLogger(Monitoring.class);

    private Monitoring() {
    }

    static void use(SessionGrid grid) {
grid.alerts().addListener(alert -> log.warn("{} {}: {}", alert.kind(), alert.firing() ? "raised" : "cleared", alert.detail()));
    }
}
