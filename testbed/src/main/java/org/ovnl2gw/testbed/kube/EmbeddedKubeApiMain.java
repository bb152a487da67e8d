package org.ovnl2gw.testbed.kube;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded API until interrupted, for manual checks:
 * {@code EmbeddedKubeApiMain [port (default 6443)] [kubeconfig (default ./embedded.kubeconfig)] [crds dir]}.
 * Prints the kubeconfig path, ready for {@code kubectl --kubeconfig}.
 */
public final class EmbeddedKubeApiMain {
    private EmbeddedKubeApiMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 6443;
        Path kubeconfig = Path.of(args.length > 1 ? args[1] : "embedded.kubeconfig").toAbsolutePath();
        EmbeddedKubeApi api = EmbeddedKubeApi.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            stopped.countDown();
        }, "embedded-kube-api-stop"));
        if (args.length > 2) {
            System.out.println("applied CRDs " + api.applyCrds(Path.of(args[2])));
        }
        api.writeKubeconfig(kubeconfig);
        System.out.println("embedded Kubernetes API at " + api.url());
        System.out.println(kubeconfig);
        stopped.await();
    }
}
