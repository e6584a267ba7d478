package io.sessiongrid.runtime.internal;

import io.sessiongrid.node.member.MemberConfigs;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeContext;

/** Members make sure the cluster's Jet jobs (analyzer, profiler) run; idempotent, so every member does it. */
final class ClusterJobs implements NodeComponent {
    @Override
    public void start(NodeContext node) {
        if (node.kind().isMember()) {
            MemberConfigs.startJobs(node.hazelcast(), node.config());
        }
    }
}
