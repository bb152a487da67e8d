package org.ovnl2gw.testbed.kube;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The stand-in CRDs and manifests under {@code src/test/resources/kube}. */
final class TestCrds {
    private TestCrds() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestCrds.class.getResource("/kube/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path crdsDir() {
        return resource("crds");
    }
}
