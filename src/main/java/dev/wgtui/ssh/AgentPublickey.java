package dev.wgtui.ssh;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * sshj's "publickey" authentication (RFC 4252 7) with a key that the ssh-agent holds: the key is
 * offered first without a signature, and only when the server would accept it does the agent
 * sign, as ssh does. No private key passes through wgtui.
 *
 * <p>An RSA key is offered with rsa-sha2-512, then rsa-sha2-256, then ssh-rsa, in the order of
 * sshj's key algorithms, as sshj offers RSA key files; the agent is asked for the matching hash.
 */
final class AgentPublickey extends AbstractAuthMethod {

    /** The key types whose signatures wgtui asks the agent for: those tested against real servers. */
    static final List<String> KEY_TYPES = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-rsa");
    private static final List<String> RSA_ALGORITHMS = List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");

    private final SshAgent agent;
    private final SshAgent.Identity key;
    private Deque<String> algorithms;
    private String algorithm;
    /** Why the agent did not sign, when it did not; the server never saw a signature then. */
    private SshAgent.AgentException signFailure;

    AgentPublickey(SshAgent agent, SshAgent.Identity key) {
        super("publickey");
        this.agent = agent;
        this.key = key;
    }

    static boolean canUse(SshAgent.Identity key) {
        return KEY_TYPES.contains(key.keyType());
    }

    SshAgent.AgentException signFailure() {
        return signFailure;
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        if (algorithms == null) {
            algorithms = new ArrayDeque<>(algorithms());
            algorithm = algorithms.poll();
        }
        return request(false);
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) {
            sendSigned();
        } else {
            super.handle(cmd, buf);
        }
    }

    /** The server refused this algorithm: an RSA key tries its next one, as sshj does for key files. */
    @Override
    public boolean shouldRetry() {
        if (signFailure != null || algorithms == null || algorithms.isEmpty()) {
            return false;
        }
        algorithm = algorithms.poll();
        return true;
    }

    private List<String> algorithms() throws UserAuthException {
        String type = key.keyType();
        if (!type.equals("ssh-rsa")) {
            return List.of(type);
        }
        try {
            List<String> configured = params.getTransport().getClientKeyAlgorithms(KeyType.RSA).stream()
                    .map(a -> a.getKeyAlgorithm()).filter(RSA_ALGORITHMS::contains).toList();
            return configured.isEmpty() ? RSA_ALGORITHMS : configured;
        } catch (TransportException e) {
            return RSA_ALGORITHMS;
        }
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm).putString(key.blob());
    }

    private void sendSigned() throws UserAuthException, TransportException {
        SSHPacket request = request(true);
        byte[] data = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(request)
                .getCompactData();
        byte[] signature;
        try {
            signature = agent.sign(key, data, flags(algorithm));
        } catch (SshAgent.AgentException e) {
            signFailure = e;
            throw new UserAuthException(e.getMessage(), e);
        }
        String signedWith = SshAgent.keyTypeOf(signature);
        if (!signedWith.equals(algorithm)) {
            signFailure = new SshAgent.AgentException("the agent signed with " + signedWith + ", not " + algorithm);
            throw new UserAuthException(signFailure.getMessage());
        }
        params.getTransport().write(request.putString(signature));
    }

    static int flags(String algorithm) {
        return switch (algorithm) {
            case "rsa-sha2-256" -> SshAgent.RSA_SHA2_256;
            case "rsa-sha2-512" -> SshAgent.RSA_SHA2_512;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return "agent key " + key.describe();
    }
}
