package org.ovnl2gw.agent.openflow;

import java.nio.file.Path;

/** Where a switch listens: its unix management socket or a TCP address. */
public sealed interface OpenFlowEndpoint {

    static OpenFlowEndpoint unix(Path socket) {
        return new Unix(socket);
    }

    static OpenFlowEndpoint tcp(String host, int port) {
        return new Tcp(host, port);
    }

    /** Parses OVS's notation: {@code unix:/run/openvswitch/br-int.mgmt} or {@code tcp:127.0.0.1:6653}. */
    static OpenFlowEndpoint parse(String target) {
        if (target.startsWith("unix:")) {
            return unix(Path.of(target.substring("unix:".length())));
        }
        if (target.startsWith("tcp:")) {
            String rest = target.substring("tcp:".length());
            int colon = rest.lastIndexOf(':');
            if (colon > 0) {
                return tcp(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)));
            }
        }
        throw new IllegalArgumentException("expected unix:PATH or tcp:HOST:PORT, got " + target);
    }

    /** A unix domain socket such as {@code <rundir>/br-int.mgmt}. */
    record Unix(Path socket) implements OpenFlowEndpoint {
        @Override
        public String toString() {
            return "unix:" + socket;
        }
    }

    record Tcp(String host, int port) implements OpenFlowEndpoint {
        @Override
        public String toString() {
            return "tcp:" + host + ":" + port;
        }
    }
}
