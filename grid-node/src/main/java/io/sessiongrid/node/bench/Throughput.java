package io.sessiongrid.node.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/** Closed-loop throughput: {@code threads} callers each run an operation on random keys until a deadline. */
final class Throughput {
    private Throughput() {
    }

    /**
     * @param operation called with a random key index in {@code [0, keys)}
     * @return operations per second over the measured span
     */
    static double measure(int threads, int keys, double seconds, IntConsumer operation) throws InterruptedException {
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long local = 0;
                while ((local & 63) != 0 || System.nanoTime() < deadline) {
                    operation.accept(random.nextInt(keys));
                    local++;
                }
                done.add(local);
            }, "bench-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }
}
