package io.sessiongrid.runtime.internal;

import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.sql.HazelcastSqlException;
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
    private static final int MAX_ATTEMPTS = 3;

    @Override
    public void start(NodeContext node) {
        if (node.kind() == NodeKind.DATA_MEMBER) {
            for (String statement : SqlMappings.statements(node.config())) {
                execute(node, statement);
            }
        }
    }

    /**
     * {@code CREATE OR REPLACE} is idempotent, so a statement whose catalog write ended indeterminate (a backup ack
     * missed while members join on a loaded machine) is run again.
     */
    private static void execute(NodeContext node, String statement) {
        for (int attempt = 1; ; attempt++) {
            try {
                node.hazelcast().getSql().execute(statement).close();
                return;
            } catch (HazelcastSqlException e) {
                if (attempt == MAX_ATTEMPTS || !indeterminate(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean indeterminate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IndeterminateOperationStateException || String.valueOf(t.getMessage()).contains("backup acks missed")) {
                return true;
            }
        }
        return false;
    }
}
