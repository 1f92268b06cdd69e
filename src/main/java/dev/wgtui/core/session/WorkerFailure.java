package dev.wgtui.core.session;

/**
 * Why one worker of a run could not be done; the others go on without it.
 *
 * @param step   what it was doing: "reading", "making its key", "deploying"
 * @param reason the message, naming the worker
 */
public record WorkerFailure(String worker, String step, Kind kind, String reason) {

    /** What went wrong, so that front-ends can map it to an exit code. */
    public enum Kind {
        /** It could not be reached, or a command failed or timed out there. */
        HOST,
        /** Its host key is unknown or changed and was not accepted. */
        HOST_KEY,
        /** Refused as unsafe: its file changed since the preview, it is locked, or the result would break a rule. */
        REFUSED
    }
}
