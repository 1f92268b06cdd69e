package dev.wgtui.ssh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ssh-agent a host's keys may come from, and where that choice came from, for messages:
 * {@code SSH_AUTH_SOCK}, an {@code IdentityAgent} line, or no agent at all.
 *
 * @param socket the agent's UNIX domain socket; empty for no agent
 * @param origin why this socket, or why none: {@code SSH_AUTH_SOCK}, {@code IdentityAgent none}, …
 */
public record IdentityAgent(Optional<Path> socket, String origin) {

    /** The environment variable OpenSSH and every agent use for the socket. */
    public static final String SSH_AUTH_SOCK = "SSH_AUTH_SOCK";

    public IdentityAgent {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(origin, "origin");
    }

    /** No agent, for the reason given (such as {@code IdentityAgent none}). */
    public static IdentityAgent none(String why) {
        return new IdentityAgent(Optional.empty(), why);
    }

    /** The agent at {@code socket}, chosen by {@code origin}. */
    public static IdentityAgent at(Path socket, String origin) {
        return new IdentityAgent(Optional.of(socket), origin);
    }

    /** The agent {@code SSH_AUTH_SOCK} names in {@code env}, as ssh uses when nothing else is said. */
    public static IdentityAgent fromEnvironment(Map<String, String> env) {
        return fromVariable(env, SSH_AUTH_SOCK);
    }

    /** The agent the environment variable {@code name} names; none when it is unset or empty. */
    static IdentityAgent fromVariable(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isEmpty()) {
            return none(name + " is not set");
        }
        return at(Path.of(value), name);
    }

    /** {@code /path (SSH_AUTH_SOCK)} or {@code none (IdentityAgent none)}, for messages. */
    public String describe() {
        return socket.map(s -> s + " (" + origin + ")").orElse("none (" + origin + ")");
    }
}
