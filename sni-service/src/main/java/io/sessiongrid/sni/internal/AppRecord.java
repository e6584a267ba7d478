package io.sessiongrid.sni.internal;

/**
 * One registered application cluster, key = application id in {@code <ns>.apps}, Compact type
 * {@code sessiongrid.sni.App}. The chunk lists are hints for where to allocate (the chunk entries are the truth).
 *
 * @param appId          the application cluster
 * @param priority       higher wins under contention
 * @param registeredAt   epoch millis
 * @param chunks         chunks it took, in the order it took them
 * @param full           chunks last seen without a free identifier (skipped until something is released there)
 * @param reservedChunks chunks holding its shadow reservations (tried first by allocations)
 * @param reservations   its live reservation ids
 */
public record AppRecord(String appId, int priority, long registeredAt, int[] chunks, int[] full, int[] reservedChunks,
                        long[] reservations) {
}
