package org.ovnl2gw.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ovnl2gw.testbed.BoundedCommand;
import org.ovnl2gw.testbed.TestbedException;

/** The installed kubectl, pointed at the sandbox's kubeconfig: the sandbox applies things as a user would. */
final class Kubectl {
    /** Each API request, and the whole command: an API that stops answering fails the step instead of stalling it. */
    private static final String REQUEST_TIMEOUT = "--request-timeout=20s";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private final Path kubeconfig;

    Kubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    String run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(), REQUEST_TIMEOUT));
        cmd.addAll(Arrays.asList(args));
        try {
            BoundedCommand.Result r = BoundedCommand.run(new ProcessBuilder(cmd).redirectErrorStream(true),
                    COMMAND_TIMEOUT);
            if (r.exitCode() != 0) {
                throw new SandboxException("kubectl " + String.join(" ", args) + " failed:\n" + r.stdout().strip());
            }
            return r.stdout();
        } catch (TestbedException e) {
            throw new SandboxException("kubectl " + String.join(" ", args) + ": " + e.getMessage());
        }
    }
}
