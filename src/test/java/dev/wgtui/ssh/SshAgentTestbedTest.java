package dev.wgtui.ssh;

import static dev.wgtui.ssh.SshHostShellTest.catchHostException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostException.Kind;
import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh-agent against the testbed's real OpenSSH sshd (9.x, which refuses SHA-1 RSA
 * signatures): root and the sudo user wgtuser, directly and through a jump host, a forwarded
 * agent ({@code ssh -A}) on a jump host, several keys against MaxAuthTries, and the same
 * configurations given to OpenSSH's own ssh, which must succeed or fail alike. The operator key
 * lives only in the agent: the targets name no file that holds it.
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SshAgentTestbedTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final String HUB = TestbedExtension.HUB;
    private static final String JUMP = "k8s-proxy";

    @TempDir
    Path tmp;

    private Testbed bed;
    private SshOptions options;
    private final TestKeys keys = TestKeys.get();
    private final List<AutoCloseable> started = new ArrayList<>();
    /** The operator key's public half, its private half removed: the key is the agent's only. */
    private Path operatorPub;

    @BeforeEach
    void setUp(Testbed bed) throws IOException {
        this.bed = bed;
        options = SshOptions.defaults().withKnownHosts(bed.knownHosts()).withConnectTimeout(Duration.ofSeconds(10))
                .withPassphrasePrompt(file -> {
                    throw new AssertionError("asked for the passphrase of " + file);
                });
        Path dir = Files.createDirectories(tmp.resolve("operator"));
        operatorPub = dir.resolve("id_ed25519");
        Files.copy(bed.dir().resolve("operator/id_ed25519.pub"), TestKeys.pub(operatorPub));
        AgentKeys.forgetUnresponsive();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    /** An agent holding {@code before}, then the operator key (from a copy deleted once added), then {@code after}. */
    private TestAgent agentWithOperatorKey(List<Path> before, List<Path> after) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "a");
        TestAgent agent = TestAgent.start(dir);
        started.add(agent);
        before.forEach(agent::add);
        Path copy = dir.resolve("operator_key");
        Files.copy(bed.operatorKey(), copy);
        agent.add(copy);
        Files.delete(copy);
        after.forEach(agent::add);
        return agent;
    }

    private TestAgent agentWithOperatorKey() throws IOException {
        return agentWithOperatorKey(List.of(), List.of());
    }

    private SshTarget target(String host, String user, TestAgent agent, Path... files) {
        return SshTarget.of(host, bed.host(host).underlayIp(), 22, user, List.of(files))
                .withIdentityAgent(IdentityAgent.at(agent.socket(), "SSH_AUTH_SOCK"));
    }

    private String run(SshTarget target, String command) throws HostException {
        try (SshHostShell shell = SshHostShell.connect(target, options)) {
            ExecResult r = shell.exec(command, TEN_SECONDS);
            assertThat(r.exitCode()).as(r.err()).isZero();
            return r.out();
        }
    }

    @Test
    void rootAndTheSudoUserWithTheAgentAlone() throws Exception {
        TestAgent agent = agentWithOperatorKey();
        Path removed = tmp.resolve("id_removed");

        assertThat(run(target(HUB, "root", agent, removed), "id -un; hostname")).isEqualTo("root\nk8s\n");
        assertThat(run(target(HUB, "wgtuser", agent, removed), "id -un; sudo -n id -u")).isEqualTo("wgtuser\n0\n");
    }

    @Test
    void throughAJumpHostTheAgentSignsForTheJumpHostAndTheHub() throws Exception {
        TestAgent agent = agentWithOperatorKey();
        for (String user : List.of("root", "wgtuser")) {
            SshTarget target = target(HUB, user, agent, operatorPub).withIdentitiesOnly(true)
                    .via(target(JUMP, user, agent));

            String out = run(target, "hostname; echo $SSH_CONNECTION");

            // the hub sees the connection come from the jump host, not from this machine
            assertThat(out).startsWith("k8s\n" + bed.host(JUMP).underlayIp() + " ");
        }
        assertThat(sshdLog(JUMP)).contains("Accepted publickey for wgtuser");
        assertThat(sshdLog(HUB)).contains("Accepted publickey for wgtuser from " + bed.host(JUMP).underlayIp());
    }

    @Test
    void rsaAndEcdsaAgentKeysWithOpenSshWhichRefusesSha1() throws Exception {
        authorize("cm4", "root", keys.rsa, keys.ecdsa);
        for (Path key : List.of(keys.rsa, keys.ecdsa)) {
            TestAgent agent = TestAgent.start(Files.createTempDirectory(tmp, "k"));
            started.add(agent.add(key));

            assertThat(run(target("cm4", "root", agent), "id -un")).isEqualTo("root\n");

            assertThat(sshdLog("cm4")).contains("Accepted publickey for root")
                    .contains(TestKeys.fingerprint(TestKeys.pub(key)));
        }
        // this sshd takes no SHA-1 RSA signature, so the agent signed with rsa-sha2
        assertThat(sshdLog("cm4")).containsPattern("Accepted publickey for root .*RSA SHA256:");
        String effective = TestKeys.run(List.of("/usr/sbin/sshd", "-T", "-f",
                bed.dir().resolve("cm4/sshd_config").toString()));
        String accepted = effective.lines().filter(l -> l.startsWith("pubkeyacceptedalgorithms ")).findFirst()
                .orElseThrow();
        assertThat(List.of(accepted.substring("pubkeyacceptedalgorithms ".length()).split(",")))
                .contains("rsa-sha2-512").doesNotContain("ssh-rsa");
    }

    @Test
    void aForwardedAgentOnAJumpHostIsTheSameProtocol() throws Exception {
        TestAgent agent = agentWithOperatorKey();
        // an operator's `ssh -A wgtuser@jump`: the agent is forwarded to a socket on the jump host
        List<String> argv = new ArrayList<>(bed.sshCommand("wgtuser", JUMP,
                "echo \"$SSH_AUTH_SOCK $$\"; exec sleep 60"));
        argv.replaceAll(a -> a.equals("IdentityAgent=none") ? "IdentityAgent=" + agent.socket() : a);
        argv.add(1, "-A");
        Process ssh = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(() -> {
            ssh.destroy();
            ssh.waitFor(5, TimeUnit.SECONDS);
        });
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(ssh.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        String[] fields = line.strip().split(" ");
        assertThat(fields).as("`ssh -A` printed: %s", line).hasSize(2);
        // that socket seen from here: through the jump host's own mount namespace (its /tmp is private)
        Path forwarded = Path.of("/proc", fields[1], "root", fields[0]);
        assertThat(forwarded).exists();

        SshTarget hub = SshTarget.of(HUB, bed.host(HUB).underlayIp(), 22, "root", List.of())
                .withIdentityAgent(IdentityAgent.at(forwarded, "SSH_AUTH_SOCK"));

        assertThat(run(hub, "hostname")).isEqualTo("k8s\n");
    }

    @Test
    void moreKeysThanTheServerTakesFailsClearlyAndIdentitiesOnlyFixesIt() throws Exception {
        List<Path> strangers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            strangers.add(TestKeys.keygen(tmp.resolve("stranger" + i), "ed25519", ""));
        }
        TestAgent agent = agentWithOperatorKey(strangers, List.of());

        HostException e = catchHostException(() -> SshHostShell.connect(target(HUB, "root", agent), options));
        // like ssh, wgtui offers the agent's keys in its order; sshd hangs up after MaxAuthTries (6)
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.CONNECT);
        assertThat(e.getMessage()).startsWith("k8s: the connection to root@" + bed.host(HUB).underlayIp()
                        + ":22 failed during authentication: ")
                .contains(" keys were refused; a server takes only a few (MaxAuthTries): with many keys in the"
                        + " agent, name this host's key with IdentityFile and set IdentitiesOnly yes)");

        assertThat(run(target(HUB, "root", agent, operatorPub).withIdentitiesOnly(true), "id -un"))
                .isEqualTo("root\n");
    }

    @Test
    void anAgentWithoutTheKeyFallsBackToTheFileAndFailingThatSaysWhatWasTried() throws Exception {
        TestAgent agent = TestAgent.start(Files.createTempDirectory(tmp, "s"));
        started.add(agent.add(keys.stranger, keys.ecdsa));

        assertThat(run(target(HUB, "wgtuser", agent, bed.operatorKey()), "id -un")).isEqualTo("wgtuser\n");

        HostException e = catchHostException(() ->
                SshHostShell.connect(target(HUB, "wgtuser", agent, keys.rsa), options));
        assertThat(e.kind()).isEqualTo(Kind.AUTH);
        assertThat(e.getMessage()).startsWith("k8s: authentication as wgtuser@" + bed.host(HUB).underlayIp()
                + ":22 failed; agent " + agent.socket() + " (SSH_AUTH_SOCK): 2 keys, none accepted (ED25519 "
                + TestKeys.fingerprint(TestKeys.pub(keys.stranger)) + " refused; ECDSA "
                + TestKeys.fingerprint(TestKeys.pub(keys.ecdsa)) + " refused); keys refused: " + keys.rsa);
    }

    @Test
    void aStaleAgentSocketIsSkipped() throws Exception {
        TestAgent agent = agentWithOperatorKey();
        agent.killLeavingItsSocket();

        assertThat(run(target(HUB, "root", agent, bed.operatorKey()), "id -un")).isEqualTo("root\n");

        HostException e = catchHostException(() -> SshHostShell.connect(target(HUB, "root", agent), options));
        assertThat(e.getMessage()).contains("(SSH_AUTH_SOCK): nothing listens on it (connection refused;");
    }

    @Test
    void theCommandLineTakesTheAgentFromItsEnvironment() throws Exception {
        TestAgent agent = agentWithOperatorKey();
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path inventory = Files.writeString(tmp.resolve("inventory.yml"), "all:\n  vars:\n    ansible_user: wgtuser\n"
                + "    ansible_become: true\n  children:\n    control_plane:\n      hosts:\n        k8s:\n"
                + "          ansible_host: " + bed.host(HUB).underlayIp() + "\n          wireguard_ip: 10.0.0.20\n");

        WgtuiRun withAgent = wgtui(home, Map.of("SSH_AUTH_SOCK", agent.socket().toString()), inventory, "backups");
        assertThat(withAgent.exit()).as(withAgent.output()).isZero();

        WgtuiRun without = wgtui(home, Map.of(), inventory, "backups");
        assertThat(without.exit()).as(without.output()).isEqualTo(4);
        assertThat(without.output()).contains("authentication as wgtuser@" + bed.host(HUB).underlayIp()
                + ":22 failed; agent: none (SSH_AUTH_SOCK is not set)");
    }

    private record WgtuiRun(int exit, String output) {}

    /** wgtui in a JVM of its own, with {@code env} as its only SSH_AUTH_SOCK and {@code home} as its home. */
    private WgtuiRun wgtui(Path home, Map<String, String> env, Path inventory, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), "dev.wgtui.Main",
                "-i", inventory.toString(), "--known-hosts", bed.knownHosts().toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("wgtui did not finish: " + out);
        }
        return new WgtuiRun(p.exitValue(), out);
    }

    /**
     * The same ssh_config and environment given to OpenSSH's ssh and to wgtui: both get in, or
     * both are refused.
     */
    @Test
    void agentSettingsWorkAsTheyDoForOpenSsh() throws Exception {
        TestAgent agent = agentWithOperatorKey();
        String sock = agent.socket().toString();
        String ip = bed.host(HUB).underlayIp();
        Map<String, String> withSock = Map.of("SSH_AUTH_SOCK", sock);
        Map<String, String> otherVar = Map.of("OPERATOR_AGENT", sock);
        record Case(String config, Map<String, String> env, boolean in) {}
        List<Case> cases = List.of(
                new Case("IdentityFile " + tmp.resolve("none"), withSock, true),
                new Case("IdentityAgent none\n  IdentityFile " + tmp.resolve("none"), withSock, false),
                new Case("IdentityAgent SSH_AUTH_SOCK\n  IdentityFile " + keys.stranger, withSock, true),
                new Case("IdentitiesOnly yes\n  IdentityFile " + keys.stranger, withSock, false),
                new Case("IdentitiesOnly yes\n  IdentityFile " + operatorPub, withSock, true),
                new Case("IdentitiesOnly yes\n  IdentityFile " + TestKeys.pub(operatorPub), withSock, true),
                new Case("IdentityAgent $OPERATOR_AGENT\n  IdentityFile " + keys.stranger, otherVar, true),
                new Case("IdentityAgent ${OPERATOR_AGENT}\n  IdentityFile " + keys.stranger, otherVar, true),
                new Case("IdentityFile " + keys.stranger, otherVar, false),
                new Case("IdentityAgent " + sock + "\n  IdentityFile " + keys.stranger, Map.of(), true));
        for (Case c : cases) {
            Path config = tmp.resolve("config");
            Files.writeString(config, "Host hub\n  HostName " + ip + "\n  User root\n  " + c.config() + "\n");

            boolean openssh = openSsh(config, c.env());
            SshTarget target = new SshTargets(tmp, "root", c.env()).resolve("hub", Map.of(), OpenSshConfig.load(config));
            boolean wgtui;
            try (SshHostShell shell = SshHostShell.connect(target, options)) {
                wgtui = shell.exec("true", TEN_SECONDS).ok();
            } catch (HostException e) {
                assertThat(e.kind()).as(e.getMessage()).isEqualTo(Kind.AUTH);
                wgtui = false;
            }

            assertThat(openssh).as("OpenSSH with %s %s", c.config(), c.env().keySet()).isEqualTo(c.in());
            assertThat(wgtui).as("wgtui with %s %s", c.config(), c.env().keySet()).isEqualTo(c.in());
        }
    }

    private boolean openSsh(Path config, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("ssh", "-F", config.toString(),
                "-o", "UserKnownHostsFile=" + bed.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                "hub", "true").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> e = pb.environment();
        e.remove("SSH_AUTH_SOCK");
        e.putAll(env);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ssh did not finish");
        }
        return p.exitValue() == 0;
    }

    private void authorize(String host, String user, Path... keysToAdd) throws IOException {
        Path file = bed.dir().resolve(host).resolve("authorized_keys").resolve(user);
        for (Path key : keysToAdd) {
            Files.writeString(file, Files.readString(TestKeys.pub(key)), StandardOpenOption.APPEND);
        }
    }

    private String sshdLog(String host) throws IOException {
        return Files.readString(bed.dir().resolve(host).resolve("sshd.log"));
    }
}
