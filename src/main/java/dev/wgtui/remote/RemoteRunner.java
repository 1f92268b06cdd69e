package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs remote scripts on one host: one {@code exec} (one SSH round trip) per script, as
 * {@code sh -c '<script>'}, or {@code sudo -n sh -c '<script>'} when it must become root.
 * Counts the round trips, echoes {@code [#]} lines for {@code --verbose} (never stdin, never
 * secrets) and turns what went wrong into a {@link HostException} that names the host.
 */
final class RemoteRunner {

    /** A script that ran to its end, or that reported its own failure. */
    record Reply(Frames frames, ExecResult result) {
    }

    private final HostShell shell;
    private final boolean become;
    private final Consumer<String> echo;
    private final AtomicLong roundTrips = new AtomicLong();

    RemoteRunner(HostShell shell, boolean become, Consumer<String> echo) {
        this.shell = shell;
        this.become = become;
        this.echo = echo;
    }

    String host() {
        return shell.hostName();
    }

    HostShell shell() {
        return shell;
    }

    long roundTrips() {
        return roundTrips.get();
    }

    /** True when the inventory asks for root through sudo on {@code node} ({@code ansible_become}). */
    static boolean becomeFor(Node node) {
        Object v = node.vars().get("ansible_become");
        if (v == null) {
            return false;
        }
        String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("yes") || s.equals("1") || s.equals("on");
    }

    /** The command line for {@code script}: quoted once, wrapped in sudo when becoming root. */
    static String command(String script, boolean become) {
        return (become ? "sudo -n " : "") + "sh -c " + ShellQuote.quote(script);
    }

    /**
     * Runs {@code script} with {@code stdin}; {@code what} is the one-line description echoed
     * for {@code --verbose}.
     *
     * @throws HostException when the host cannot be reached, sudo refuses, a tool is missing
     *                       before the script could say so, or the output is cut short
     */
    Reply run(String what, RemoteScript script, byte[] stdin, Duration timeout) throws HostException {
        echo.accept("[#] " + host() + ": " + (become ? "sudo " : "") + what);
        roundTrips.incrementAndGet();
        ExecResult r = shell.exec(command(script.text(), become), stdin, timeout);
        for (String line : r.err().split("\n")) {
            if (line.startsWith("[#] ") || line.startsWith("[!] ")) {
                echo.accept("    " + Secrets.scrub(line));
            }
        }
        Frames frames = Frames.parse(r.out(), script.boundary());
        if (frames.failure().isPresent() || frames.complete()) {
            return new Reply(frames, r);
        }
        throw unexplained(r);
    }

    private HostException unexplained(ExecResult r) {
        String err = Secrets.scrub(r.err().strip());
        String lower = err.toLowerCase(Locale.ROOT);
        if (become && lower.contains("sudo:")) {
            if (lower.contains("password is required") || lower.contains("terminal is required")) {
                return new HostException(HostException.Kind.SUDO, host(),
                        "sudo needs a password; wgtui runs sudo -n (non-interactive). Allow the SSH user "
                                + "to run sh as root without a password (NOPASSWD), or connect as root");
            }
            if (lower.contains("not found") || lower.contains("no such file")) {
                return new HostException(HostException.Kind.MISSING_TOOL, host(),
                        "sudo is not installed, but ansible_become asks for it: " + err);
            }
            return new HostException(HostException.Kind.SUDO, host(), "sudo refused: " + err);
        }
        if (r.exitCode() == 127 || lower.contains("sudo: not found") || lower.contains("sudo: command not found")) {
            return new HostException(HostException.Kind.MISSING_TOOL, host(),
                    "a command is missing: " + (err.isEmpty() ? "exit 127" : err));
        }
        if (lower.contains("fish:") || lower.contains("unterminated quoted string") && lower.contains("syntax error")
                || lower.contains("unmatched '")) {
            // sshd hands the command line to the user's login shell: it must read POSIX quoting.
            return new HostException(HostException.Kind.COMMAND, host(), "the SSH user's login shell could not read "
                    + "wgtui's command (fish, csh?): give that user a POSIX login shell (sh, bash, zsh) or connect "
                    + "as another user; nothing ran: " + lastLines(err, 2));
        }
        if (r.exitCode() == 0) {
            return new HostException(HostException.Kind.COMMAND, host(),
                    "the output was cut short (the connection dropped?)");
        }
        return new HostException(HostException.Kind.COMMAND, host(),
                "remote script failed with exit " + r.exitCode() + (err.isEmpty() ? "" : ": " + lastLines(err, 5)));
    }

    private static String lastLines(String s, int n) {
        String[] lines = s.split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join(" / ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
