package io.sessiongrid.runtime.internal;

import io.sessiongrid.runtime.NodeContext;
import io.sessiongrid.runtime.NodeComponent;
import io.sessiongrid.runtime.NodeKind;
import io.sessiongrid.runtime.SqlMappings;

/**
 * Data members create the plugin's SQL mappings ({@link SqlMappings}). Mappings are cluster-wide catalog entries
 * ({@code CREATE OR REPLACE}: every data member may run them), and Hazelcast runs no SQL on lite members; a
 * client needs none of its own.
 */
final class SqlMappingsComponent implements NodeComponent {
    @Override
    public void start(NodeContext node) {
        if (node.kind() == NodeKind.DATA_MEMBER) {
            for (String statement : SqlMappings.statements(node.config())) {
                execute(node, statement);
            }
        }
    }

    private static void execute(NodeContext node, String statement) {
        // CREATE OR REPLACE is idempotent: a catalog write that ended indeterminate is run again.
        IdempotentRetry.run(() -> node.hazelcast().getSql().execute(statement).close());
    }
}
