package dev.wgtui.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The agent client against real OpenSSH {@code ssh-agent}s started here: the keys it lists are
 * those {@code ssh-add -L} lists, and its signatures verify with the JDK's own crypto, apart
 * from anything in wgtui or sshj. Then the sockets that are not agents: stale, silent, rude.
 */
@Timeout(30)
class SshAgentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private final TestKeys keys = TestKeys.get();
    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    private TestAgent agent() {
        TestAgent agent = TestAgent.start(tmp);
        started.add(agent);
        return agent;
    }

    @Test
    void listsTheKeysSshAddLists() throws Exception {
        TestAgent agent = agent().add(keys.rsa, keys.ed25519, keys.ecdsa);

        List<SshAgent.Identity> listed;
        try (SshAgent client = SshAgent.connect(agent.socket(), TIMEOUT)) {
            listed = client.identities();
        }

        List<String> expected = agent.publicKeys();
        assertThat(expected).hasSize(3);
        assertThat(listed).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String[] line = expected.get(i).split(" ");
            assertThat(listed.get(i).keyType()).isEqualTo(line[0]);
            assertThat(listed.get(i).blob()).isEqualTo(Base64.getDecoder().decode(line[1]));
            assertThat(listed.get(i).comment()).isEqualTo(line[2]);
        }
        assertThat(listed.get(0).fingerprint()).isEqualTo(TestKeys.fingerprint(TestKeys.pub(keys.rsa)));
        assertThat(listed.get(1).describe()).isEqualTo("ED25519 " + TestKeys.fingerprint(TestKeys.pub(keys.ed25519)));
    }

    @Test
    void anEmptyAgentListsNothing() throws Exception {
        TestAgent agent = agent();
        try (SshAgent client = SshAgent.connect(agent.socket(), TIMEOUT)) {
            assertThat(client.identities()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"ed25519, 0, ssh-ed25519", "ecdsa, 0, ecdsa-sha2-nistp256", "rsa, 2, rsa-sha2-256", "rsa, 4, rsa-sha2-512"})
    void signaturesVerifyWithTheJdk(String type, int flags, String algorithm) throws Exception {
        Path key = switch (type) {
            case "ed25519" -> keys.ed25519;
            case "ecdsa" -> keys.ecdsa;
            default -> keys.rsa;
        };
        TestAgent agent = agent().add(key);
        byte[] data = new byte[300];
        new Random(42).nextBytes(data);

        byte[] signature;
        SshAgent.Identity identity;
        try (SshAgent client = SshAgent.connect(agent.socket(), TIMEOUT)) {
            identity = client.identities().get(0);
            signature = client.sign(identity, data, flags);
        }

        assertThat(SshAgent.keyTypeOf(signature)).isEqualTo(algorithm);
        assertThat(JdkVerify.verify(identity.blob(), signature, data)).isTrue();
        data[0] ^= 1;
        assertThat(JdkVerify.verify(identity.blob(), signature, data)).isFalse();
    }

    @Test
    void aKeyTheAgentDoesNotHoldIsRefused() throws Exception {
        TestAgent agent = agent().add(keys.ed25519);
        SshAgent.Identity stranger = new SshAgent.Identity(
                IdentityFiles.publicKeyOf(keys.stranger).orElseThrow(), "stranger");
        try (SshAgent client = SshAgent.connect(agent.socket(), TIMEOUT)) {
            assertThatThrownBy(() -> client.sign(stranger, new byte[] {1, 2, 3}, 0))
                    .isInstanceOf(SshAgent.AgentException.class)
                    .hasMessage("the agent refused to send a signature");
            // the connection is still good for the next request
            assertThat(client.identities()).hasSize(1);
        }
    }

    @Test
    void aKeyThatNeedsConfirmationIsRefusedWhenNobodyCanConfirm() throws Exception {
        TestAgent agent = agent().addWithConfirmation(keys.ed25519);
        try (SshAgent client = SshAgent.connect(agent.socket(), TIMEOUT)) {
            SshAgent.Identity key = client.identities().get(0);
            assertThatThrownBy(() -> client.sign(key, new byte[] {1}, 0))
                    .hasMessage("the agent refused to send a signature");
        }
    }

    @Test
    void aStaleSocketIsNotAnAgent() throws Exception {
        TestAgent agent = agent().add(keys.ed25519);
        agent.killLeavingItsSocket();
        assertThat(agent.socket()).exists();

        assertThatThrownBy(() -> SshAgent.connect(agent.socket(), TIMEOUT))
                .isInstanceOf(SshAgent.AgentException.class)
                .hasMessageStartingWith("nothing listens on it (connection refused")
                .hasMessageContaining("a stale socket");
    }

    @Test
    void aMissingSocketOrARegularFileIsNotAnAgent() throws IOException {
        assertThatThrownBy(() -> SshAgent.connect(tmp.resolve("nope.sock"), TIMEOUT))
                .hasMessage("no such socket");
        Path file = Files.writeString(tmp.resolve("file"), "not a socket");
        assertThatThrownBy(() -> SshAgent.connect(file, TIMEOUT))
                .isInstanceOf(SshAgent.AgentException.class)
                .hasMessageStartingWith("nothing listens on it");
    }

    @Test
    void anAgentThatNeverAnswersTimesOutAndTheConnectionIsDropped() throws Exception {
        FakeAgent silent = fake(request -> null);
        try (SshAgent client = SshAgent.connect(silent.socket, Duration.ofMillis(300))) {
            assertThatThrownBy(client::identities)
                    .isInstanceOf(SshAgent.AgentException.class)
                    .hasMessage("no answer within 300 ms (waiting for the agent to send the list of keys)");
            // a late answer must never be read as the answer to a later request
            assertThatThrownBy(client::identities)
                    .hasMessageStartingWith("not asked: the connection to the agent was dropped");
        }
        assertThat(silent.requests).hasSize(1);
    }

    @Test
    void anAgentThatHangsUpOrSendsNonsenseIsAnError() throws Exception {
        FakeAgent hangsUp = fake(request -> new byte[0]);
        try (SshAgent client = SshAgent.connect(hangsUp.socket, TIMEOUT)) {
            assertThatThrownBy(client::identities)
                    .hasMessage("the agent closed the connection instead of sending the list of keys");
        }
        FakeAgent huge = fake(request -> new byte[] {0x7f, 0, 0, 0});
        try (SshAgent client = SshAgent.connect(huge.socket, TIMEOUT)) {
            assertThatThrownBy(client::identities)
                    .hasMessage("the agent sent a message of 2130706432 bytes; is " + huge.socket + " an ssh-agent?");
        }
        // an answer whose key count runs past its end
        FakeAgent truncated = fake(request -> new byte[] {0, 0, 0, 5, 12, 0, 0, 0, 3});
        try (SshAgent client = SshAgent.connect(truncated.socket, TIMEOUT)) {
            assertThatThrownBy(client::identities).hasMessageContaining("a malformed message from the agent");
        }
        FakeAgent wrongType = fake(request -> new byte[] {0, 0, 0, 1, 99});
        try (SshAgent client = SshAgent.connect(wrongType.socket, TIMEOUT)) {
            assertThatThrownBy(client::identities)
                    .hasMessage("the agent answered message type 99 instead of the list of keys");
        }
    }

    @Test
    void identityFilesArePublicKeysWithoutTheirPassphrase() throws IOException {
        byte[] expected = Base64.getDecoder().decode(
                Files.readString(TestKeys.pub(keys.encryptedEd25519)).split(" ")[1]);
        // from the .pub beside it
        assertThat(IdentityFiles.publicKeyOf(keys.encryptedEd25519)).hasValue(expected);
        // from the encrypted private key alone: its public half is in clear
        Path alone = Files.copy(keys.encryptedEd25519, tmp.resolve("alone"));
        assertThat(IdentityFiles.publicKeyOf(alone)).hasValue(expected);
        // from the .pub named as the identity file, the private key removed
        Path pubOnly = Files.copy(TestKeys.pub(keys.encryptedEd25519), tmp.resolve("only.pub"));
        assertThat(IdentityFiles.publicKeyOf(pubOnly)).hasValue(expected);
        // a PEM key without .pub has none, for ssh too
        Path pem = TestKeys.keygen(tmp.resolve("pem"), "rsa", "", "-b", "2048", "-m", "PEM");
        Files.delete(TestKeys.pub(pem));
        assertThat(IdentityFiles.publicKeyOf(pem)).isEmpty();
        assertThat(IdentityFiles.publicKeyOf(tmp.resolve("missing"))).isEmpty();
    }

    // ---- sockets that are not ssh-agents

    /** What a fake agent sends back for a request: raw bytes (maybe none, then it hangs up), or null to stay silent. */
    interface Answer {
        byte[] to(byte[] request);
    }

    private static final class FakeAgent implements AutoCloseable {
        final Path socket;
        final ServerSocketChannel server;
        final Thread thread;
        final List<byte[]> requests = new CopyOnWriteArrayList<>();
        final List<SocketChannel> open = new CopyOnWriteArrayList<>();

        FakeAgent(Path socket, Answer answer) throws IOException {
            this.socket = socket;
            this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            this.thread = new Thread(() -> serve(answer), "fake-agent");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(Answer answer) {
            try {
                while (true) {
                    SocketChannel c = server.accept();
                    open.add(c);
                    ByteBuffer length = ByteBuffer.allocate(4);
                    while (length.hasRemaining() && c.read(length) >= 0) {
                        // reading the request's length
                    }
                    ByteBuffer body = ByteBuffer.allocate(length.flip().getInt());
                    while (body.hasRemaining() && c.read(body) >= 0) {
                        // reading the request
                    }
                    requests.add(body.array());
                    byte[] reply = answer.to(body.array());
                    if (reply == null) {
                        continue;
                    }
                    c.write(ByteBuffer.wrap(reply));
                    c.close();
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (SocketChannel c : open) {
                c.close();
            }
        }
    }

    private FakeAgent fake(Answer answer) throws IOException {
        FakeAgent fake = new FakeAgent(tmp.resolve("fake-" + started.size() + ".sock"), answer);
        started.add(fake);
        return fake;
    }

    // ---- verifying signatures with the JDK alone

    /** Checks an SSH signature blob with the JDK's providers, from the SSH public key blob. */
    static final class JdkVerify {
        static boolean verify(byte[] keyBlob, byte[] signatureBlob, byte[] data) throws Exception {
            SshAgent.Reader key = new SshAgent.Reader(keyBlob);
            String type = new String(key.readString(), StandardCharsets.US_ASCII);
            SshAgent.Reader sig = new SshAgent.Reader(signatureBlob);
            String algorithm = new String(sig.readString(), StandardCharsets.US_ASCII);
            byte[] raw = sig.readString();
            switch (type) {
                case "ssh-ed25519" -> {
                    return check("Ed25519", ed25519(key.readString()), raw, data);
                }
                case "ecdsa-sha2-nistp256" -> {
                    key.readString(); // curve name
                    PublicKey pub = ecP256(key.readString());
                    SshAgent.Reader rs = new SshAgent.Reader(raw);
                    byte[] p1363 = new byte[64];
                    fixed(new BigInteger(rs.readString()), p1363, 0);
                    fixed(new BigInteger(rs.readString()), p1363, 32);
                    return check("SHA256withECDSAinP1363Format", pub, p1363, data);
                }
                case "ssh-rsa" -> {
                    BigInteger e = new BigInteger(key.readString());
                    BigInteger n = new BigInteger(key.readString());
                    PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                    String jca = switch (algorithm) {
                        case "rsa-sha2-256" -> "SHA256withRSA";
                        case "rsa-sha2-512" -> "SHA512withRSA";
                        default -> "SHA1withRSA";
                    };
                    return check(jca, pub, raw, data);
                }
                default -> throw new IllegalArgumentException(type);
            }
        }

        private static boolean check(String algorithm, PublicKey key, byte[] sig, byte[] data) throws Exception {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(sig);
        }

        private static PublicKey ed25519(byte[] encoded) throws Exception {
            byte[] le = encoded.clone();
            boolean xOdd = (le[31] & 0x80) != 0;
            le[31] &= 0x7f;
            byte[] be = new byte[32];
            for (int i = 0; i < 32; i++) {
                be[i] = le[31 - i];
            }
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
        }

        private static PublicKey ecP256(byte[] point) throws Exception {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
        }

        private static void fixed(BigInteger v, byte[] out, int offset) {
            byte[] b = v.toByteArray();
            int n = Math.min(b.length, 32);
            System.arraycopy(b, b.length - n, out, offset + 32 - n, n);
        }
    }
}
