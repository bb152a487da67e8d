package org.ovnl2gw.agent.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the agent process is started: its JVM flags and the environment variables the image sets for it (glibc's
 * {@code MALLOC_ARENA_MAX}, for one, acts on the process's memory as much as a JVM flag does).
 */
record AgentLaunch(List<String> jvmFlags, Map<String, String> environment) {
    AgentLaunch {
        jvmFlags = List.copyOf(jvmFlags);
        environment = Map.copyOf(environment);
    }

    /** For the report: the environment as {@code KEY=VALUE} words, then the flags. */
    String describe() {
        String env = environment.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        String flags = jvmFlags.isEmpty() ? "(no flags)" : String.join(" ", jvmFlags);
        return env.isEmpty() ? flags : env + " " + flags;
    }
}
