package io.sessiongrid.migration;

import java.util.Collection;

/** The target's role lacks partition types that the session holds and the source's role needs. */
public class RoleMismatchException extends MigrationException {
    private final Collection<String> missing;

    public RoleMismatchException(String connectionId, String target, String targetRole, Collection<String> missing,
                                 String sourceRole) {
        super("cannot move connection '" + connectionId + "' to server '" + target + "': its role "
                + (targetRole == null ? "(none)" : "'" + targetRole + "'") + " lacks partition types " + missing
                + " that the session holds and the source's role " + (sourceRole == null ? "(none: every type)"
                : "'" + sourceRole + "'") + " needs; choose a server whose role includes them");
        this.missing = java.util.List.copyOf(missing);
    }

    public Collection<String> missing() {
        return missing;
    }
}
