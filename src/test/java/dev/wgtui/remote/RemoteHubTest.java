package dev.wgtui.remote;

import dev.wgtui.core.host.HostException;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.wgtui.remote.FakeShell.exit;
import static dev.wgtui.remote.FakeShell.fails;
import static dev.wgtui.remote.FakeShell.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RemoteHub against a scripted shell: commands, framing, and how failures are reported. */
class RemoteHubTest {

    private static final String PRIV = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    private static final String PUB = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    private static final String PEER = "TrMvSoP4jYQlY6RIzBgbssQqY3vxI2Pi+y71lOWWXX0=";

    final FakeShell shell = new FakeShell("k8s");
    final List<String> echo = new ArrayList<>();

    RemoteHub hub(boolean become) {
        return new RemoteHub("k8s", "wg0", shell, RemoteHub.Layout.standard("wg0"),
                RemoteHub.Settings.defaults().withBecome(become).withEcho(echo::add));
    }

    @Test
    void readIsOneScriptOverShAndParsesFileAndDump() throws Exception {
        shell.expect("^sh -c '", frames("file", "[Interface]\nListenPort = 51820\n",
                "dump", "(hidden)\t" + PUB + "\t51820\toff\n" + PEER + "\t(none)\t10.0.0.3:51820\t10.0.0.3/32\t1700000000\t10\t20\t25\n",
                "end", null));

        HubState s = hub(false).read();

        assertThat(s.text()).isEqualTo("[Interface]\nListenPort = 51820\n");
        assertThat(s.live().orElseThrow().publicKey()).isEqualTo(PUB);
        assertThat(s.live().orElseThrow().peers()).singleElement()
                .satisfies(p -> assertThat(p.endpoint()).isEqualTo("10.0.0.3:51820"));
        shell.done();
        assertThat(shell.commands).hasSize(1);
        // the script cuts the private key out of the dump before it leaves the hub
        assertThat(shell.commands.get(0)).contains("$1 = \"(hidden)\"").contains("wg show \"$IF\" dump");
    }

    @Test
    void standardPathsAndTheInterfaceAreQuotedIntoTheScript() throws Exception {
        shell.expect("CONF='\\\\''/etc/wireguard/wg0.conf'\\\\''", frames("nofile", null, "down", "No such device\n", "end", null));

        HubState s = hub(false).read();

        assertThat(s.hasFile()).isFalse();
        assertThat(s.live()).isEmpty();
        assertThat(hub(false).configPath()).isEqualTo("/etc/wireguard/wg0.conf");
        assertThat(hub(false).previewPath()).isEqualTo("/tmp/wg0.conf.preview");
    }

    @Test
    void becomeWrapsTheScriptInSudoN() throws Exception {
        shell.expect("^sudo -n sh -c '", frames("nofile", null, "down", "", "end", null));

        hub(true).read();

        assertThat(echo).anySatisfy(l -> assertThat(l).startsWith("[#] k8s: sudo cat /etc/wireguard/wg0.conf"));
    }

    @Test
    void sudoWantingAPasswordIsReportedAsSudo() {
        shell.expect("^sudo -n", exit(1, "", "sudo: a password is required\n"));

        assertThatThrownBy(() -> hub(true).read())
                .isInstanceOf(HubException.class)
                .hasMessage("k8s: sudo needs a password; wgtui runs sudo -n (non-interactive). Allow the SSH user "
                        + "to run sh as root without a password (NOPASSWD), or connect as root")
                .satisfies(e -> assertThat(((HostException) e.getCause()).kind()).isEqualTo(HostException.Kind.SUDO));
    }

    @Test
    void sudoMissingIsAMissingTool() {
        shell.expect("^sudo -n", exit(127, "", "sh: 1: sudo: not found\n"));

        assertThatThrownBy(() -> hub(true).read())
                .satisfies(e -> assertThat(((HostException) e.getCause()).kind()).isEqualTo(HostException.Kind.MISSING_TOOL))
                .hasMessageContaining("sudo is not installed");
    }

    @Test
    void missingWgIsAMissingTool() {
        shell.expect("", frames("fail", "MISSING_TOOL\tread\twg is not installed on this host (install wireguard-tools)\n",
                "end", null));

        assertThatThrownBy(() -> hub(false).read())
                .isInstanceOf(HubException.class)
                .hasMessage("k8s: wg is not installed on this host (install wireguard-tools)")
                .satisfies(e -> assertThat(((HostException) e.getCause()).kind()).isEqualTo(HostException.Kind.MISSING_TOOL));
    }

    @Test
    void scriptFailuresMapToHubExceptionKinds() {
        String[][] cases = {
                {"LOCKED", "lock", "x is locked by another operator", "LOCKED"},
                {"CONFLICT", "check", "x changed since the preview", "CONFLICT"},
                {"FILE", "backup", "cannot write the backup: No space left on device", "HOST"},
                {"RELOAD", "syncconf", "wg syncconf wg0 failed: boom; restored x from y", "RELOAD"},
                {"COMMAND", "key", "wg genkey failed", "HOST"},
        };
        for (String[] c : cases) {
            FakeShell s = new FakeShell("k8s").expect("", frames("fail", c[0] + "\t" + c[1] + "\t" + c[2] + "\n", "end", null));
            RemoteHub h = new RemoteHub("k8s", "wg0", s, RemoteHub.Layout.standard("wg0"), RemoteHub.Settings.defaults());
            assertThatThrownBy(() -> h.commit("[Interface]\n", "absent"))
                    .isInstanceOf(HubException.class)
                    .satisfies(e -> assertThat(((HubException) e).kind().name()).isEqualTo(c[3]))
                    .hasMessageContaining(c[2]);
        }
    }

