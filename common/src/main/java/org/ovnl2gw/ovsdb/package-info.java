/**
 * OVSDB client (RFC 7047 plus the OVS extensions OVN relies on: monitor_cond_since, update2/3 diffs,
 * _Server database, set_db_change_aware).
 *
 * <p>Duty: speak JSON-RPC to ovsdb-server over unix/tcp/ssl ({@link org.ovnl2gw.ovsdb.OvsdbClient}),
 * check every value against the server's schema before it leaves the process
 * ({@link org.ovnl2gw.ovsdb.DatabaseSchema}, {@link org.ovnl2gw.ovsdb.Operations}), and keep a local
 * row cache that follows the server across reconnects and cluster leader changes
 * ({@link org.ovnl2gw.ovsdb.OvsdbSession}, {@link org.ovnl2gw.ovsdb.DatabaseCache}). Callers only see
 * typed values ({@link org.ovnl2gw.ovsdb.Row}, {@link org.ovnl2gw.ovsdb.Uuid}); the JSON wire form never
 * leaves this package. See DESIGN.md beside this file for the cache and reconnect design.
 */
package org.ovnl2gw.ovsdb;
