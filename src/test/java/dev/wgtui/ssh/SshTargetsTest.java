package dev.wgtui.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SshTargetsTest {

    @TempDir
    Path home;

    private SshTargets targets;

    @BeforeEach
    void setUp() {
        targets = new SshTargets(home, "operator");
    }

    private OpenSshConfig config(String text) throws IOException {
        return OpenSshConfig.parse(text, home.resolve(".ssh/config"));
    }

    @Test
    void bareInventoryHostGetsSshDefaults() throws IOException {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_rsa"), "x");
        Files.writeString(home.resolve(".ssh/id_ed25519"), "x");

        SshTarget t = targets.resolve("cm4", Map.of(), OpenSshConfig.empty());

        assertThat(t.name()).isEqualTo("cm4");
        assertThat(t.hostname()).isEqualTo("cm4");
        assertThat(t.port()).isEqualTo(22);
        assertThat(t.user()).isEqualTo("operator");
        // in ssh's order, only those that exist
        assertThat(t.identityFiles()).containsExactly(home.resolve(".ssh/id_ed25519"), home.resolve(".ssh/id_rsa"));
        assertThat(t.jump()).isEmpty();
        assertThat(t.connectTimeout()).isEmpty();
    }

    @Test
    void inventoryVarsWinOverSshConfig() throws IOException {
        OpenSshConfig c = config("""
                Host 10.0.0.4
                    HostName 192.168.1.4
                    User configuser
                    Port 2200
                    IdentityFile ~/.ssh/config_key
                """);
        Map<String, Object> vars = Map.of(
                "ansible_host", "10.0.0.4",
                "ansible_port", 2222,
                "ansible_user", "ansibleuser",
                "ansible_ssh_private_key_file", "~/.ssh/inventory_key");

        SshTarget t = targets.resolve("cm4", vars, c);

        // ssh config is matched against ansible_host, as ssh sees it on its command line
        assertThat(t.hostname()).isEqualTo("192.168.1.4");
        assertThat(t.port()).isEqualTo(2222);
        assertThat(t.user()).isEqualTo("ansibleuser");
        assertThat(t.identityFiles()).containsExactly(
                home.resolve(".ssh/inventory_key"), home.resolve(".ssh/config_key"));
    }

    @Test
    void sshConfigFillsWhatTheInventoryLeavesUnset() throws IOException {
        OpenSshConfig c = config("""
                Host cm4
                    HostName %h.lab.example
                    User pi
                    Port 2200
                    IdentityFile ~/.ssh/%r@%h-%p
                    ConnectTimeout 4
                """);

        SshTarget t = targets.resolve("cm4", Map.of("ansible_port", "2022"), c);

        assertThat(t.hostname()).isEqualTo("cm4.lab.example");
        assertThat(t.user()).isEqualTo("pi");
        assertThat(t.port()).isEqualTo(2022);
        assertThat(t.identityFiles()).containsExactly(home.resolve(".ssh/pi@cm4.lab.example-2022"));
        assertThat(t.connectTimeout()).contains(Duration.ofSeconds(4));
    }

    @Test
    void proxyJumpFromCommonArgsWithUserAndPort() throws IOException {
        SshTarget t = targets.resolve("cm4", Map.of(
                "ansible_host", "10.0.0.4",
                "ansible_ssh_common_args", "-o ProxyJump=jumper@bastion.example:2201"), OpenSshConfig.empty());

        SshTarget jump = t.jump().orElseThrow();
        assertThat(jump.hostname()).isEqualTo("bastion.example");
        assertThat(jump.user()).isEqualTo("jumper");
        assertThat(jump.port()).isEqualTo(2201);
        assertThat(jump.jump()).isEmpty();
        assertThat(t.hostname()).isEqualTo("10.0.0.4");
    }

    @Test
    void dashJAndTheJumpHostsOwnSshConfig() throws IOException {
        OpenSshConfig c = config("""
                Host bastion
                    HostName 203.0.113.9
                    User ops
                    IdentityFile ~/.ssh/bastion_key
                """);
        SshTarget t = targets.resolve("cm4", Map.of(
                "ansible_ssh_common_args", "-J bastion",
                "ansible_ssh_private_key_file", "/keys/cm4"), c);

        SshTarget jump = t.jump().orElseThrow();
        assertThat(jump.name()).isEqualTo("bastion");
        assertThat(jump.hostname()).isEqualTo("203.0.113.9");
        assertThat(jump.user()).isEqualTo("ops");
        // the target's key is not given to the jump host, as ssh does not pass -i on
        assertThat(jump.identityFiles()).containsExactly(home.resolve(".ssh/bastion_key"));
        assertThat(t.identityFiles()).containsExactly(Path.of("/keys/cm4"));
    }

    @Test
    void proxyCommandWithSshDashWIsAJump() throws IOException {
        SshTarget t = targets.resolve("cm4", Map.of(
                "ansible_ssh_common_args", "-o ProxyCommand=\"ssh -W %h:%p -q admin@jump.example\" -o StrictHostKeyChecking=yes"),
                OpenSshConfig.empty());

        SshTarget jump = t.jump().orElseThrow();
        assertThat(jump.hostname()).isEqualTo("jump.example");
        assertThat(jump.user()).isEqualTo("admin");
        assertThat(jump.port()).isEqualTo(22);
    }

    @Test
    void proxyCommandWithOptionsAfterTheDestination() throws IOException {
        SshTarget t = targets.resolve("cm4", Map.of(
                "ansible_ssh_common_args", "-o 'ProxyCommand ssh jump.example -p 2200 -l root -W [%h]:%p'"),
                OpenSshConfig.empty());

        SshTarget jump = t.jump().orElseThrow();
        assertThat(jump.hostname()).isEqualTo("jump.example");
        assertThat(jump.user()).isEqualTo("root");
        assertThat(jump.port()).isEqualTo(2200);
    }

    @Test
    void otherProxyCommandsAreRefusedNamingTheHost() {
        assertThatThrownBy(() -> targets.resolve("cm4", Map.of(
                "ansible_ssh_common_args", "-o ProxyCommand='nc -X 5 -x proxy:1080 %h %p'"), OpenSshConfig.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host cm4")
                .hasMessageContaining("ProxyCommand");
    }

    @Test
    void commaListChainsJumpsInOrder() throws IOException {
        SshTarget t = targets.resolve("cm4", Map.of(
                "ansible_ssh_common_args", "-J first@one.example,ssh://second@[2001:db8::2]:2202"),
                OpenSshConfig.empty());

        SshTarget last = t.jump().orElseThrow();
        assertThat(last.hostname()).isEqualTo("2001:db8::2");
        assertThat(last.port()).isEqualTo(2202);
        assertThat(last.user()).isEqualTo("second");
        SshTarget first = last.jump().orElseThrow();
        assertThat(first.hostname()).isEqualTo("one.example");
        assertThat(first.user()).isEqualTo("first");
        assertThat(first.jump()).isEmpty();
        assertThat(t.hops()).containsExactly(first, last, t);
    }

    @Test
    void proxyJumpFromSshConfigChainsThroughTheJumpsOwnProxyJump() throws IOException {
        OpenSshConfig c = config("""
                Host outer
                    ProxyJump none
                Host inner
                    ProxyJump outer
                Host *.lab
                    ProxyJump inner
                """);
        SshTarget t = targets.resolve("cm4", Map.of("ansible_host", "cm4.lab"), c);

        assertThat(t.hops()).extracting(SshTarget::hostname).containsExactly("outer", "inner", "cm4.lab");
    }

    @Test
    void inventoryProxyJumpOverridesSshConfigAndNoneDisablesIt() throws IOException {
        OpenSshConfig c = config("Host *\n  ProxyJump bastion\n");
        SshTarget direct = targets.resolve("cm4", Map.of("ansible_ssh_common_args", "-o ProxyJump=none"), c);
        assertThat(direct.jump()).isEmpty();

        SshTarget viaOther = targets.resolve("cm4", Map.of("ansible_ssh_extra_args", "-J other"), c);
        assertThat(viaOther.jump().orElseThrow().hostname()).isEqualTo("other");
    }

    @Test
    void aJumpHostMatchedByItsOwnWildcardIsReachedDirectly() throws IOException {
        OpenSshConfig c = config("Host *\n  ProxyJump bastion\n");
        SshTarget t = targets.resolve("cm4", Map.of(), c);
        assertThat(t.hops()).extracting(SshTarget::hostname).containsExactly("bastion", "cm4");
    }

    @Test
    void aProxyJumpLoopIsReported() throws IOException {
        OpenSshConfig c = config("""
                Host a
                    ProxyJump b
                Host b
                    ProxyJump a
                """);
        assertThatThrownBy(() -> targets.resolve("a", Map.of(), c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ProxyJump loop");
    }

    @Test
    void optionsInCommonArgsFillWhatVarsLeaveUnset() throws IOException {
        SshTarget t = targets.resolve("cm4", Map.of(
                "ansible_user", "fromvar",
                "ansible_ssh_common_args", "-o User=fromargs -o Port=2022 -i /keys/extra -o ConnectTimeout=3"),
                OpenSshConfig.empty());
        assertThat(t.user()).isEqualTo("fromvar");
        assertThat(t.port()).isEqualTo(2022);
        assertThat(t.identityFiles()).containsExactly(Path.of("/keys/extra"));
        assertThat(t.connectTimeout()).contains(Duration.ofSeconds(3));
    }

    @Test
    void badVarsAreReportedWithTheHostName() {
        assertThatThrownBy(() -> targets.resolve("cm4", Map.of("ansible_port", "ssh"), OpenSshConfig.empty()))
                .hasMessageContaining("host cm4").hasMessageContaining("ansible_port");
        assertThatThrownBy(() -> targets.resolve("cm4", Map.of("ansible_host", "{{ lookup('env','X') }}"),
                OpenSshConfig.empty()))
                .hasMessageContaining("host cm4").hasMessageContaining("Jinja");
    }

    @Test
    void shellSplitHandlesQuotesAndEscapes() {
        assertThat(SshTargets.shellSplit("-o 'A B' -o \"C \\\"D\\\"\" E\\ F", "t"))
                .isEqualTo(List.of("-o", "A B", "-o", "C \"D\"", "E F"));
        assertThat(SshTargets.shellSplit("-o ProxyCommand=\"ssh -W %h:%p -q user@jump\"", "t"))
                .isEqualTo(List.of("-o", "ProxyCommand=ssh -W %h:%p -q user@jump"));
    }
}
