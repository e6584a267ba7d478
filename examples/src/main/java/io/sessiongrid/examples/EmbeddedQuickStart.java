package io.sessiongrid.examples;

import io.sessiongrid.SessionGrid;
import io.sessiongrid.session.SessionStore;

import java.util.Map;

/** README, "Using it": the store on an embedded member (the client form is in examples-client). */
public final class EmbeddedQuickStart {
    private EmbeddedQuickStart() {
    }

    public static void main(String[] args) {
// In an application that embeds a member (defaults: cluster "sessiongrid" on 127.0.0.1:5701+):
try (SessionGrid grid = SessionGrid.embedded()) {
    SessionStore sessions = grid.sessions();
    long v1 = sessions.set("s-42", "cart", Map.of("sku-1", "2"));   // whole partition; returns its new version
    long v2 = sessions.put("s-42", "cart", "sku-9", "1");            // element delta: only the element is sent
    sessions.setIfVersion("s-42", "cart", v2, Map.of());             // optimistic; VersionConflictException if stale
    sessions.get("s-42", "cart").orElseThrow().elements();    // {}
    sessions.partitions("s-42");                              // [cart]
    sessions.delete("s-42");                                  // every partition of the session
}
    }
}
