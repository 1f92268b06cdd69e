package dev.wgtui.cli;

import dev.wgtui.core.config.ConfigException;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.inventory.InventoryException;
import dev.wgtui.core.session.PlanRefused;
import dev.wgtui.tui.ThemeException;

/** wgtui's exit codes; the man page lists them from here. */
public enum ExitCode {
    OK(0, "success; for diff and prune, also when there is nothing to change"),
    CHECK_FAILED(1, "validation failed (after apply: rolled back); drift found; health found a stale peer or a "
            + "failed ping; diff --exit-code: something would change"),
    USAGE(2, "bad command line or bad input: a malformed inventory, a hub config that is malformed or already "
            + "breaks a rule (fix it, or --turn-off-saveconfig), an unknown host or backup"),
    REFUSED(3, "refused as unsafe: not confirmed, the file changed since the preview, the hub is locked, "
            + "or the new config would break a rule (duplicate key, overlapping AllowedIPs, SaveConfig)"),
    HOST(4, "a host could not be reached or a command failed there (connection, authentication, sudo, timeout)"),
    HOST_KEY(5, "a host key is unknown or changed and was not accepted"),
    NOT_RUNNING(6, "drift or health: the hub's interface is not running (or not read: --local), so there was "
            + "nothing live to check"),
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

    /** The exit code for an exception thrown by a command. */
    public static ExitCode of(Throwable ex) {
        if (ex instanceof ConfigException || ex instanceof InventoryException || ex instanceof IllegalArgumentException
                || ex instanceof ThemeException) {
            return USAGE;
        }
        if (ex instanceof PlanRefused) {
            return REFUSED;
        }
        if (ex instanceof HubException h) {
            return switch (h.kind()) {
                case CONFLICT, LOCKED -> REFUSED;
                case HOST_KEY -> HOST_KEY;
                case FILE -> USAGE;
                case HOST, RELOAD -> HOST;
            };
        }
        if (ex instanceof HostException h) {
            return h.kind() == HostException.Kind.HOST_KEY ? HOST_KEY : HOST;
        }
        return INTERNAL;
    }
}
