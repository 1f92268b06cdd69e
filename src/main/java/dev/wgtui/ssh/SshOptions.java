package dev.wgtui.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SshHostShell} connects, beyond where to: which known_hosts file verifies host keys,
 * whom to ask about unknown keys and passphrases, and the timeouts.
 *
 * @param knownHosts        the known_hosts file that host keys are checked against and accepted keys appended to
 * @param hostKeyPrompt     asked about unknown host keys; changed keys are always refused
 * @param passphrasePrompt  asked for the passphrase of encrypted private keys
 * @param connectTimeout    how long connecting (TCP, key exchange, each auth step) may take, unless the target says
 *                          otherwise; each exchange with the ssh-agent may take half of it (see {@link #agentTimeout})
 * @param keepAliveInterval how often to send an SSH keepalive on an idle connection; zero for never
 * @param commandEcho       sees each command before it runs
 */
public record SshOptions(
        Path knownHosts,
        HostKeyPrompt hostKeyPrompt,
        PassphrasePrompt passphrasePrompt,
        Duration connectTimeout,
        Duration keepAliveInterval,
        CommandEcho commandEcho) {

    public SshOptions {
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(hostKeyPrompt, "hostKeyPrompt");
        Objects.requireNonNull(passphrasePrompt, "passphrasePrompt");
        Objects.requireNonNull(commandEcho, "commandEcho");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        if (keepAliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepAliveInterval must not be negative");
        }
    }

    /**
     * How long one exchange with the ssh-agent (connect, list, sign) may take when connecting may
     * take {@code connectTimeout}: half of it, so that a hung agent is given up while the server
     * still waits for the signature, and the next key or file is tried.
     */
    public static Duration agentTimeout(Duration connectTimeout) {
        return connectTimeout.dividedBy(2).compareTo(Duration.ofMillis(100)) < 0
                ? Duration.ofMillis(100) : connectTimeout.dividedBy(2);
    }

    /** ~/.ssh/known_hosts, refuse unknown keys, no passphrases, 10 s to connect, keepalive every 30 s, no echo. */
    public static SshOptions defaults() {
        return new SshOptions(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"),
                HostKeyPrompt.REFUSE, PassphrasePrompt.NONE, Duration.ofSeconds(10), Duration.ofSeconds(30),
                CommandEcho.NONE);
    }

    public SshOptions withKnownHosts(Path file) {
        return new SshOptions(file, hostKeyPrompt, passphrasePrompt, connectTimeout, keepAliveInterval, commandEcho);
    }

    public SshOptions withHostKeyPrompt(HostKeyPrompt prompt) {
        return new SshOptions(knownHosts, prompt, passphrasePrompt, connectTimeout, keepAliveInterval, commandEcho);
    }

    public SshOptions withPassphrasePrompt(PassphrasePrompt prompt) {
        return new SshOptions(knownHosts, hostKeyPrompt, prompt, connectTimeout, keepAliveInterval, commandEcho);
    }

    public SshOptions withConnectTimeout(Duration timeout) {
        return new SshOptions(knownHosts, hostKeyPrompt, passphrasePrompt, timeout, keepAliveInterval, commandEcho);
    }

    public SshOptions withKeepAliveInterval(Duration interval) {
        return new SshOptions(knownHosts, hostKeyPrompt, passphrasePrompt, connectTimeout, interval, commandEcho);
    }

    public SshOptions withCommandEcho(CommandEcho echo) {
        return new SshOptions(knownHosts, hostKeyPrompt, passphrasePrompt, connectTimeout, keepAliveInterval, echo);
    }
}
