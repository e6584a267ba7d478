package io.sessiongrid.simulate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the simulator moves by hand. Not thread-safe. */
public final class SimulatedClock extends Clock {
    private Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock to {@code instant}. */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a simulated clock is always UTC");
    }
}
