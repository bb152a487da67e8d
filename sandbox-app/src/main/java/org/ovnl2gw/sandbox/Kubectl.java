package org.ovnl2gw.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The installed kubectl, pointed at the sandbox's kubeconfig: the sandbox applies things as a user would. */
final class Kubectl {
    private final Path kubeconfig;

    Kubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    String run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new SandboxException("kubectl " + String.join(" ", args) + " failed:\n" + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new SandboxException("cannot run kubectl: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted running kubectl");
        }
    }
}
