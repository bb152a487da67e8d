package org.ovnl2gw.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Our node agent as its own process, started the way the image starts it ({@code java <flags> -jar
 * node-agent.jar <options>}), so its memory and CPU are its own in {@code /proc/<pid>}. Stopped by pid.
 */
final class AgentProcess implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final Path log;

    private AgentProcess(Process process, List<String> command, Path log) {
        this.process = process;
        this.command = command;
        this.log = log;
    }

    /** {@code environment}: what the image's {@code ENV} sets, over this process's environment. */
    static AgentProcess start(List<String> jvmFlags, Map<String, String> environment, Path jar, List<String> agentArgs,
                              Path log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmFlags);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        cmd.addAll(agentArgs);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return new AgentProcess(builder.start(), List.copyOf(cmd), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the node agent: " + String.join(" ", cmd), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> command() {
        return command;
    }

    Path log() {
        return log;
    }

    /** SIGTERM (the agent's shutdown hook runs), then SIGKILL after five seconds. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
