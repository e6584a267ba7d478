package io.sessiongrid.analyzer.internal;

import java.util.ArrayDeque;

/**
 * Items a processor has produced but its outbox has not taken yet, one queue per output ordinal, drained in a
 * fixed order of ordinals. A processor fills it while handling one input and returns "not done" until it is
 * empty, so it never produces for the next input before the previous one's output is out.
 */
final class PendingOutput {
    /** The processor's {@code tryEmit(ordinal, item)}. */
    interface Emitter {
        boolean tryEmit(int ordinal, Object item);
    }

    private final ArrayDeque<Object>[] queues;
    private final int[] order;

    /** @param order the ordinals, in the order they are drained (every ordinal that {@link #add} will get) */
    @SuppressWarnings("unchecked")
    PendingOutput(int... order) {
        int max = 0;
        for (int o : order) {
            max = Math.max(max, o);
        }
        this.queues = new ArrayDeque[max + 1];
        for (int o : order) {
            queues[o] = new ArrayDeque<>();
        }
        this.order = order.clone();
    }

    void add(int ordinal, Object item) {
        queues[ordinal].add(item);
    }

    /** Emits what the outbox takes; true when nothing is left. */
    boolean drain(Emitter emitter) {
        for (int o : order) {
            ArrayDeque<Object> queue = queues[o];
            while (!queue.isEmpty()) {
                if (!emitter.tryEmit(o, queue.peekFirst())) {
                    return false;
                }
                queue.pollFirst();
            }
        }
        return true;
    }
}
