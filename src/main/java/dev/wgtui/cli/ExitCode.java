package dev.wgtui.cli;

/** wgtui's exit codes; the man page lists them from here. */
public enum ExitCode {
    OK(0, "success; for diff and prune, also when there is nothing to change"),
    CHECK_FAILED(1, "validation failed (after apply: rolled back), drift found, or a ping over the tunnel failed"),
    USAGE(2, "bad command line or bad input: a malformed inventory, a hub config that is malformed or already "
            + "breaks a rule (fix it, or --turn-off-saveconfig), an unknown host or backup"),
    REFUSED(3, "refused as unsafe: not confirmed, the file changed since the preview, the hub is locked, "
            + "or the new config would break a rule (duplicate key, overlapping AllowedIPs, SaveConfig)"),
    HOST(4, "a host could not be reached or a command failed there (connection, authentication, sudo, timeout)"),
    HOST_KEY(5, "a host key is unknown or changed and was not accepted"),
    INTERNAL(70, "an unexpected error (a bug; see the log)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
