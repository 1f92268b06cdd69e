package dev.wgtui.ssh;

import static dev.wgtui.ssh.SshHostShellTest.catchHostException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Authentication with keys from a real {@code ssh-agent} (started here, stopped by PID) against
 * the embedded MINA server, which records the keys offered to it: the agent's keys before key
 * files, files the agent holds never read, IdentitiesOnly, agents that fail in every way, and a
 * jump host for which the agent signs too. The key files the agent holds are removed or
 * encrypted, so that only the agent can have signed.
 */
@Timeout(30)
class SshAgentAuthTest {

    @RegisterExtension
    static final SshServerExtension bastion = SshServerExtension.allowingForwarding();

    @RegisterExtension
    static final SshServerExtension hub = SshServerExtension.plain();

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private final TestKeys keys = TestKeys.get();
    private final List<AutoCloseable> started = new ArrayList<>();
    private SshOptions options;
    private Path agentDir;

    @BeforeEach
    void setUp() throws IOException {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, bastion.knownHostsLine() + hub.knownHostsLine());
        options = SshOptions.defaults().withKnownHosts(knownHosts).withConnectTimeout(Duration.ofSeconds(5))
                .withPassphrasePrompt(file -> {
                    throw new AssertionError("asked for the passphrase of " + file);
                });
        agentDir = Files.createDirectories(tmp.resolve("a"));
        hub.offered().clear();
        bastion.offered().clear();
        AgentKeys.forgetUnresponsive();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    private TestAgent agent(Path... keysToAdd) {
        TestAgent agent = TestAgent.start(agentDir);
        started.add(agent);
        return agent.add(keysToAdd);
    }

    private SshTarget hubWith(TestAgent agent, Path... files) {
        return SshTarget.of("hub", "127.0.0.1", hub.port(), "wgtui", List.of(files))
                .withIdentityAgent(IdentityAgent.at(agent.socket(), "SSH_AUTH_SOCK"));
    }

    private static String fp(Path privateKey) {
        return TestKeys.fingerprint(TestKeys.pub(privateKey));
    }

