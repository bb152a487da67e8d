package org.ovnl2gw.api.v1alpha1;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's top-level directories are, seen from a test run in the common module. */
final class RepositoryPaths {

    private RepositoryPaths() {
    }

    /** The repository root: the parent of the module directory surefire runs in. */
    static Path root() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path root = module.getParent();
        if (root == null || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("run from the common module of the repository, not " + module);
        }
        return root;
    }

    /**
     * Where crd-generator-maven-plugin wrote the CRDs in this build: its default output,
     * META-INF/fabric8 in the module's classes, which is on the test classpath.
     */
    static Path generatedCrds() {
        URL url = RepositoryPaths.class.getClassLoader().getResource("META-INF/fabric8");
        if (url == null) {
            throw new IllegalStateException("no META-INF/fabric8 on the classpath: the crd-generator plugin did not run "
                    + "(it runs in process-classes; use mvn, not an IDE-only build)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
