package dev.wgtui.core.hub;

/** A hub operation that failed or was refused; {@link Kind} tells front-ends which exit code. */
public class HubException extends Exception {

    /** Why. */
    public enum Kind {
        /** The file changed since the preview. */
        CONFLICT,
        /** Another operator holds the lock. */
        LOCKED,
        /** The hub could not be reached or a command failed there. */
        HOST,
        /** The host key was unknown or changed. */
        HOST_KEY,
        /** A file on the hub is not what it must be (missing backup, unreadable). */
        FILE,
        /** Reloading the interface failed. */
        RELOAD
    }

    private final Kind kind;

    public HubException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HubException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
