package io.sessiongrid.sni.reclaim;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReclaimPolicyTest {
    private final ReclaimPolicy policy = new ReclaimPolicy(Duration.ofSeconds(60));

    @Test
    void aLiveHeartbeatProtectsALease() {
        assertEquals(new ReclaimDecision.Refuse(RefusalReason.LIVE_LEASE), policy.decide(Holding.LEASED, 0, 60_000));
        assertEquals(ReclaimDecision.IDLE_LEASE, policy.decide(Holding.LEASED, 0, 60_001));
    }

    @Test
    void reservationsEndByExpiryAndFreeIdentifiersAreNotAllocated() {
        assertEquals(new ReclaimDecision.Refuse(RefusalReason.RESERVED), policy.decide(Holding.RESERVED, 5_000, 4_999));
        assertEquals(ReclaimDecision.EXPIRED_RESERVATION, policy.decide(Holding.RESERVED, 5_000, 5_000));
        assertEquals(new ReclaimDecision.Refuse(RefusalReason.NOT_ALLOCATED), policy.decide(Holding.FREE, 0, 1));
    }
}
