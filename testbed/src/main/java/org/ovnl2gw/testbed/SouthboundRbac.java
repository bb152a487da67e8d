package org.ovnl2gw.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Southbound database as production OVN runs it for chassis: an {@code ssl:} remote whose Connection row
 * has {@code role=ovn-controller}, so ovsdb-server enforces the {@code RBAC_Role}/{@code RBAC_Permission}
 * rows ovn-northd writes, with certificates from {@code ovs-pki} whose CN is the chassis name. OVN central
 * itself (northd, ovn-sbctl, the hypervisors' ovn-controller here) keeps the unrestricted unix socket.
 * The server's jsonrpc module logs at debug level, so every request a client sent and every
 * {@code permission error} it got back can be read from its log.
 *
 * <p>Use: {@link #prepare} before the central starts, {@code testbed.startCentral(rbac.serverArgs())},
 * then {@link #open} once it runs.
 */
public final class SouthboundRbac {
    /** What ovsdb-server answers a write the RBAC rules forbid (ovsdb/rbac.c): the error string of the reply. */
    public static final String PERMISSION_ERROR = "\"permission error\"";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUEST = Pattern.compile(
            "jsonrpc\\|DBG\\|(ssl:[^:]+:\\d+): received request, method=\"transact\", params=(\\[.*\\]), id=");

    private final HostEnv env;
    private final Path pki;
    private final int port;
    private OvnCentral central;

    private SouthboundRbac(HostEnv env, int port) {
        this.env = env;
        this.pki = env.dir().resolve("pki");
        this.port = port;
    }

    /** One certificate: key, certificate, and the CA both sides trust. */
    public record Certificate(String commonName, Path privateKey, Path certificate, Path caCertificate) {
    }

    /** One table's row of {@code RBAC_Permission} for role ovn-controller. */
    public record TablePermission(String table, List<String> authorization, boolean insertDelete, Set<String> update) {
    }

    /** A transact request a client sent: its operations, as sent. */
    public record Transaction(String peer, JsonNode operations) {
    }

    /** Creates the PKI (in {@code <baseDir>/sb-pki}) and the server's certificate; picks the ssl port. */
    public static SouthboundRbac prepare(Path baseDir) {
        SouthboundRbac rbac = new SouthboundRbac(new HostEnv(baseDir.resolve("sb-pki")), freePort());
        rbac.ovsPki("init");
        rbac.ovsPki("-u", "req+sign", "ovnsb", "switch");
        return rbac;
    }

    /** The Southbound ovsdb-server options: key files, and remotes from the Connection rows. */
    public List<String> serverArgs() {
        return List.of("--remote=db:OVN_Southbound,SB_Global,connections",
                "--private-key=" + env.dir().resolve("ovnsb-privkey.pem"),
                "--certificate=" + env.dir().resolve("ovnsb-cert.pem"),
                "--ca-cert=" + caCertificate());
    }

    /**
     * Adds the {@code pssl:} Connection with {@code role=ovn-controller}, turns on the jsonrpc debug log and
     * waits until the port accepts connections and ovn-northd has written the RBAC rows.
     */
    public void open(OvnCentral central) {
        this.central = central;
        central.sbctl("set-connection", "role=ovn-controller", "pssl:" + port + ":127.0.0.1");
        env.run("ovs-appctl", "-t", central.sb().unixctl().toString(), "vlog/set", "jsonrpc:file:dbg");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!listening() || permissions().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new TestbedException("the Southbound ssl remote on port " + port + " did not open, or "
                        + "ovn-northd wrote no RBAC_Permission rows");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** A client certificate whose CN is exactly {@code commonName} (ovs-pki -u: no id suffix). */
    public Certificate issue(String commonName) {
        ovsPki("-u", "req+sign", commonName, "switch");
        return new Certificate(commonName, env.dir().resolve(commonName + "-privkey.pem"),
                env.dir().resolve(commonName + "-cert.pem"), caCertificate());
    }

    public Path caCertificate() {
        return pki.resolve("switchca/cacert.pem");
    }

    /** The remote chassis connect to: {@code ssl:127.0.0.1:<port>}. */
    public String remote() {
        return "ssl:127.0.0.1:" + port;
    }

    /** The permissions of role ovn-controller, read from the running Southbound's RBAC tables. */
    public Map<String, TablePermission> permissions() {
        JsonNode roles = sbJson("RBAC_Role", "name,permissions");
        Set<String> ours = new HashSet<>();
        for (JsonNode row : roles.get("data")) {
            if (row.get(0).asText().equals("ovn-controller")) {
                for (JsonNode entry : row.get(1).get(1)) {
                    ours.add(entry.get(1).get(1).asText());
                }
            }
        }
        Map<String, TablePermission> result = new LinkedHashMap<>();
        for (JsonNode row : sbJson("RBAC_Permission", "_uuid,table,authorization,insert_delete,update").get("data")) {
            if (!ours.contains(row.get(0).get(1).asText())) {
                continue;
            }
            String table = row.get(1).asText();
            result.put(table, new TablePermission(table, strings(row.get(2)), row.get(3).asBoolean(),
                    new HashSet<>(strings(row.get(4)))));
        }
        return result;
    }

    /** How many writes the server refused under the RBAC rules, from its jsonrpc debug log. */
    public long denials() {
        return log().lines().filter(l -> l.contains("jsonrpc|DBG|ssl:") && l.contains("send reply")
                && l.contains(PERMISSION_ERROR)).count();
    }

    /** The refusals themselves, for a failure message. */
    public List<String> denialLines() {
        return log().lines().filter(l -> l.contains("jsonrpc|DBG|ssl:") && l.contains(PERMISSION_ERROR)).toList();
    }

    /** Every transact request received over the ssl remote, in order. */
    public List<Transaction> transactions() {
        List<Transaction> result = new ArrayList<>();
        for (String line : log().lines().toList()) {
            Matcher m = REQUEST.matcher(line);
            if (m.find()) {
                try {
                    JsonNode params = JSON.readTree(m.group(2));
                    List<JsonNode> ops = new ArrayList<>();
                    params.forEach(ops::add);
                    result.add(new Transaction(m.group(1), JSON.valueToTree(ops.subList(1, ops.size()))));
                } catch (IOException e) {
                    throw new TestbedException("cannot parse a logged transact request: " + line, e);
                }
            }
        }
        return result;
    }

    private String log() {
        try {
            return Files.readString(central.sb().logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode sbJson(String table, String columns) {
        try {
            return JSON.readTree(central.sbctl("--format=json", "--columns=" + columns, "list", table));
        } catch (IOException e) {
            throw new TestbedException("cannot parse ovn-sbctl output for " + table, e);
        }
    }

    /** An OVSDB set of strings as ovn-sbctl prints it in JSON: a bare string or ["set", [...]]. */
    private static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value.isArray() && value.size() == 2 && value.get(0).asText().equals("set")) {
            value.get(1).forEach(v -> out.add(v.asText()));
        } else {
            out.add(value.asText());
        }
        return out;
    }

    private boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void ovsPki(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ovs-pki", "--dir=" + pki, "--log=" + env.dir().resolve("ovs-pki.log")));
        cmd.addAll(List.of(args));
        env.run(cmd);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new TestbedException("no free port", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted", e);
        }
    }
}
