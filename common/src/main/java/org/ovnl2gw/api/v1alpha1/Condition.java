package org.ovnl2gw.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * One status condition in the Kubernetes convention (metav1.Condition): a positive type, a
 * tri-state status, a CamelCase reason that is always set, a message for humans, the
 * generation it was computed from, and when its status last changed.
 *
 * <p>Build them with {@link #of}; keep transition times with {@link Conditions#set}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        @Required
        @Size(min = 1, max = 316)
        @Pattern(TYPE_PATTERN)
        @JsonPropertyDescription("Type of condition, in CamelCase, e.g. Ready.")
        String type,

        @Required
        @Pattern("^(True|False|Unknown)$")
        @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
        String status,

        @Required
        @Size(min = 1, max = 1024)
        @Pattern(REASON_PATTERN)
        @JsonPropertyDescription("Machine-readable CamelCase reason for the condition's last status.")
        String reason,

        @Size(max = 32768)
        @JsonPropertyDescription("Human-readable detail: what is wrong and what to do about it.")
        String message,

        @Min(0)
        @JsonPropertyDescription("metadata.generation of the resource this condition was computed from.")
        Long observedGeneration,

        @Required
        @JsonPropertyDescription("When status last changed, RFC 3339 in UTC (e.g. 2024-05-01T12:00:00Z).")
        String lastTransitionTime) {

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    static final String TYPE_PATTERN = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
            + "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$";
    static final String REASON_PATTERN = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";

    private static final Set<String> STATUSES = Set.of(TRUE, FALSE, UNKNOWN);
    private static final java.util.regex.Pattern REASON = java.util.regex.Pattern.compile(REASON_PATTERN);

    /**
     * A condition that transitions now. Refuses what the schema would refuse, because a bad
     * status written by us would be a bug, not user input.
     *
     * @param now the caller's clock reading; stored at second precision as Kubernetes does
     */
    public static Condition of(String type, String status, String reason, String message,
                               long observedGeneration, Instant now) {
        Objects.requireNonNull(type, "type");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("condition status must be True, False or Unknown, got " + status);
        }
        if (reason == null || !REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("condition reason must be CamelCase, got " + reason);
        }
        return new Condition(type, status, reason, message, observedGeneration, formatTime(now));
    }

    /** RFC 3339 at second precision, the form metav1.Time serializes to. */
    public static String formatTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Whether the status is "True". */
    @JsonIgnore
    public boolean isTrue() {
        return TRUE.equals(status);
    }

    /** This condition with another transition time, e.g. the one it already had. */
    public Condition withLastTransitionTime(String time) {
        return new Condition(type, status, reason, message, observedGeneration, time);
    }

    /** Whether the two differ only in transition time: then nothing a reader cares about changed. */
    public boolean sameExceptTime(Condition other) {
        return other != null && equals(other.withLastTransitionTime(lastTransitionTime));
    }
}
