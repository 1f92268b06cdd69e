package dev.wgtui.core.hub;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A commit, rollback or reload that ran on the hub while its client was gone (the connection
 * cut, the client killed or out of time): the hub runs each such job to its end on its own,
 * and the next wgtui run that reads the hub tells the operator what became of it with this.
 *
 * @param mode       {@code commit}, {@code rollback} or {@code reload}, as the hub recorded it
 * @param started    when the job started on the hub (null when the record does not say)
 * @param step       the last step the job reached
 * @param detail     the hub's message for a failed job, else empty
 * @param backupName the backup a finished commit took, else null
 */
public record RunReport(String mode, Instant started, Outcome outcome, String step, String detail,
                        String backupName) {

    /** What became of the job. */
    public enum Outcome {
        /** It ran to its end: written and loaded. */
        DONE,
        /** It failed at a step (a commit that had written put the backup back). */
        FAILED,
        /** It stopped without an outcome: killed on the hub, or the hub went down. */
        STOPPED,
        /** It is still running on the hub. */
        RUNNING
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public RunReport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outcome, "outcome");
        step = step == null ? "" : step;
        detail = detail == null ? "" : detail;
    }

    /** True when the operator should look (anything but a job that ran to its end). */
    public boolean needsAttention() {
        return outcome != Outcome.DONE;
    }

    /** One line for any face, e.g. "An apply started 2026-03-01 10:00:00 UTC finished on the hub ...". */
    public String describe() {
        String what = switch (mode) {
            case "commit" -> "An apply";
            case "rollback" -> "A rollback";
            case "reload" -> "A reload";
            default -> "A " + mode;
        };
        String when = started == null ? "" : " started " + TIME.format(started);
        return switch (outcome) {
            case DONE -> what + when + " finished on the hub after its client went away"
                    + (backupName == null ? "" : " (backup " + backupName + ")") + ".";
            case FAILED -> what + when + " failed on the hub at step " + step + " after its client went away: "
                    + detail;
            case STOPPED -> what + when + " stopped on the hub at step " + step + " without finishing (killed, or "
                    + "the hub went down); look at the file, and apply again to make sure it is loaded.";
            case RUNNING -> what + when + " is still running on the hub (step " + step + ").";
        };
    }
}
