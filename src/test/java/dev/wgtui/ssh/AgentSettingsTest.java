package dev.wgtui.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which agent and which keys, resolved as ssh resolves them: IdentityAgent (none, SSH_AUTH_SOCK,
 * $VAR, a path with ~, ${VAR} and % tokens), SSH_AUTH_SOCK otherwise, IdentitiesOnly, from
 * {@code -o} in the inventory and from {@code ~/.ssh/config}, each hop on its own.
 */
@Timeout(10)
class AgentSettingsTest {

    @TempDir
    Path home;

    private static final Map<String, String> ENV = Map.of("SSH_AUTH_SOCK", "/run/user/1000/agent.sock",
            "OTHER_SOCK", "/tmp/other.sock", "XDG_RUNTIME_DIR", "/run/user/1000");

    private SshTargets targets(Map<String, String> env) {
        return new SshTargets(home, "operator", env);
    }

    private OpenSshConfig config(String text) throws IOException {
        return OpenSshConfig.parse(text, home.resolve(".ssh/config"));
    }

    private SshTarget resolve(Map<String, String> env, String configText, Map<String, Object> vars) throws IOException {
        return targets(env).resolve("hub", vars, config(configText));
    }

    @Test
    void withoutIdentityAgentTheAgentIsSshAuthSock() throws IOException {
        SshTarget t = resolve(ENV, "", Map.of());
        assertThat(t.identityAgent()).isEqualTo(IdentityAgent.at(Path.of("/run/user/1000/agent.sock"), "SSH_AUTH_SOCK"));
        assertThat(t.identitiesOnly()).isFalse();

        assertThat(resolve(Map.of(), "", Map.of()).identityAgent())
                .isEqualTo(IdentityAgent.none("SSH_AUTH_SOCK is not set"));
        assertThat(resolve(Map.of("SSH_AUTH_SOCK", ""), "", Map.of()).identityAgent().socket()).isEmpty();
        // the plain constructor reads no environment: tests and callers get no agent by surprise
        assertThat(new SshTargets(home, "operator").resolve("hub", Map.of(), OpenSshConfig.empty())
                .identityAgent().socket()).isEmpty();
    }

    @Test
    void identityAgentValuesAsSshReadsThem() throws IOException {
        assertThat(agentFor("IdentityAgent none")).isEqualTo(IdentityAgent.none("IdentityAgent none"));
        assertThat(agentFor("IdentityAgent SSH_AUTH_SOCK").socket()).hasValue(Path.of("/run/user/1000/agent.sock"));
        assertThat(agentFor("IdentityAgent $OTHER_SOCK"))
                .isEqualTo(IdentityAgent.at(Path.of("/tmp/other.sock"), "OTHER_SOCK"));
        assertThat(agentFor("IdentityAgent $UNSET_SOCK")).isEqualTo(IdentityAgent.none("UNSET_SOCK is not set"));
        assertThat(agentFor("IdentityAgent /run/agent.sock"))
                .isEqualTo(IdentityAgent.at(Path.of("/run/agent.sock"), "IdentityAgent /run/agent.sock"));
        assertThat(agentFor("IdentityAgent ~/.1password/agent.sock").socket())
                .hasValue(home.resolve(".1password/agent.sock"));
        assertThat(agentFor("IdentityAgent ${XDG_RUNTIME_DIR}/gnupg/S.gpg-agent.ssh").socket())
                .hasValue(Path.of("/run/user/1000/gnupg/S.gpg-agent.ssh"));
        assertThat(agentFor("IdentityAgent \"/tmp/agent %r@%h:%p %n %u %d %%\"").socket())
                .hasValue(Path.of("/tmp/agent root@10.0.0.20:2222 hub.lab operator " + home + " %"));
    }

    private IdentityAgent agentFor(String line) throws IOException {
        String text = "Host hub.lab\n  HostName 10.0.0.20\n  Port 2222\n  User root\n  " + line + "\n";
        return targets(ENV).resolve("hub", Map.of("ansible_host", "hub.lab"), config(text)).identityAgent();
    }

    @Test
    void tokensThatNameTheLocalMachine() throws Exception {
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        String uid = String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest((hostname + "10.0.0.20" + "2222" + "root").getBytes(StandardCharsets.UTF_8)));

