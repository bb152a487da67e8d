package org.ovnl2gw.ovsdb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each cache notification of Logical_Switch rows as "insert a", "update a->b", "delete a". */
final class RecordingListener implements CacheListener, ConnectionListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<String> peers = new CopyOnWriteArrayList<>();
    final List<String> disconnectReasons = new CopyOnWriteArrayList<>();
    volatile int disconnects;

    @Override
    public void onInsert(Row row) {
        events.add("insert " + row.getString("name"));
    }

    @Override
    public void onUpdate(Row oldRow, Row newRow) {
        events.add("update " + oldRow.getString("name") + "->" + newRow.getString("name"));
    }

    @Override
    public void onDelete(Row row) {
        events.add("delete " + row.getString("name"));
    }

    final List<Boolean> resumed = new CopyOnWriteArrayList<>();

    @Override
    public void onConnected(String peer, boolean resumedFromLastTxn) {
        peers.add(peer);
        resumed.add(resumedFromLastTxn);
    }

    @Override
    public void onDisconnected(String reason) {
        disconnectReasons.add(reason);
        disconnects++;
    }

    List<String> sorted() {
        return events.stream().sorted().toList();
    }
}
