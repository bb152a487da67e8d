package org.ovnl2gw.agent;

import org.ovnl2gw.agent.chassis.ChassisRegistrar;
import org.ovnl2gw.agent.chassis.CompanionReporter;
import org.ovnl2gw.agent.chassis.PortClaims;
import org.ovnl2gw.agent.dataplane.SouthboundReader;
import org.ovnl2gw.agent.dataplane.SouthboundView;
import org.ovnl2gw.ovsdb.CacheListener;
import org.ovnl2gw.ovsdb.ConnectionListener;
import org.ovnl2gw.ovsdb.ClientOptions;
import org.ovnl2gw.ovsdb.OvsdbRemote;
import org.ovnl2gw.ovsdb.OvsdbSession;

/** One session to the Southbound DB and the writers that use it; replaced as a whole when the remote changes. */
record SouthboundConnection(String remote, OvsdbSession session, ChassisRegistrar registrar,
                            CompanionReporter companion, PortClaims claims) implements AutoCloseable {

    static SouthboundConnection open(String remote, ClientOptions clientOptions, CacheListener changes,
                                     ConnectionListener connections) {
        OvsdbSession sb = OvsdbSession.builder(OvsdbRemote.parse(remote), "OVN_Southbound")
                .clientOptions(clientOptions)
                .monitor(SouthboundReader.monitorSpec())
                .cacheListener(changes)
                .connectionListener(connections)
                .start();
        return new SouthboundConnection(remote, sb, new ChassisRegistrar(sb), new CompanionReporter(sb),
                new PortClaims(sb));
    }

    boolean isConnected() {
        return session.isConnected();
    }

    /** The part of the Southbound DB the local chassis {@code me} serves or stands by for. */
    SouthboundView view(String me) {
        return new SouthboundReader(session.cache()).view(me);
    }

    @Override
    public void close() {
        session.close();
    }
}
