package dev.wgtui.core.host;

/** A host could not be reached or did not answer; the message names the host and says why. */
public class HostException extends Exception {

    /** Why the host failed, so front-ends can map it to an exit code. */
    public enum Kind { CONNECT, HOST_KEY, AUTH, TIMEOUT, SUDO, MISSING_TOOL, COMMAND }

    private final Kind kind;
    private final String host;

    public HostException(Kind kind, String host, String message) {
        this(kind, host, message, null);
    }

    public HostException(Kind kind, String host, String message, Throwable cause) {
        super(host + ": " + message, cause);
        this.kind = kind;
        this.host = host;
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }
}
