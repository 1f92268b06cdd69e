package dev.wgtui.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(20)
class SshHostShellTest {

    @RegisterExtension
    static final SshServerExtension server = SshServerExtension.plain();

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private Path knownHosts;
    private SshOptions options;
    private final TestKeys keys = TestKeys.get();

    @BeforeEach
    void trustTheServer() throws IOException {
        knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine());
        options = SshOptions.defaults().withKnownHosts(knownHosts).withConnectTimeout(Duration.ofSeconds(5));
    }

    private SshHostShell connect() throws HostException {
        return SshHostShell.connect(server.target("hub", keys.ed25519), options);
    }

    @Test
    void execReturnsStdoutStderrAndExitCode() throws HostException {
        try (SshHostShell hub = connect()) {
            ExecResult r = hub.exec("echo out; echo err >&2; exit 3", TEN_SECONDS);
            assertThat(r.out()).isEqualTo("out\n");
            assertThat(r.err()).isEqualTo("err\n");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(hub.exec("true", TEN_SECONDS).ok()).isTrue();
            assertThat(hub.hostName()).isEqualTo("hub");
        }
    }

    @Test
    void stdinIsDeliveredAndClosed() throws HostException {
        byte[] payload = new byte[1024 * 1024];
        new Random(7).nextBytes(payload);
        try (SshHostShell hub = connect()) {
            ExecResult r = hub.exec("cat", payload, TEN_SECONDS);
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).isEqualTo(payload);
        }
    }

    @Test
    void bigOutputOnBothStreamsDoesNotDeadlock() throws HostException {
        String command = "head -c 3000000 /dev/zero | tr '\\0' e >&2 & head -c 6000000 /dev/zero | tr '\\0' o; wait";
        try (SshHostShell hub = connect()) {
            ExecResult r = hub.exec(command, Duration.ofSeconds(15));
            assertThat(r.exitCode()).isZero();
            assertThat(r.stdout()).hasSize(6_000_000);
            assertThat(r.stderr()).hasSize(3_000_000);
        }
    }

    @Test
    void timeoutStopsTheCommandAndTheConnectionStaysUsable() throws Exception {
        Path pidFile = tmp.resolve("pid");
        try (SshHostShell hub = connect()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> hub.exec("echo $$ > " + pidFile + "; exec sleep 30", Duration.ofSeconds(1)))
                    .isInstanceOf(HostException.class)
                    .satisfies(e -> assertThat(((HostException) e).kind()).isEqualTo(Kind.TIMEOUT))
                    .hasMessageContaining("hub")
                    .hasMessageContaining("`echo` did not finish within 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));

            // the channel was closed, so the server stopped the command
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            assertThat(hub.exec("echo still here", TEN_SECONDS).out()).isEqualTo("still here\n");
        }
    }

    @Test
    void concurrentCommandsShareOneConnection() throws Exception {
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (SshHostShell hub = connect()) {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        String input = "thread " + id + " round " + i;
                        ExecResult r = hub.exec("cat; echo \" done " + id + "\"",
                                input.getBytes(StandardCharsets.UTF_8), TEN_SECONDS);
                        assertThat(r.out()).isEqualTo(input + " done " + id + "\n");
                    }
                    return null;
                }));
            }
            for (Future<?> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void commandEchoSeesEachCommandButNotStdin() throws HostException {
        List<String> echoed = new CopyOnWriteArrayList<>();
        options = options.withCommandEcho((host, command) -> echoed.add("[#] " + host + ": " + command));
        try (SshHostShell hub = connect()) {
            hub.exec("cat >/dev/null", "secret".getBytes(StandardCharsets.UTF_8), TEN_SECONDS);
            hub.exec("true", TEN_SECONDS);
        }
        assertThat(echoed).containsExactly("[#] hub: cat >/dev/null", "[#] hub: true");
    }

    @Test
    void execAfterCloseIsAConnectError() throws HostException {
        SshHostShell hub = connect();
        hub.close();
        hub.close();
        assertThat(hub.isConnected()).isFalse();
        assertThatThrownBy(() -> hub.exec("true", TEN_SECONDS))
                .isInstanceOf(HostException.class)
                .satisfies(e -> assertThat(((HostException) e).kind()).isEqualTo(Kind.CONNECT))
                .hasMessageContaining("closed");
    }

    // ---- host keys

    @Test
    void unknownHostKeyIsRefusedWithItsFingerprint() throws IOException {
        Files.delete(knownHosts);
        String fingerprint = TestKeys.fingerprint(server.hostPublicKey());
        assertThat(fingerprint).startsWith("SHA256:");

        assertThatThrownBy(this::connect)
                .isInstanceOf(HostException.class)
                .satisfies(e -> assertThat(((HostException) e).kind()).isEqualTo(Kind.HOST_KEY))
                .hasMessageStartingWith("hub: ")
                .hasMessageContaining("[127.0.0.1]:" + server.port())
                .hasMessageContaining("ED25519 key fingerprint " + fingerprint)
                .hasMessageContaining("accept");
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void keyAcceptedAtThePromptIsRememberedInKnownHosts() throws Exception {
        Files.delete(knownHosts);
        Path sshDir = tmp.resolve("fresh/.ssh");
        knownHosts = sshDir.resolve("known_hosts");
        List<String> asked = new ArrayList<>();
        options = options.withKnownHosts(knownHosts).withHostKeyPrompt((host, type, fingerprint) -> {
            asked.add(host + " " + type + " " + fingerprint);
            return true;
        });
        try (SshHostShell hub = connect()) {
            assertThat(hub.exec("echo hi", TEN_SECONDS).out()).isEqualTo("hi\n");
        }
        assertThat(asked).containsExactly("[127.0.0.1]:" + server.port() + " ED25519 "
                + TestKeys.fingerprint(server.hostPublicKey()));
        // the line is one ssh itself accepts
        String line = Files.readString(knownHosts);
        assertThat(line).startsWith("[127.0.0.1]:" + server.port() + " ssh-ed25519 ");
        assertThat(TestKeys.run(List.of("ssh-keygen", "-F", "[127.0.0.1]:" + server.port(), "-f", knownHosts.toString())))
                .contains("ssh-ed25519");

        options = options.withHostKeyPrompt((host, type, fingerprint) -> fail("asked again about " + host));
        try (SshHostShell hub = connect()) {
            assertThat(hub.exec("echo again", TEN_SECONDS).out()).isEqualTo("again\n");
        }
    }

    @Test
    void changedHostKeyIsRefusedLoudlyWithoutAsking() throws IOException {
        String[] otherKey = Files.readString(TestKeys.pub(keys.stranger)).strip().split("\\s+");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + otherKey[0] + " " + otherKey[1] + "\n");
        options = options.withHostKeyPrompt((host, type, fingerprint) -> fail("asked about a changed key"));

        assertThatThrownBy(this::connect)
                .isInstanceOf(HostException.class)
                .satisfies(e -> assertThat(((HostException) e).kind()).isEqualTo(Kind.HOST_KEY))
                .hasMessageContaining("HAS CHANGED")
                .hasMessageContaining(TestKeys.fingerprint(server.hostPublicKey()))
                .hasMessageContaining("man-in-the-middle")
                .hasMessageContaining("ssh-keygen -R '[127.0.0.1]:" + server.port() + "'");
    }

    @Test
    void hashedKnownHostsEntriesAreRecognised() throws HostException {
        TestKeys.run(List.of("ssh-keygen", "-H", "-f", knownHosts.toString()));
        assertThat(knownHosts).content().startsWith("|1|");
        try (SshHostShell hub = connect()) {
            assertThat(hub.exec("echo ok", TEN_SECONDS).ok()).isTrue();
        }
    }

    // ---- authentication

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void keyTypesOperatorsUse(String type) throws HostException {
        Path key = switch (type) {
            case "ed25519" -> keys.ed25519;
            case "ecdsa" -> keys.ecdsa;
            default -> keys.rsa;
        };
        try (SshHostShell hub = SshHostShell.connect(server.target("hub", key), options)) {
            assertThat(hub.exec("echo " + type, TEN_SECONDS).out()).isEqualTo(type + "\n");
        }
    }

    @Test
    void refusedKeyIsAnAuthErrorNamingUserAndKeysButNoKeyMaterial() throws IOException {
        Path missing = tmp.resolve("no_such_key");
        SshTarget target = SshTarget.of("hub", "127.0.0.1", server.port(), "wgtui", List.of(missing, keys.stranger));

        HostException e = catchHostException(() -> SshHostShell.connect(target, options));

        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage())
                .startsWith("hub: ")
                .contains("wgtui@127.0.0.1:" + server.port())
                .contains("keys refused: " + keys.stranger)
                .contains(missing + " (not found)");
        for (String line : Files.readAllLines(keys.stranger)) {
            if (!line.startsWith("-----")) {
                assertThat(e.getMessage()).doesNotContain(line);
            }
        }
    }

    @Test
    void encryptedKeyIsUnlockedByThePassphrasePrompt() throws HostException {
        List<Path> asked = new ArrayList<>();
        options = options.withPassphrasePrompt(file -> {
            asked.add(file);
            return TestKeys.PASSPHRASE.toCharArray();
        });
        try (SshHostShell hub = SshHostShell.connect(server.target("hub", keys.encryptedEd25519), options)) {
            assertThat(hub.exec("echo unlocked", TEN_SECONDS).out()).isEqualTo("unlocked\n");
        }
        assertThat(asked).containsExactly(keys.encryptedEd25519);
    }

    @Test
    void keysWithoutPassphraseAreTriedBeforeAskingForOne() throws HostException {
        AtomicInteger asked = new AtomicInteger();
        options = options.withPassphrasePrompt(file -> {
            asked.incrementAndGet();
            return TestKeys.PASSPHRASE.toCharArray();
        });
        SshTarget target = SshTarget.of("hub", "127.0.0.1", server.port(), "wgtui",
                List.of(keys.encryptedEd25519, keys.ecdsa));
        try (SshHostShell hub = SshHostShell.connect(target, options)) {
            assertThat(hub.exec("true", TEN_SECONDS).ok()).isTrue();
        }
        assertThat(asked).hasValue(0);
    }

    @Test
    void encryptedKeyWithoutOrWithWrongPassphraseIsSkipped() {
        SshTarget target = server.target("hub", keys.encryptedEd25519);

        HostException none = catchHostException(() -> SshHostShell.connect(target, options));
        assertThat(none.kind()).isEqualTo(Kind.AUTH);
        assertThat(none.getMessage()).contains(keys.encryptedEd25519 + " (encrypted; no passphrase given)");

        AtomicInteger asked = new AtomicInteger();
        SshOptions wrong = options.withPassphrasePrompt(file -> {
            asked.incrementAndGet();
            return "not it".toCharArray();
        });
        HostException bad = catchHostException(() -> SshHostShell.connect(target, wrong));
        assertThat(bad.kind()).isEqualTo(Kind.AUTH);
        assertThat(bad.getMessage()).contains("(encrypted; wrong passphrase)").doesNotContain("not it");
        assertThat(asked).hasValue(3);
    }

    // ---- reaching the host

    @Test
    void refusedPortIsAConnectError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SshTarget target = SshTarget.of("hub", "127.0.0.1", port, "wgtui", List.of(keys.ed25519));

        HostException e = catchHostException(() -> SshHostShell.connect(target, options));

        assertThat(e.kind()).isEqualTo(Kind.CONNECT);
        assertThat(e.getMessage()).startsWith("hub: ").contains("127.0.0.1:" + port).contains("refused");
    }

    @Test
    void unresolvableNameIsAConnectError() {
        SshTarget target = SshTarget.of("hub", "no-such-host.invalid", 22, "wgtui", List.of(keys.ed25519));

        HostException e = catchHostException(() -> SshHostShell.connect(target, options));

        assertThat(e.kind()).isEqualTo(Kind.CONNECT);
        assertThat(e.getMessage()).contains("cannot resolve host name 'no-such-host.invalid'");
    }

    @Test
    void silentServerIsATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            // accepts the TCP connection (backlog) but never speaks SSH
            SshTarget target = SshTarget.of("hub", "127.0.0.1", silent.getLocalPort(), "wgtui", List.of(keys.ed25519))
                    .withConnectTimeout(Duration.ofSeconds(1));
            long start = System.nanoTime();

            HostException e = catchHostException(() -> SshHostShell.connect(target, options));

            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("no answer from 127.0.0.1:" + silent.getLocalPort() + " within 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    interface Connect {
        Object run() throws Exception;
    }

    static HostException catchHostException(Connect connect) {
        try {
            Object shell = connect.run();
            if (shell instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing
                }
            }
        } catch (HostException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a HostException, got " + e, e);
        }
        throw new AssertionError("expected a HostException, but it connected");
    }
}