    @Test
    void aReloadFailureNamesTheStep() {
        shell.expect("", frames("fail", "RELOAD\tsyncconf\twg syncconf wg0 failed: Protocol error\n", "end", null));

        assertThatThrownBy(() -> hub(false).commit("[Interface]\n", "absent"))
                .hasMessage("k8s: reload failed at syncconf: wg syncconf wg0 failed: Protocol error");
    }

    @Test
    void aKeyInAnErrorMessageIsHidden() {
        shell.expect("", frames("fail", "RELOAD\tsyncconf\tKey is not the correct length or format: `" + PRIV + "'\n",
                "end", null));

        assertThatThrownBy(() -> hub(false).commit("[Interface]\n", "absent"))
                .hasMessageNotContaining(PRIV)
                .hasMessageContaining("(hidden)");
    }

    @Test
    void outputCutShortIsAnError() {
        shell.expect("", b -> new dev.wgtui.core.host.ExecResult(0, ("\n" + b + ":file\n[Interface]\n").getBytes(), new byte[0]));

        assertThatThrownBy(() -> hub(false).read())
                .isInstanceOf(HubException.class)
                .hasMessageContaining("cut short");
    }

    @Test
    void aKilledScriptIsAnErrorWithItsExitCode() {
        shell.expect("", exit(137, "", ""));

        assertThatThrownBy(() -> hub(false).read()).hasMessageContaining("exit 137");
    }

    @Test
    void transportFailuresKeepTheirKind() {
        shell.expect("", fails(new HostException(HostException.Kind.HOST_KEY, "k8s", "host key changed")));
        shell.expect("", fails(new HostException(HostException.Kind.TIMEOUT, "k8s", "no answer within 90 s")));
        RemoteHub h = hub(false);

        assertThatThrownBy(h::read).satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.HOST_KEY));
        assertThatThrownBy(h::read).satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.HOST))
                .hasMessageContaining("no answer");
    }

    @Test
    void commitSendsTheTextOnStdinNeverInTheCommandOrTheEcho() throws Exception {
        String text = "[Interface]\nPrivateKey = " + PRIV + "\n";
        shell.expect("MODE='\\\\''commit'\\\\''", frames("backup", "wg0.conf.20260301T100000Z.backup\n", "file", text,
                "dump", "(hidden)\t" + PUB + "\t51820\toff\n", "end", null));

        var c = hub(false).commit(text, "absent");

        assertThat(c.backupName()).isEqualTo("wg0.conf.20260301T100000Z.backup");
        assertThat(new String(shell.stdins.get(0))).isEqualTo(text);
        assertThat(shell.commands.get(0)).doesNotContain(PRIV);
        assertThat(String.join("\n", echo)).doesNotContain(PRIV);
    }

    @Test
    void commitWithoutAnEarlierFileHasNoBackup() throws Exception {
        shell.expect("", frames("backup", "", "file", "x", "down", "", "end", null));

        assertThat(hub(false).commit("x", "absent").backupName()).isNull();
    }

    @Test
    void aBadHashIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> hub(false).commit("x", "abc; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThat(shell.commands).isEmpty();
    }

    @Test
    void anInterfaceNameThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> new RemoteHub("k8s", "wg0; reboot", shell, RemoteHub.Layout.standard("wg0"),
                RemoteHub.Settings.defaults())).hasMessageContaining("not an interface name");
    }

    @Test
    void permissionDeniedOnTheInterfaceIsNotDown() {
        shell.expect("", frames("nofile", null, "down", "Unable to access interface: Operation not permitted\n", "end", null));

        assertThatThrownBy(() -> hub(false).read()).hasMessageContaining("permission denied");
    }

    @Test
    void roundTripsAreCounted() throws Exception {
        shell.expect("", frames("nofile", null, "down", "", "end", null));
        shell.expect("", frames("list", "", "end", null));
        RemoteHub h = hub(false);

        h.read();
        h.backups();

        assertThat(h.roundTrips()).isEqualTo(2);
    }

    @Test
    void theScriptsParseUnderShAndBash() throws Exception {
        for (String name : List.of("read.sh", "preview.sh", "commit.sh", "backups.sh", "read-backup.sh", "running.sh",
                "stripped.sh", "ping.sh", "public-key.sh", "worker-key.sh")) {
            String text = RemoteScript.of(name).text();
            for (String sh : List.of("/bin/sh", "/bin/bash")) {
                Process p = new ProcessBuilder(sh, "-n", "-c", text).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(name + " under " + sh + ": " + out).isZero();
            }
        }
    }

    @Test
    void timeoutsAreSet() {
        RemoteHub.Settings s = RemoteHub.Settings.defaults();
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(Path.of(RemoteHub.Layout.standard("wg1").lockFile())).isEqualTo(Path.of("/etc/wireguard/.wg1.lock"));
    }
}
