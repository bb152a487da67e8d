package org.ovnl2gw.testbed.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The installed kubectl, run as a user would, with a kubeconfig and its own discovery cache directory (so
 * tests never see a cache left by another server on the same port).
 */
final class Kubectl {
    private static final String KUBECTL = "/usr/bin/kubectl";

    record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path kubeconfig;
    private final Path cacheDir;
    private final Path workDir;

    Kubectl(Path kubeconfig, Path workDir) {
        this.kubeconfig = kubeconfig;
        this.workDir = workDir;
        this.cacheDir = workDir.resolve("kubectl-cache");
    }

    /** Runs kubectl and fails the test unless it exits 0; returns its standard output. */
    String ok(String... args) {
        Result result = run(args);
        assertEquals(0, result.exitCode(), () -> "kubectl " + String.join(" ", args) + " failed: " + result.stderr());
        return result.stdout();
    }

    /** Runs kubectl with {@code stdin} as its standard input (for {@code -f -}); fails unless it exits 0. */
    String okWithInput(String stdin, String... args) {
        try {
            Path input = Files.createTempFile(workDir, "stdin", ".yaml");
            Files.writeString(input, stdin);
            Result result = run(input, args);
            assertEquals(0, result.exitCode(),
                    () -> "kubectl " + String.join(" ", args) + " failed: " + result.stderr());
            return result.stdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs kubectl with {@code stdin} as its standard input, whatever its exit code. */
    Result runWithInput(String stdin, String... args) {
        try {
            Path input = Files.createTempFile(workDir, "stdin", ".yaml");
            Files.writeString(input, stdin);
            return run(input, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String... args) {
        return run(null, args);
    }

    /** Starts a kubectl that keeps running ({@code get -w}); its standard output goes to {@code out}. */
    Process start(Path out, String... args) {
        List<String> command = new ArrayList<>(List.of(KUBECTL, "--kubeconfig=" + kubeconfig, "--cache-dir=" + cacheDir));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectErrorStream(true);
        builder.environment().remove("KUBECONFIG");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result run(Path stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(KUBECTL, "--kubeconfig=" + kubeconfig, "--cache-dir=" + cacheDir));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(workDir, "kubectl", ".out");
            Path err = Files.createTempFile(workDir, "kubectl", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().remove("KUBECONFIG");
            if (stdin != null) {
                builder.redirectInput(stdin.toFile());
            }
            Process process = builder.start();
            // a generous deadline only so that a hung kubectl fails the test instead of the whole build
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
