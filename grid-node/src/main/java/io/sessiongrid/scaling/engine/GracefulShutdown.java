package io.sessiongrid.scaling.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

import java.io.Serializable;

/** Runs on the member to retire: a graceful shutdown (replicas handed over first), from its own thread. */
final class GracefulShutdown implements Runnable, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private transient HazelcastInstance hazelcast;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hazelcast = hazelcastInstance;
    }

    @Override
    public void run() {
        // Not on the executor's thread: shutdown waits for executor tasks, this one among them.
        Thread t = new Thread(hazelcast::shutdown, "sessiongrid-scale-in-shutdown");
        t.setDaemon(false);
        t.start();
    }
}
