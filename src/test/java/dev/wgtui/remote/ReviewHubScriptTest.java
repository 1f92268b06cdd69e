package dev.wgtui.remote;

import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.plan.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Findings of the adversarial review of issues 8 and 9 (REVIEW.md), each proved with the real
 * remote scripts on a fake hub or worker host ({@link FakeHubHost}). Every test here failed on the
 * branch it was written against; each names its finding.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReviewHubScriptTest {

    @TempDir
    Path root;

    FakeHubHost host;
    RemoteHub hub;
    final String cm4 = FakeHubHost.key();
    final String s2204 = FakeHubHost.key();
    final String hubKey = FakeHubHost.key();

    final Node hubNode = FakeHubHost.HUB_NODE;
    final Node cm4Node = FakeHubHost.CM4_NODE;

    @BeforeEach
    void setUp() {
        host = new FakeHubHost(root);
        hub = host.hub();
    }

    /**
     * Finding R1 (high): the hub's public key that workers are deployed with is taken from
     * /etc/wireguard/privatekey whenever the config mentions that path, even while the interface
     * runs with another key - and a commit keeps the running key (issue 8.2). Every worker then
     * gets a hub peer whose key the hub does not have; the worker check ("the hub is a peer with
     * the overlay") passes, the tunnels never come up.
     */
    @Test
    void r1TheHubsPublicKeyForWorkersIsTheKeyTheHubRunsWithNotAStaleKeyFile() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.keyFile(FakeHubHost.key());   // a key file that is not the running key (rotated on disk, copied, ...)
        host.up(hubKey, old);

        // the apply keeps the running key, so that is the key workers must be given
        hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));
        assertThat(host.runningPrivateKey()).isEqualTo(hubKey);

        assertThat(hub.publicKey()).as("the key RemoteWorkerSetup deploys to workers as the hub's")
                .isEqualTo(FakeHubHost.publicKeyOf(hubKey));
    }

    /**
     * Finding R1 (high), the common layout: the hub's config loads its key from
     * /etc/wireguard/privatekey-wg0 and a tutorial's /etc/wireguard/privatekey lies beside it.
     * public-key.sh asks `grep -qF /etc/wireguard/privatekey wg0.conf`, a substring of the real
     * path, and hands out the stray file's key as the hub's.
     */
    @Test
    void r1AKeyFileWhosePathIsAPrefixOfTheOneTheConfigLoadsIsNotTheHubsKey() throws Exception {
        String own = host.etc.resolve("privatekey-wg0").toString();
        String old = host.config("cm4", cm4).replace(host.etc.resolve("privatekey").toString(), own);
        host.writeConf(old);
        FakeHubHost.write(Path.of(own), hubKey + "\n");
        host.keyFile(FakeHubHost.key());   // /etc/wireguard/privatekey: not this interface's
        host.up(hubKey, old);

        assertThat(hub.publicKey()).isEqualTo(FakeHubHost.publicKeyOf(hubKey));
    }

    /**
     * Finding R1 (high), in the commit: commit-job.sh's loads_key_file has the same substring
     * test. An interface that lost its key is given the stray /etc/wireguard/privatekey instead
     * of its own privatekey-wg0: the hub's identity changes, and nothing checks it (the key
     * before was "(none)").
     */
    @Test
    void r1AnInterfaceThatLostItsKeyGetsItsOwnKeyFileNotOneWhosePathIsAPrefix() throws Exception {
        String own = host.etc.resolve("privatekey-wg0").toString();
        String old = host.config("cm4", cm4).replace(host.etc.resolve("privatekey").toString(), own);
        host.writeConf(old);
        FakeHubHost.write(Path.of(own), hubKey + "\n");
        String stray = FakeHubHost.key();
        host.keyFile(stray);
        host.up(hubKey, old);
        FakeHubHost.write(host.state.resolve("private"), "");   // the interface lost its key

        try {
            hub.commit(old + "\n[Peer]\n# s2204\nPublicKey = " + s2204 + "\nAllowedIPs = 10.0.0.4/32\n",
                    Plan.hash(old));
        } catch (Exception refused) {
            // refusing is a fix too
        }

        assertThat(host.runningPrivateKey()).as("the hub's running key after the apply").isNotEqualTo(stray);
    }

    /**
     * Finding R2 (high): a worker with only /etc/wireguard/publickey (no private key file, no
     * config, interface down) is read as having that key, and the hub is planned with it; deploying
     * the worker's config then runs `wg genkey` in the commit job (it is a "new hub" to the
     * script), overwrites publickey, and the worker comes up with a key the hub does not know.
     */
    @Test
    void r2AWorkerReadFromItsPublicKeyFileIsNotGivenANewKeyPairWhenItsConfigIsWritten() throws Exception {
        Files.createDirectories(host.etc);
        String planned = FakeHubHost.publicKeyOf(FakeHubHost.key());
        FakeHubHost.write(host.etc.resolve("publickey"), planned + "\n");
        RemoteWorkerKeys keys = new RemoteWorkerKeys(n -> host.shell, 2, Duration.ofSeconds(20),
                n -> RemoteHub.Layout.under(host.etc.toString(), host.tmp.toString(), "wg0"), l -> {
        });
        RemoteWorkerKeys.Result read = keys.lookUp(List.of(cm4Node)).get(0);
        assertThat(read.publicKey()).as("the key the hub's peer for cm4 is planned with").contains(planned);

        WorkerDeploy deploy = new WorkerDeploy(hubNode, FakeHubHost.publicKeyOf(hubKey), WorkerDeploy.overlayOf(hubNode, "24"));
        RemoteHub worker = host.hub();
        try {
            deploy.apply(deploy.plan(cm4Node, worker), worker);
        } catch (Exception refused) {
            // refusing is a fix too: what matters is that the worker's identity is not replaced
        }

        if (Files.exists(host.etc.resolve("privatekey"))) {
            assertThat(FakeHubHost.publicKeyOf(FakeHubHost.read(host.etc.resolve("privatekey")).strip()))
                    .as("the worker's key pair after its config was written").isEqualTo(planned);
        }
        assertThat(FakeHubHost.read(host.etc.resolve("publickey")).strip()).isEqualTo(planned);
    }

    /**
     * Finding R3 (medium): prelude.sh cleans up with `for t in $TEMPS` / `for t in $TEMPDIRS`,
     * unquoted: a temp path with a space is split into words and each is removed. A symlinked
     * wg0.conf (supported since issue 8.16) whose target directory has a space makes the commit job
     * `rm -f` the file named by the first word - as root.
     */
    @Test
    void r3ACommitThroughALinkIntoADirectoryWithASpaceRemovesNothingElse() throws Exception {
        Path real = root.resolve("wg configs");
        Files.createDirectories(real);
        Path victim = root.resolve("wg");   // an unrelated file whose name is the first word
        FakeHubHost.write(victim, "not wgtui's\n");
        String old = host.config("cm4", cm4);
        FakeHubHost.write(real.resolve("wg0.conf"), old);
        Files.createDirectories(host.etc);
        Files.createSymbolicLink(host.conf(), real.resolve("wg0.conf"));
        host.keyFile(hubKey);
        host.up(hubKey, old);
        String text = host.config("cm4", cm4, "s2204", s2204);

        hub.commit(text, Plan.hash(old));

        assertThat(FakeHubHost.read(real.resolve("wg0.conf"))).isEqualTo(text);
        assertThat(victim).as("a file the commit never made").exists();
    }

    /**
     * Finding R3 (medium), the rm -rf half: ping.sh puts its temp directory (under the hub's
     * $TMPDIR) in TEMPDIRS, and the cleanup's unquoted `rm -rf -- $t` splits it: with TMPDIR
     * "/x/scratch dir" it removes the directory /x/scratch and everything in it.
     */
    @Test
    void r3APingWithATmpdirWithASpaceRemovesNothingElse() throws Exception {
        Path victim = root.resolve("scratch");
        Files.createDirectories(victim);
        FakeHubHost.write(victim.resolve("keep.txt"), "someone's work\n");
        Path tmpdir = root.resolve("scratch dir");
        Files.createDirectories(tmpdir);
        host.shell.prefix = "TMPDIR='" + tmpdir + "'; export TMPDIR; ";

        hub.ping(List.of("127.0.0.1"));

        assertThat(victim.resolve("keep.txt")).as("a directory the ping never made").exists();
    }

    /**
     * Finding R8 (low), answered by a clear error rather than fish support: every script goes to the host as `sh -c '<script>'`, which sshd hands to
     * the SSH user's login shell to parse. commit, rollback and reload quote their job's script
     * twice, and the doubly quoted text holds a backslash before a quote inside single quotes:
     * POSIX shells keep it, fish reads it as an escaped quote. A hub whose login shell is fish
     * can be read but never written ("Syntax error: Unterminated quoted string").
     */
    @Test
    void r8AHubWhoseLoginShellIsFishIsToldSoAndNothingRuns() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/fish")), "no fish here");
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.keyFile(hubKey);
        host.up(hubKey, old);
        dev.wgtui.core.host.HostShell fish = new dev.wgtui.core.host.HostShell() {
            @Override
            public String hostName() {
                return "k8s";
            }

            @Override
            public dev.wgtui.core.host.ExecResult exec(String command, byte[] stdin, Duration timeout)
                    throws dev.wgtui.core.host.HostException {
                try {
                    ProcessBuilder pb = new ProcessBuilder("/usr/bin/fish", "-c", command).directory(root.toFile());
                    pb.environment().putAll(Map.of("PATH", host.bin + ":/usr/sbin:/usr/bin", "FAKE_WG_STATE",
                            host.state.toString(), "TMPDIR", host.tmp.toString(), "LC_ALL", "C"));
                    Path out = Files.createTempFile(root, "fish", ".out");
                    Path err = Files.createTempFile(root, "fish", ".err");
                    Path in = Files.createTempFile(root, "fish", ".in");
                    Files.write(in, stdin);
                    Process p = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                        throw new dev.wgtui.core.host.HostException(dev.wgtui.core.host.HostException.Kind.TIMEOUT, "k8s", "timeout");
                    }
                    return new dev.wgtui.core.host.ExecResult(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
            }
        };
        RemoteHub viaFish = new RemoteHub("k8s", "wg0", fish, RemoteHub.Layout.under(host.etc.toString(),
                host.tmp.toString(), "wg0"), RemoteHub.Settings.defaults().withTimeouts(Duration.ofSeconds(60),
                Duration.ofSeconds(20)));

        assertThat(viaFish.read().text()).as("reading works through fish").isEqualTo(old);
        String text = host.config("cm4", cm4, "s2204", s2204);
        // wgtui's scripts need a POSIX login shell: fish is named as the reason, and nothing ran
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> viaFish.commit(text, Plan.hash(old)));
        assertThat(t).hasMessageContaining("login shell could not read wgtui's command")
                .hasMessageNotContaining("the change runs to its end");
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
    }

    /**
     * Finding R9 (low): RemoteHub.job adds "on the hub the change runs to its end (or is rolled
     * back) by itself ... the next wgtui run says how it ended" to every failure that has a
     * HostException behind it - also when the script never started, as when sudo wants a
     * password. The operator is told a change is running on the hub when nothing ran.
     */
    @Test
    void r9ACommitThatNeverStartedDoesNotSayTheChangeRunsOnTheHub() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        FakeHubHost.write(host.state.resolve("sudo-password"), "");
        RemoteHub viaSudo = host.hub(true, java.time.Clock.systemUTC());

        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> viaSudo.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old)));

        assertThat(t).hasMessageContaining("sudo needs a password");
        assertThat(t.getMessage()).doesNotContain("the change runs to its end");
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
    }
}
