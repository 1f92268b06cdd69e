package dev.wgtui.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to connect for one host, resolved from the inventory and {@code ~/.ssh/config}.
 *
 * @param name           the host as the operator knows it (inventory name, or the ProxyJump spec of a jump host)
 * @param hostname       what to connect to (DNS name or address); with a jump host, resolved by the jump host
 * @param port           the SSH port
 * @param user           the remote user
 * @param identityFiles  private key files to offer, in order; files that do not exist are skipped. A file
 *                       whose key the agent holds is not read: its {@code .pub}, or the file's public part,
 *                       is enough to match it, and a {@code .pub} may be named itself
 * @param jump           the host to tunnel through (ProxyJump); its own {@code jump} chains further
 * @param connectTimeout how long connecting may take, when the inventory or ssh config says so
 * @param identityAgent  the ssh-agent whose keys are offered before the identity files
 *                       ({@code SSH_AUTH_SOCK}, {@code IdentityAgent}), or none
 * @param identitiesOnly {@code IdentitiesOnly yes}: of the agent's keys, offer only those of the
 *                       identity files (matched by public key, from the {@code .pub} file or the
 *                       private key file)
 */
public record SshTarget(
        String name,
        String hostname,
        int port,
        String user,
        List<Path> identityFiles,
        Optional<SshTarget> jump,
        Optional<Duration> connectTimeout,
        IdentityAgent identityAgent,
        boolean identitiesOnly) {

    /** Used where a target is made with no agent: in code and tests, not from ~/.ssh/config. */
    private static final IdentityAgent NO_AGENT = IdentityAgent.none("no agent for this target");

    /** A target that uses no ssh-agent. */
    public SshTarget(String name, String hostname, int port, String user, List<Path> identityFiles,
                     Optional<SshTarget> jump, Optional<Duration> connectTimeout) {
        this(name, hostname, port, user, identityFiles, jump, connectTimeout, NO_AGENT, false);
    }

    public SshTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(jump, "jump");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(identityAgent, "identityAgent");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + ": port " + port + " is not a port number");
        }
        identityFiles = List.copyOf(identityFiles);
    }

    /** A direct target with no jump host, no ssh-agent and the default connect timeout. */
    public static SshTarget of(String name, String hostname, int port, String user, List<Path> identityFiles) {
        return new SshTarget(name, hostname, port, user, identityFiles, Optional.empty(), Optional.empty());
    }

    /** This target reached through {@code jumpHost}. */
    public SshTarget via(SshTarget jumpHost) {
        return new SshTarget(name, hostname, port, user, identityFiles, Optional.of(jumpHost), connectTimeout,
                identityAgent, identitiesOnly);
    }

    /** This target with a connect timeout of its own. */
    public SshTarget withConnectTimeout(Duration timeout) {
        return new SshTarget(name, hostname, port, user, identityFiles, jump, Optional.of(timeout),
                identityAgent, identitiesOnly);
    }

    /** This target (not its jump hosts) taking keys from {@code agent} first. */
    public SshTarget withIdentityAgent(IdentityAgent agent) {
        return new SshTarget(name, hostname, port, user, identityFiles, jump, connectTimeout, agent, identitiesOnly);
    }

    /** This target (not its jump hosts) with {@code IdentitiesOnly} set as given. */
    public SshTarget withIdentitiesOnly(boolean only) {
        return new SshTarget(name, hostname, port, user, identityFiles, jump, connectTimeout, identityAgent, only);
    }

    /** {@code user@hostname:port}, for messages. */
    public String address() {
        String host = hostname.indexOf(':') >= 0 ? "[" + hostname + "]" : hostname;
        return user + "@" + host + ":" + port;
    }

    /** The hosts to connect to in order: the outermost jump host first, this target last. */
    public List<SshTarget> hops() {
        List<SshTarget> hops = new ArrayList<>();
        for (SshTarget t = this; t != null; t = t.jump().orElse(null)) {
            hops.add(0, t);
        }
        return hops;
    }
}
