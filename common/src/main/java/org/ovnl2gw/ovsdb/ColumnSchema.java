package org.ovnl2gw.ovsdb;

/** One column of a table as the server's schema declares it. */
public record ColumnSchema(String name, ColumnType type, boolean ephemeral, boolean mutable) {
}
