package io.sessiongrid.scaling.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

import java.io.Serializable;

/**
 * What the engine asks another member to do to itself, sent through an executor: Hazelcast offers promotion and a
 * graceful shutdown only on the member concerned.
 */
enum MemberAction {
    /** {@code Cluster.promoteLocalLiteMember()}: the master then moves partitions to it. */
    PROMOTE,
    /** A graceful shutdown (replicas handed over first), from a thread of its own. */
    SHUTDOWN;

    /** The task that performs this action on the member that runs it. */
    Runnable task() {
        return new Task(this);
    }

    private static final class Task implements Runnable, Serializable, HazelcastInstanceAware {
        private static final long serialVersionUID = 1L;
        private final MemberAction action;
        private transient HazelcastInstance hazelcast;

        Task(MemberAction action) {
            this.action = action;
        }

        @Override
        public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
            this.hazelcast = hazelcastInstance;
        }

        @Override
        public void run() {
            if (action == PROMOTE) {
                if (hazelcast.getCluster().getLocalMember().isLiteMember()) {
                    hazelcast.getCluster().promoteLocalLiteMember();
                }
                return;
            }
            // Not on the executor's thread: a shutdown waits for running executor tasks, this one among them.
            Thread t = new Thread(hazelcast::shutdown, "sessiongrid-scale-in-shutdown");
            t.setDaemon(false);
            t.start();
        }
    }
}
