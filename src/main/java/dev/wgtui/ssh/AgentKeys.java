package dev.wgtui.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hop's use of the ssh-agent: which of its keys to offer and in what order, and what came of
 * each, for the error message when no key is accepted.
 *
 * <p>The order is ssh's (sshconnect2.c, pubkey_prepare): first the agent's keys that are also
 * identity files' keys, then, unless IdentitiesOnly, the agent's other keys, each group in the
 * agent's order; identity files the agent does not hold come after, from {@link SshHostShell}.
 * An identity file whose key the agent holds is not read at all, so it may be unreadable, removed
 * (its {@code .pub} kept) or encrypted, and no passphrase is asked for it.
 *
 * <p>An agent that cannot be reached is skipped with a note. One that did not answer in time is
 * remembered as such for the rest of the run, so that it delays one connection, not every one.
 */
final class AgentKeys implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentKeys.class);
    /** Agents (by socket) that timed out in this run, and how. */
    private static final Map<Path, String> UNRESPONSIVE = new ConcurrentHashMap<>();

    private final IdentityAgent choice;
    private final SshAgent agent;
    private final List<SshAgent.Identity> keys;
    private final String failure;
    private final Set<Path> heldFiles = new LinkedHashSet<>();
    private final Map<SshAgent.Identity, String> outcome = new LinkedHashMap<>();

    private AgentKeys(IdentityAgent choice, SshAgent agent, List<SshAgent.Identity> keys, String failure) {
        this.choice = choice;
        this.agent = agent;
        this.keys = keys;
        this.failure = failure;
    }

    /** Connects to the chosen agent and lists its keys; never fails: a problem becomes the note. */
    static AgentKeys open(IdentityAgent choice, Duration timeout) {
        if (choice.socket().isEmpty()) {
            return new AgentKeys(choice, null, List.of(), null);
        }
        Path socket = choice.socket().get();
        String earlier = UNRESPONSIVE.get(socket);
        if (earlier != null) {
            return new AgentKeys(choice, null, List.of(), earlier + " earlier in this run; skipped");
        }
        SshAgent agent = null;
        try {
            agent = SshAgent.connect(socket, timeout);
            return new AgentKeys(choice, agent, agent.identities(), null);
        } catch (SshAgent.AgentException e) {
            if (agent != null) {
                agent.close();
            }
            if (e.getMessage().startsWith("no answer")) {
                UNRESPONSIVE.put(socket, "gave no answer within " + SshHostShell.human(timeout));
            }
            log.warn("ssh-agent {} skipped: {}", choice.describe(), e.getMessage());
            return new AgentKeys(choice, null, List.of(), e.getMessage());
        }
    }

    /** Forgets the agents that timed out, for tests. */
    static void forgetUnresponsive() {
        UNRESPONSIVE.clear();
    }

    /**
     * The keys to offer, in ssh's order; {@code filePublicKeys} are the identity files' public
     * keys, where known. Files whose keys are among them are {@link #heldFiles() held}.
     */
    List<SshAgent.Identity> toOffer(Map<Path, byte[]> filePublicKeys, boolean identitiesOnly) {
        List<SshAgent.Identity> ofFiles = new ArrayList<>();
        List<SshAgent.Identity> others = new ArrayList<>();
        for (SshAgent.Identity key : keys) {
            boolean ofAFile = false;
            for (Map.Entry<Path, byte[]> file : filePublicKeys.entrySet()) {
                if (key.sameKey(file.getValue())) {
                    heldFiles.add(file.getKey());
                    ofAFile = true;
                }
            }
            if (!AgentPublickey.canUse(key)) {
                outcome.put(key, "a " + key.keyType() + " key, which wgtui does not use");
            } else if (ofAFile) {
                ofFiles.add(key);
            } else if (identitiesOnly) {
                outcome.put(key, "not offered (IdentitiesOnly: no IdentityFile has it)");
            } else {
                others.add(key);
            }
        }
        List<SshAgent.Identity> order = new ArrayList<>(ofFiles);
        order.addAll(others);
        return order;
    }

    /** How many of the agent's keys the server refused (or the agent did not sign with). */
    int refusedCount() {
        return (int) outcome.values().stream().filter(o -> o.equals("refused") || o.startsWith("not signed")).count();
    }

    /** Identity files whose keys the agent holds (found by {@link #toOffer}). */
    Set<Path> heldFiles() {
        return heldFiles;
    }

    /** Offers {@code key} for {@code user}; true when the server accepted it. */
    boolean offer(SSHClient client, String user, SshAgent.Identity key) throws TransportException {
        SshHostShell.stillConnected(client, null);
        AgentPublickey method = new AgentPublickey(agent, key);
        try {
            client.auth(user, method);
            outcome.put(key, "accepted");
            return true;
        } catch (UserAuthException e) {
            if (method.signFailure() == null) {
                outcome.put(key, "refused");
            }
            SshHostShell.stillConnected(client, e);
            SshAgent.AgentException notSigned = method.signFailure();
            outcome.put(key, notSigned != null ? "not signed: " + notSigned.getMessage() : "refused");
            if (notSigned != null && notSigned.getMessage().startsWith("no answer")) {
                UNRESPONSIVE.put(agent.socket(), "gave no answer to a signing request");
            }
            return false;
        }
    }

    /**
     * What the agent gave, for the error: {@code agent /path (SSH_AUTH_SOCK): 2 keys, none
     * accepted (ED25519 SHA256:… refused; …)}, or why no agent was used.
     */
    String summary() {
        if (choice.socket().isEmpty()) {
            return "agent: none (" + choice.origin() + ")";
        }
        StringBuilder m = new StringBuilder("agent ").append(choice.describe()).append(": ");
        if (failure != null) {
            return m.append(failure).toString();
        }
        if (keys.isEmpty()) {
            return m.append("no keys").toString();
        }
        m.append(keys.size()).append(keys.size() == 1 ? " key" : " keys").append(", none accepted (");
        List<String> parts = new ArrayList<>();
        for (SshAgent.Identity key : keys) {
            parts.add(key.describe() + " " + outcome.getOrDefault(key, "not offered"));
        }
        return m.append(String.join("; ", parts)).append(')').toString();
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
    }
}