        assertThat(agentFor("IdentityAgent /s/%i/%l/%L/%C").socket())
                .hasValue(Path.of("/s", uid, hostname, hostname.split("\\.")[0], hash));
        // ssh itself agrees on %C
        String sshC = TestKeys.run(List.of("ssh", "-G", "-F", "/dev/null", "-o", "IdentityAgent=%C",
                "-p", "2222", "-l", "root", "10.0.0.20")).lines()
                .filter(l -> l.startsWith("identityagent ")).findFirst().orElseThrow();
        assertThat(sshC).isEqualTo("identityagent " + hash);
    }

    @Test
    void rootsHomeByName() throws IOException {
        assertThat(agentFor("IdentityAgent ~root/agent.sock").socket())
                .hasValue(Path.of(LocalUser.homeOf("root").orElseThrow().toString(), "agent.sock"));
        assertThatThrownBy(() -> agentFor("IdentityAgent ~no-such-user-here/agent.sock"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host hub: IdentityAgent '~no-such-user-here/agent.sock': no such user no-such-user-here");
    }

    @Test
    void anUnsetVariableOrAnUnknownTokenIsAnErrorNamingTheHost() {
        assertThatThrownBy(() -> agentFor("IdentityAgent ${NOT_SET_HERE}/agent.sock"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host hub: IdentityAgent '${NOT_SET_HERE}/agent.sock': environment variable NOT_SET_HERE"
                        + " is not set");
        assertThatThrownBy(() -> agentFor("IdentityAgent /tmp/%t"))
                .hasMessage("host hub: IdentityAgent '/tmp/%t': unknown token %t");
    }

    @Test
    void badValuesInTheConfigAreRefusedWithFileAndLine() {
        assertThatThrownBy(() -> config("Host *\n  IdentitiesOnly maybe\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(home.resolve(".ssh/config") + ":2: IdentitiesOnly 'maybe' is not yes or no");
        assertThatThrownBy(() -> config("Host *\n  IdentityAgent ${UNCLOSED\n"))
                .hasMessage(home.resolve(".ssh/config") + ":2: IdentityAgent '${UNCLOSED': invalid environment expansion");
        assertThatThrownBy(() -> config("Host *\n  IdentityAgent $1BAD\n"))
                .hasMessage(home.resolve(".ssh/config") + ":2: IdentityAgent '$1BAD': invalid environment variable name");
    }

    @Test
    void firstValueWinsAndTheInventoryWinsOverTheConfig() throws IOException {
        String text = """
                Host hub
                    IdentityAgent /first.sock
                    IdentitiesOnly yes
                Host *
                    IdentityAgent /second.sock
                    IdentitiesOnly no
                """;
        SshTarget fromConfig = resolve(ENV, text, Map.of());
        assertThat(fromConfig.identityAgent().socket()).hasValue(Path.of("/first.sock"));
        assertThat(fromConfig.identitiesOnly()).isTrue();

        SshTarget fromArgs = resolve(ENV, text, Map.of("ansible_ssh_common_args",
                "-o IdentityAgent=none -o IdentitiesOnly=no"));
        assertThat(fromArgs.identityAgent().socket()).isEmpty();
        assertThat(fromArgs.identitiesOnly()).isFalse();

        SshTarget onlyFromArgs = resolve(ENV, "", Map.of("ansible_ssh_extra_args", "-o 'IdentitiesOnly yes'"));
        assertThat(onlyFromArgs.identitiesOnly()).isTrue();
        assertThatThrownBy(() -> resolve(ENV, "", Map.of("ansible_ssh_common_args", "-o IdentitiesOnly=sometimes")))
                .hasMessageContaining("IdentitiesOnly 'sometimes' is not yes or no");
    }

    @Test
    void eachJumpHostHasItsOwnAgentSettingsFromTheConfig() throws IOException {
        String text = """
                Host bastion
                    HostName 203.0.113.7
                    IdentityAgent ~/bastion-agent.sock
                    IdentitiesOnly yes
                    IdentityFile ~/.ssh/bastion_key.pub
                Host hub
                    ProxyJump bastion
                """;
        SshTarget hub = resolve(ENV, text, Map.of());
        SshTarget bastion = hub.jump().orElseThrow();

        assertThat(hub.identityAgent().socket()).hasValue(Path.of("/run/user/1000/agent.sock"));
        assertThat(hub.identitiesOnly()).isFalse();
        assertThat(bastion.identityAgent().socket()).hasValue(home.resolve("bastion-agent.sock"));
        assertThat(bastion.identitiesOnly()).isTrue();
        assertThat(bastion.identityFiles()).containsExactly(home.resolve(".ssh/bastion_key.pub"));
    }

    @Test
    void identityFilesExpandVariablesToo() throws IOException {
        SshTarget t = resolve(Map.of("KEYS", "/srv/keys"), "Host *\n  IdentityFile ${KEYS}/%r.key\n",
                Map.of("ansible_user", "admin"));
        assertThat(t.identityFiles()).containsExactly(Path.of("/srv/keys/admin.key"));
    }

    @Test
    void aDefaultKeyWhosePrivateHalfIsOnlyInTheAgentIsStillItsIdentity() throws IOException {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_ecdsa.pub"), "ecdsa-sha2-nistp256 AAAA x\n");
        Files.writeString(home.resolve(".ssh/id_rsa"), "x");

        SshTarget t = resolve(ENV, "", Map.of());

        assertThat(t.identityFiles()).containsExactly(home.resolve(".ssh/id_ecdsa"), home.resolve(".ssh/id_rsa"));
    }

    @Test
    void targetsMadeInCodeUseNoAgentUnlessGivenOne() {
        SshTarget t = SshTarget.of("hub", "10.0.0.20", 22, "root", List.of());
        assertThat(t.identityAgent().socket()).isEqualTo(Optional.empty());
        SshTarget with = t.withIdentityAgent(IdentityAgent.at(Path.of("/a.sock"), "test")).withIdentitiesOnly(true);
        SshTarget viaJump = with.via(SshTarget.of("j", "10.0.0.1", 22, "root", List.of()));
        assertThat(viaJump.identityAgent().socket()).hasValue(Path.of("/a.sock"));
        assertThat(viaJump.identitiesOnly()).isTrue();
        assertThat(viaJump.withConnectTimeout(java.time.Duration.ofSeconds(3)).identitiesOnly()).isTrue();
    }
}
