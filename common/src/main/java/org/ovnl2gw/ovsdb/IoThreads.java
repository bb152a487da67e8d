package org.ovnl2gw.ovsdb;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The I/O threads all OVSDB connections of the process share. Daemon threads, so a forgotten client
 * never keeps the JVM alive; two threads are plenty for a handful of connections.
 */
final class IoThreads {
    private static final EventLoopGroup GROUP =
            new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("ovsdb-io", true), NioIoHandler.newFactory());

    private IoThreads() {
    }

    static EventLoopGroup group() {
        return GROUP;
    }
}
