package io.sessiongrid.scaling.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

import java.io.Serializable;

/** Runs on the lite member to promote: {@code Cluster.promoteLocalLiteMember()} can only be called there. */
final class Promote implements Runnable, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private transient HazelcastInstance hazelcast;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.hazelcast = hazelcastInstance;
    }

    @Override
    public void run() {
        if (hazelcast.getCluster().getLocalMember().isLiteMember()) {
            hazelcast.getCluster().promoteLocalLiteMember();
        }
    }
}
