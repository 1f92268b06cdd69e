package dev.wgtui.ssh;

import static dev.wgtui.ssh.SshHostShellTest.catchHostException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostException.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A hub reached through a jump host (ProxyJump): two embedded servers, the first forwarding. */
@Timeout(20)
class SshJumpHostTest {

    @RegisterExtension
    static final SshServerExtension bastion = SshServerExtension.allowingForwarding();

    @RegisterExtension
    static final SshServerExtension hub = SshServerExtension.plain();

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private final TestKeys keys = TestKeys.get();
    private Path knownHosts;
    private SshOptions options;

    @BeforeEach
    void trustBoth() throws IOException {
        knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, bastion.knownHostsLine() + hub.knownHostsLine());
        options = SshOptions.defaults().withKnownHosts(knownHosts).withConnectTimeout(Duration.ofSeconds(5));
    }

    private SshTarget hubViaBastion() {
        return hub.target("hub", keys.ed25519).via(bastion.target("bastion", keys.ecdsa));
    }

    @Test
    void commandsRunOnTheTargetThroughTheJumpHost() throws HostException {
        bastion.forwardedTo().clear();
        try (SshHostShell shell = SshHostShell.connect(hubViaBastion(), options)) {
            assertThat(shell.exec("echo through", TEN_SECONDS).out()).isEqualTo("through\n");
            assertThat(shell.exec("cat", "x".repeat(100_000).getBytes(), TEN_SECONDS).stdout()).hasSize(100_000);
        }
        assertThat(bastion.forwardedTo()).containsExactly("127.0.0.1:" + hub.port());
    }

    @Test
    void resolvedFromInventoryVarsAndConnected() throws IOException, HostException {
        // the jump host gets no -i from the inventory: it uses the (fake) home's default key
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(keys.rsa, home.resolve(".ssh/id_rsa"));
        Map<String, Object> vars = Map.of(
                "ansible_host", "127.0.0.1",
                "ansible_port", hub.port(),
                "ansible_user", "wgtui",
                "ansible_ssh_private_key_file", keys.ed25519.toString(),
                "ansible_ssh_common_args", "-o ProxyJump=wgtui@127.0.0.1:" + bastion.port());
        SshTarget target = new SshTargets(home, "operator").resolve("hub", vars, OpenSshConfig.empty());

        try (SshHostShell shell = SshHostShell.connect(target, options)) {
            assertThat(shell.exec("echo resolved", TEN_SECONDS).out()).isEqualTo("resolved\n");
        }
    }

    @Test
    void jumpHostKeyIsVerifiedToo() throws IOException {
        Files.writeString(knownHosts, hub.knownHostsLine());

        HostException e = catchHostException(() -> SshHostShell.connect(hubViaBastion(), options));

        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY);
        assertThat(e.getMessage())
                .startsWith("hub: jump host bastion: ")
                .contains("[127.0.0.1]:" + bastion.port())
                .contains(TestKeys.fingerprint(bastion.hostPublicKey()));
    }

    @Test
    void targetKeyBehindTheJumpHostIsVerifiedAndCanBeAccepted() throws IOException, HostException {
        Files.writeString(knownHosts, bastion.knownHostsLine());

        HostException e = catchHostException(() -> SshHostShell.connect(hubViaBastion(), options));
        assertThat(e.kind()).isEqualTo(Kind.HOST_KEY);
        assertThat(e.getMessage()).startsWith("hub: the host key of [127.0.0.1]:" + hub.port())
                .contains(TestKeys.fingerprint(hub.hostPublicKey()));

        List<String> asked = new ArrayList<>();
        SshOptions accepting = options.withHostKeyPrompt((host, type, fingerprint) -> asked.add(host));
        try (SshHostShell shell = SshHostShell.connect(hubViaBastion(), accepting)) {
            assertThat(shell.exec("true", TEN_SECONDS).ok()).isTrue();
        }
        assertThat(asked).containsExactly("[127.0.0.1]:" + hub.port());
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + hub.port() + " ssh-ed25519 ");
    }

    @Test
    void jumpHostThatCannotReachTheTargetIsAConnectError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SshTarget target = SshTarget.of("hub", "127.0.0.1", closedPort, "wgtui", List.of(keys.ed25519))
                .via(bastion.target("bastion", keys.ecdsa));

        HostException e = catchHostException(() -> SshHostShell.connect(target, options));

        assertThat(e.kind()).isEqualTo(Kind.CONNECT);
        assertThat(e.getMessage()).startsWith("hub: ")
                .contains("could not open a connection to 127.0.0.1:" + closedPort);
    }
}
