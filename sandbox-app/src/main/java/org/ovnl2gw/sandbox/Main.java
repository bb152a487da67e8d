package org.ovnl2gw.sandbox;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Wiring only: options, the sandbox, the ready line, and stopping everything on Ctrl-C or SIGTERM. */
public final class Main {
    private static final Logger QUIET = Logger.getLogger("io.fabric8");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(SandboxOptions.USAGE);
            return;
        }
        QUIET.setLevel(Level.SEVERE); // fabric8 warns about v1alpha1 on every client
        Logger.getLogger("").setLevel(Level.WARNING);
        Sandbox sandbox = new Sandbox(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            System.out.println("\nstopping the sandbox ...");
            sandbox.close();
            System.out.println("sandbox stopped; nothing left behind in " + options.dir());
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            sandbox.start();
        } catch (SandboxException e) {
            sandbox.printLogTails(System.err);
            System.err.println("sandbox: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            sandbox.printLogTails(System.err);
            System.err.println("sandbox: failed: " + e);
            System.exit(1);
        }
        System.out.println("sandbox ready: kubeconfig=" + sandbox.kubeconfig());
        System.out.print(sandbox.nextSteps());
        System.out.flush();
        if (options.exitWhenReady()) {
            System.exit(0);
        }
        stopped.await();
    }
}
