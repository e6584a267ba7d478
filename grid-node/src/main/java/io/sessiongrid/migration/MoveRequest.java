package io.sessiongrid.migration;

/** One connection to move, and where to. */
public record MoveRequest(String connectionId, String targetServer) {
}
