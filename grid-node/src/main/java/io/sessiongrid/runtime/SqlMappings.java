package io.sessiongrid.runtime;

import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.migration.ServerNode;
import io.sessiongrid.session.SessionStores;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL mappings a SessionGrid cluster creates, so Management Center's SQL browser and any client can query the
 * plugin's maps. Each module defines its own mappings; this class only collects them, in one list that the
 * runtime executes on data members at start ({@code CREATE OR REPLACE}, so every data member may run them).
 * A new mapping is one more line in {@link #statements}.
 */
public final class SqlMappings {
    private SqlMappings() {
    }

    /** Every mapping statement for {@code config}, in execution order. */
    public static List<String> statements(SessionGridConfig config) {
        List<String> statements = new ArrayList<>();
        for (String type : config.partitions().keySet()) {
            statements.add(SessionStores.sqlMapping(type)); // sessiongrid.partition.<type>
        }
        statements.addAll(ServerNode.sqlMappings()); // sessiongrid.servers, .connections, .moves
        return statements;
    }
}
