package dev.wgtui.remote;

/**
 * Quoting for POSIX shells: every argument wgtui puts into a remote command goes through
 * {@link #quote}, so no value (path, interface name, script) is ever read as shell syntax.
 */
public final class ShellQuote {

    private ShellQuote() {
    }

    /**
     * {@code s} as one single-quoted shell word: inside single quotes nothing is special, and
     * a single quote itself is written as {@code '\''} (close, escaped quote, reopen).
     *
     * @throws IllegalArgumentException when {@code s} contains a NUL byte, which no shell
     *                                  argument can carry
     */
    public static String quote(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL byte");
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
