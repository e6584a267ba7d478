package io.sessiongrid.session;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One partition of a session as read from the store.
 *
 * @param sessionId the session
 * @param partition the partition type
 * @param version   grows by one with every change
 * @param updatedAt when the last change was made (the writer's clock)
 * @param elements  the elements, in the order they were written; unmodifiable
 */
public record SessionPartition(String sessionId, String partition, long version, Instant updatedAt,
                               Map<String, String> elements) {
    public SessionPartition {
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }

    public Optional<String> element(String name) {
        return Optional.ofNullable(elements.get(name));
    }
}
