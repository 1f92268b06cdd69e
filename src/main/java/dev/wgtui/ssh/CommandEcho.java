package dev.wgtui.ssh;

/**
 * Sees each command just before it runs, so a {@code --verbose} mode can print it as
 * {@code [#] <command>}, as wg-quick does. It receives the command text exactly as it will run:
 * redacting secrets is the caller's job. Secrets should travel on stdin, which is never echoed.
 */
@FunctionalInterface
public interface CommandEcho {

    /** Echoes nothing. */
    CommandEcho NONE = (host, command) -> { };

    /** Called on the thread that calls {@code exec}; must not block for long. */
    void command(String host, String command);
}
