package org.ovnl2gw.ovsdb;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Decides from the server's {@code _Server.Database} row whether a connection may be used: a
 * clustered database must be connected to its cluster and be the leader (writes to a follower are
 * forwarded at best, and a follower's view may lag); standalone and relay databases always qualify.
 */
final class LeaderCheck {
    static final String SERVER_DB = "_Server";

    private LeaderCheck() {
    }

    static CompletableFuture<Void> require(OvsdbClient client, String database) {
        List<Operation> ops = List.of(Operations.select("Database")
                .where(Condition.equalTo("name", database)).columns("model", "connected", "leader"));
        return client.transact(SERVER_DB, ops).thenAccept(result -> {
            List<Row> rows = result.rows(0);
            if (rows.isEmpty()) {
                throw new OvsdbNotConnectedException(client.peer() + " does not serve database " + database);
            }
            Row row = rows.get(0);
            if (row.getString("model").equals("clustered")) {
                if (!row.getBoolean("connected")) {
                    throw new OvsdbNotConnectedException(client.peer() + " is not connected to its cluster");
                }
                if (!row.getBoolean("leader")) {
                    throw new OvsdbNotConnectedException(client.peer() + " is not the cluster leader");
                }
            }
        });
    }

    /** True when an update of our Database row says this server stopped being a usable leader. */
    static boolean lostLeadership(List<RowUpdate> updates) {
        for (RowUpdate u : updates) {
            if (u.kind() == RowUpdate.Kind.DELETE) {
                return true;
            }
            Row r = u.row();
            if ((r.has("leader") && !r.getBoolean("leader")) || (r.has("connected") && !r.getBoolean("connected"))) {
                return true;
            }
        }
        return false;
    }
}
