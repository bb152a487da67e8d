package org.ovnl2gw.agent.dataplane;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ovnl2gw.agent.openflow.OpenFlowClient;
import org.ovnl2gw.agent.openflow.OpenFlowDisconnectedException;
import org.ovnl2gw.agent.openflow.OpenFlowEndpoint;
import org.ovnl2gw.agent.openflow.PacketOut;

/**
 * The announcer's own OpenFlow session with a bridge: opened on the first send, opened again on the next
 * send after it broke (ovs-vswitchd restarted), never blocking the caller.
 */
final class OpenFlowPacketSender implements MacAnnouncer.PacketSender, AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final OpenFlowEndpoint endpoint;
    private CompletableFuture<OpenFlowClient> client;
    private boolean closed;

    OpenFlowPacketSender(Path managementSocket) {
        this.endpoint = OpenFlowEndpoint.unix(managementSocket);
    }

    @Override
    public CompletableFuture<Void> send(List<PacketOut> packets) {
        return session().thenCompose(c -> c.packetOuts(packets)).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized CompletableFuture<OpenFlowClient> session() {
        if (closed) {
            return CompletableFuture.failedFuture(new OpenFlowDisconnectedException("announcer closed"));
        }
        if (client != null && !client.isDone()) {
            return client; // still connecting
        }
        if (client != null && !client.isCompletedExceptionally()) {
            OpenFlowClient c = client.join();
            if (c.connection().isOpen()) {
                return client;
            }
            c.close();
        }
        client = OpenFlowClient.connect(endpoint);
        return client;
    }

    @Override
    public void close() {
        CompletableFuture<OpenFlowClient> last;
        synchronized (this) {
            closed = true;
            last = client;
            client = null;
        }
        if (last != null) {
            last.thenAccept(OpenFlowClient::close);
        }
    }
}
