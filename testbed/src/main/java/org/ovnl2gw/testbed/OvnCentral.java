package org.ovnl2gw.testbed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OVN central (OVS's {@code ovn_start}): standalone Northbound and Southbound {@code ovsdb-server}s and
 * {@code ovn-northd} between them.
 */
public final class OvnCentral implements AutoCloseable {
    private final HostEnv nbEnv;
    private final HostEnv sbEnv;
    private final HostEnv northdEnv;
    private final OvsdbServer nb;
    private final List<String> sbArgs;
    private OvsdbServer sb;
    private Daemon northd;

    private OvnCentral(HostEnv nbEnv, HostEnv sbEnv, HostEnv northdEnv, OvsdbServer nb, OvsdbServer sb,
                       List<String> sbArgs) {
        this.sbArgs = List.copyOf(sbArgs);
        this.nbEnv = nbEnv;
        this.sbEnv = sbEnv;
        this.northdEnv = northdEnv;
        this.nb = nb;
        this.sb = sb;
    }

    public static OvnCentral start(Path baseDir) {
        return start(baseDir, List.of());
    }

    /** As {@link #start(Path)}, with more options for the Southbound ovsdb-server (see {@link SouthboundRbac}). */
    public static OvnCentral start(Path baseDir, List<String> southboundArgs) {
        HostEnv sbEnv = new HostEnv(baseDir.resolve("ovn-sb"));
        HostEnv nbEnv = new HostEnv(baseDir.resolve("ovn-nb"));
        HostEnv northdEnv = new HostEnv(baseDir.resolve("northd"));
        OvsdbServer sb = OvsdbServer.start(sbEnv, "ovn-sb", OvsdbServer.SB_SCHEMA, 0, southboundArgs);
        OvsdbServer nb = OvsdbServer.start(nbEnv, "ovn-nb", OvsdbServer.NB_SCHEMA);
        OvnCentral central = new OvnCentral(nbEnv, sbEnv, northdEnv, nb, sb, southboundArgs);
        central.sbctl("init");
        central.nbctl("init");
        central.startNorthd();
        return central;
    }

    private void startNorthd() {
        northd = Daemon.start(northdEnv, "ovn-northd",
                List.of("ovn-northd", "--ovnnb-db=" + nbRemote(), "--ovnsb-db=" + sbRemote()));
    }

    public String nbRemote() {
        return nb.remote();
    }

    public String sbRemote() {
        return sb.remote();
    }

    public OvsdbServer nb() {
        return nb;
    }

    public OvsdbServer sb() {
        return sb;
    }

    public Daemon northd() {
        return northd;
    }

    /** Stops the Southbound server and starts it again on the same database file. */
    public void restartSouthbound() {
        sb.stop();
        sb = OvsdbServer.start(sbEnv, "ovn-sb", OvsdbServer.SB_SCHEMA, 0, sbArgs);
    }

    public String nbctl(String... args) {
        return nbEnv.run(prefixed(List.of("ovn-nbctl", "--timeout=30", "--db=" + nbRemote()), args));
    }

    public String sbctl(String... args) {
        return sbEnv.run(prefixed(List.of("ovn-sbctl", "--timeout=30", "--db=" + sbRemote()), args));
    }

    /** {@code ovn-sbctl --bare --columns=C find T conditions...}: one value per line, blank lines dropped. */
    public List<String> sbFind(String table, String column, String... conditions) {
        List<String> args = new ArrayList<>(List.of("--bare", "--columns=" + column, "find", table));
        args.addAll(Arrays.asList(conditions));
        return lines(sbctl(args.toArray(String[]::new)));
    }

    public List<String> nbFind(String table, String column, String... conditions) {
        List<String> args = new ArrayList<>(List.of("--bare", "--columns=" + column, "find", table));
        args.addAll(Arrays.asList(conditions));
        return lines(nbctl(args.toArray(String[]::new)));
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> prefixed(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    @Override
    public void close() {
        if (northd != null) {
            northd.stop();
        }
        nb.stop();
        sb.stop();
    }
}
