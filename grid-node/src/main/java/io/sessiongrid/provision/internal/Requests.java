package io.sessiongrid.provision.internal;

import io.sessiongrid.config.SessionGridConfig;

/** The request checks every provisioner applies. */
public final class Requests {
    private Requests() {
    }

    /**
     * @throws IllegalArgumentException when count is below 1 or the role is not configured
     */
    public static void check(SessionGridConfig config, int count, String role) {
        if (count < 1) {
            throw new IllegalArgumentException("provision at least 1 server, got " + count);
        }
        if (role == null || config.role(role).isEmpty()) {
            throw new IllegalArgumentException("unknown role '" + role + "'; configured roles: "
                    + config.roles().keySet());
        }
    }
}