    /** A copy of {@code key}'s .pub in {@code tmp}, its private half not beside it: a key that lives in the agent. */
    private Path onlyPublicHalf(Path key) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("pub-" + key.getFileName()));
        Path gone = dir.resolve(key.getFileName());
        Files.copy(TestKeys.pub(key), TestKeys.pub(gone));
        return gone;
    }

    private void assertConnects(SshTarget target) throws HostException {
        try (SshHostShell shell = SshHostShell.connect(target, options)) {
            assertThat(shell.exec("echo in", TEN_SECONDS).out()).isEqualTo("in\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void eachKeyTypeSignsFromTheAgentWithNoKeyFile(String type) throws Exception {
        Path key = switch (type) {
            case "ed25519" -> keys.ed25519;
            case "ecdsa" -> keys.ecdsa;
            default -> keys.rsa;
        };
        TestAgent agent = agent(key);

        assertConnects(hubWith(agent, tmp.resolve("no_such_key")));

        assertThat(hub.offeredKeys()).containsExactly(fp(key));
    }

    @Test
    void agentKeysAreOfferedBeforeKeyFiles() throws Exception {
        TestAgent agent = agent(keys.ecdsa);

        assertConnects(hubWith(agent, keys.ed25519));

        assertThat(hub.offeredKeys()).containsExactly(fp(keys.ecdsa));
    }

    @Test
    void anAgentWithSeveralKeysOffersThemInItsOrderUntilOneIsAccepted() throws Exception {
        Path otherStranger = TestKeys.keygen(tmp.resolve("other_stranger"), "ed25519", "");
        TestAgent agent = agent(keys.stranger, otherStranger, keys.rsa, keys.ed25519);

        assertConnects(hubWith(agent));

        assertThat(hub.offeredKeys()).containsExactly(fp(keys.stranger), fp(otherStranger), fp(keys.rsa));
    }

    @Test
    void theAgentsKeysOfIdentityFilesComeFirst() throws Exception {
        TestAgent agent = agent(keys.stranger, keys.ecdsa, keys.ed25519);

        assertConnects(hubWith(agent, onlyPublicHalf(keys.ed25519)));

        assertThat(hub.offeredKeys()).containsExactly(fp(keys.ed25519));
    }

    @Test
    void identitiesOnlyOffersOnlyTheAgentsKeysOfIdentityFiles() throws Exception {
        TestAgent agent = agent(keys.ecdsa, keys.stranger, keys.rsa);
        Path rsaPub = onlyPublicHalf(keys.rsa);

        assertConnects(hubWith(agent, rsaPub).withIdentitiesOnly(true));
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.rsa));

        // the identity file named by its .pub, as ssh allows
        hub.offered().clear();
        assertConnects(hubWith(agent, TestKeys.pub(rsaPub)).withIdentitiesOnly(true));
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.rsa));

        // no identity file is the agent's: nothing from the agent is offered, and the error says why
        hub.offered().clear();
        HostException e = catchHostException(() ->
                SshHostShell.connect(hubWith(agent, keys.stranger).withIdentitiesOnly(true), options));
        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.stranger));
        assertThat(e.getMessage())
                .contains("agent " + agent.socket() + " (SSH_AUTH_SOCK): 3 keys, none accepted (")
                .contains("ECDSA " + fp(keys.ecdsa) + " not offered (IdentitiesOnly: no IdentityFile has it)")
                .contains("ED25519 " + fp(keys.stranger) + " refused")
                .contains("skipped: " + keys.stranger + " (the agent holds its key: tried above)");
    }

    @Test
    void anEncryptedKeyFileWhoseKeyIsInTheAgentNeedsNoPassphrase() throws Exception {
        TestAgent agent = agent(TestAgent.decryptedCopy(keys.encryptedEd25519, TestKeys.PASSPHRASE, tmp));

        // options' passphrase prompt fails the test if it is asked
        assertConnects(hubWith(agent, keys.encryptedEd25519).withIdentitiesOnly(true));

        assertThat(hub.offeredKeys()).containsExactly(fp(keys.encryptedEd25519));
    }

    @Test
    void anAgentKeyThatIsRefusedIsNotTriedAgainAsItsFile() throws Exception {
        // the agent holds the stranger key; its file is listed too and must not be offered twice
        TestAgent agent = agent(keys.stranger);

        assertConnects(hubWith(agent, keys.stranger, keys.ed25519));

        assertThat(hub.offeredKeys()).containsExactly(fp(keys.stranger), fp(keys.ed25519));
    }

    @Test
    void anAgentWithoutAMatchingKeyFallsBackToFilesAndFailingThatSaysWhatWasTried() throws Exception {
        TestAgent agent = agent(keys.stranger);

        assertConnects(hubWith(agent, keys.ecdsa));
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.stranger), fp(keys.ecdsa));

        Path otherStranger = TestKeys.keygen(tmp.resolve("other_stranger"), "ed25519", "");
        Path missing = tmp.resolve("id_missing");
        HostException e = catchHostException(() ->
                SshHostShell.connect(hubWith(agent, missing, otherStranger), options));
        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).isEqualTo("hub: authentication as wgtui@127.0.0.1:" + hub.port() + " failed; agent "
                + agent.socket() + " (SSH_AUTH_SOCK): 1 key, none accepted (ED25519 " + fp(keys.stranger)
                + " refused); keys refused: " + otherStranger + "; skipped: " + missing + " (not found)");
    }

    @Test
    void aStaleAgentSocketIsSkippedWithANote() throws Exception {
        TestAgent agent = agent(keys.ed25519);
        agent.killLeavingItsSocket();

        assertConnects(hubWith(agent, keys.ecdsa));
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.ecdsa));

        HostException e = catchHostException(() -> SshHostShell.connect(hubWith(agent, keys.stranger), options));
        assertThat(e.getMessage()).contains("; agent " + agent.socket()
                + " (SSH_AUTH_SOCK): nothing listens on it (connection refused; a stale socket left by an agent"
                + " that has exited?); keys refused: " + keys.stranger);
    }

    @Test
    void anAgentThatNeverAnswersIsSkippedAndThenNotWaitedForAgain() throws Exception {
        Path socket = agentDir.resolve("silent.sock");
        started.add(new SilentAgent(socket, null));
        SshTarget target = SshTarget.of("hub", "127.0.0.1", hub.port(), "wgtui", List.of(keys.ed25519))
                .withIdentityAgent(IdentityAgent.at(socket, "SSH_AUTH_SOCK"));

        assertConnects(target);
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.ed25519));

        HostException e = catchHostException(() -> SshHostShell.connect(
                SshTarget.of("hub", "127.0.0.1", hub.port(), "wgtui", List.of())
                        .withIdentityAgent(IdentityAgent.at(socket, "SSH_AUTH_SOCK")), options));
        assertThat(e.getMessage()).contains("agent " + socket + " (SSH_AUTH_SOCK): gave no answer within 2500 ms"
                + " earlier in this run; skipped");
    }

    @Test
    void anAgentThatHangsWhenAskedToSignIsGivenUpAndFilesAreTried() throws Exception {
        Path socket = agentDir.resolve("hangs.sock");
        byte[] ed25519 = IdentityFiles.publicKeyOf(keys.ed25519).orElseThrow();
        SilentAgent agent = new SilentAgent(socket, ed25519);
        started.add(agent);
        SshTarget target = SshTarget.of("hub", "127.0.0.1", hub.port(), "wgtui", List.of(keys.ecdsa))
                .withIdentityAgent(IdentityAgent.at(socket, "SSH_AUTH_SOCK"));

        assertConnects(target);

        assertThat(agent.signRequests).hasSize(1);
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.ed25519), fp(keys.ecdsa));
    }

    @Test
    void aKeyTheAgentWillNotSignWithIsReportedAsNotSigned() throws Exception {
        TestAgent agent = TestAgent.start(agentDir);
        started.add(agent);
        agent.addWithConfirmation(keys.ed25519);

        HostException e = catchHostException(() -> SshHostShell.connect(hubWith(agent), options));

        assertThat(e.getMessage()).contains("(ED25519 " + fp(keys.ed25519)
                + " not signed: the agent refused to send a signature)");
    }

    @Test
    void identityAgentNoneAndAnUnsetSshAuthSockUseNoAgent() throws Exception {
        TestAgent agent = agent(keys.ed25519);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, Object> vars = Map.of("ansible_host", "127.0.0.1", "ansible_port", hub.port(),
                "ansible_user", "wgtui", "ansible_ssh_private_key_file", tmp.resolve("none").toString());
        SshTargets withAgent = new SshTargets(home, "operator", Map.of("SSH_AUTH_SOCK", agent.socket().toString()));

        assertConnects(withAgent.resolve("hub", vars, OpenSshConfig.empty()));

        OpenSshConfig none = OpenSshConfig.parse("Host 127.0.0.1\n  IdentityAgent none\n", tmp.resolve("config"));
        HostException e = catchHostException(() -> SshHostShell.connect(withAgent.resolve("hub", vars, none), options));
        assertThat(e.getMessage()).contains("failed; agent: none (IdentityAgent none); no usable private key file");

        SshTargets noEnv = new SshTargets(home, "operator", Map.of());
        e = catchHostException(() -> SshHostShell.connect(noEnv.resolve("hub", vars, OpenSshConfig.empty()), options));
        assertThat(e.getMessage()).contains("failed; agent: none (SSH_AUTH_SOCK is not set)");
    }

    @Test
    void identityAgentFromTheConfigWithTildeAndVariables() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve(".ssh/agents"));
        TestAgent agent = TestAgent.start(home.resolve(".ssh/agents"));
        started.add(agent.add(keys.ed25519));
        Map<String, Object> vars = Map.of("ansible_host", "127.0.0.1", "ansible_port", hub.port(),
                "ansible_user", "wgtui");
        SshTargets targets = new SshTargets(home, "operator", Map.of("AGENTS", "agents"));

        OpenSshConfig config = OpenSshConfig.parse("Host *\n  IdentityAgent ~/.ssh/${AGENTS}/agent.sock\n",
                tmp.resolve("config"));
        SshTarget target = targets.resolve("hub", vars, config);

        assertThat(target.identityAgent().socket()).hasValue(agent.socket());
        assertConnects(target);
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.ed25519));
    }

    @Test
    void throughAJumpHostTheAgentSignsForBoth() throws Exception {
        TestAgent agent = agent(keys.rsa, keys.ecdsa);
        IdentityAgent fromEnv = IdentityAgent.at(agent.socket(), "SSH_AUTH_SOCK");
        SshTarget jump = SshTarget.of("bastion", "127.0.0.1", bastion.port(), "wgtui", List.of(onlyPublicHalf(keys.ecdsa)))
                .withIdentityAgent(fromEnv).withIdentitiesOnly(true);
        SshTarget target = hubWith(agent, onlyPublicHalf(keys.rsa)).withIdentitiesOnly(true).via(jump);
        bastion.forwardedTo().clear();

        assertConnects(target);

        assertThat(bastion.offeredKeys()).containsExactly(fp(keys.ecdsa));
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.rsa));
        assertThat(bastion.forwardedTo()).containsExactly("127.0.0.1:" + hub.port());
    }

    @Test
    void throughAJumpHostResolvedFromTheInventoryAndConfig() throws Exception {
        TestAgent agent = agent(keys.ed25519);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, Object> vars = Map.of("ansible_host", "127.0.0.1", "ansible_port", hub.port(),
                "ansible_user", "wgtui", "ansible_ssh_common_args", "-o ProxyJump=bastion");
        OpenSshConfig config = OpenSshConfig.parse("Host bastion\n  HostName 127.0.0.1\n  Port " + bastion.port()
                + "\n  User wgtui\n", tmp.resolve("config"));
        SshTargets targets = new SshTargets(home, "operator", Map.of("SSH_AUTH_SOCK", agent.socket().toString()));

        assertConnects(targets.resolve("hub", vars, config));

        assertThat(bastion.offeredKeys()).containsExactly(fp(keys.ed25519));
        assertThat(hub.offeredKeys()).containsExactly(fp(keys.ed25519));
    }

    /**
     * A socket that takes requests and, for a list request, either never answers or (given a key)
     * lists that one key and then never answers the signing request.
     */
    private static final class SilentAgent implements AutoCloseable {
        final ServerSocketChannel server;
        final List<SocketChannel> open = new CopyOnWriteArrayList<>();
        final List<byte[]> signRequests = new CopyOnWriteArrayList<>();

        SilentAgent(Path socket, byte[] key) throws IOException {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread t = new Thread(() -> serve(key), "silent-agent");
            t.setDaemon(true);
            t.start();
        }

        private void serve(byte[] key) {
            try {
                while (true) {
                    SocketChannel c = server.accept();
                    open.add(c);
                    Thread t = new Thread(() -> talk(c, key), "silent-agent-conn");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void talk(SocketChannel c, byte[] key) {
            try {
                while (true) {
                    ByteBuffer length = ByteBuffer.allocate(4);
                    while (length.hasRemaining()) {
                        if (c.read(length) < 0) {
                            return;
                        }
                    }
                    ByteBuffer body = ByteBuffer.allocate(length.flip().getInt());
                    while (body.hasRemaining()) {
                        if (c.read(body) < 0) {
                            return;
                        }
                    }
                    byte type = body.get(0);
                    if (type == 13) {
                        signRequests.add(body.array());
                    }
                    if (type == 11 && key != null) {
                        byte[] answer = new SshAgent.Writer().writeByte(12).writeUInt32(1).writeString(key)
                                .writeString("hangs".getBytes()).bytes();
                        c.write(ByteBuffer.wrap(new SshAgent.Writer().writeString(answer).bytes()));
                    }
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
}
