package dev.wgtui.cli;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's flows through the real command line against the testbed: OpenSSH sshd and
 * wireguard-go in a network namespace per host. Every test starts from hosts with an empty
 * /etc/wireguard and no interface.
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class CliTestbedTest {

    @TempDir
    Path dir;
    Testbed bed;
    Path inventory;

    @BeforeEach
    void cleanHostsAndWriteInventory(Testbed bed) throws IOException {
        this.bed = bed;
        bed.resetWireGuard();
        inventory = writeInventory("root", false);
    }

    private Path writeInventory(String user, boolean become) throws IOException {
        Path p = dir.resolve("inventory-" + user + ".yml");
        Files.writeString(p, TestbedExtension.sampleInventory(bed, user, become));
        return p;
    }

    private CliRun wgtui(String... args) {
        return wgtui(inventory, args);
    }

    private CliRun wgtui(Path inv, String... args) {
        List<String> all = new ArrayList<>(List.of("-i", inv.toString(), "--known-hosts", bed.knownHosts().toString()));
        all.addAll(List.of(args));
        return CliRun.run(Clock.systemUTC(), q -> false, all.toArray(String[]::new));
    }

    private List<String> hubPeers() {
        return bed.execOk("k8s", "wg show wg0 peers").lines().filter(l -> !l.isBlank()).toList();
    }

    private void assertPings(String from, String address) throws InterruptedException {
        ExecResult ping = bed.ping(from, address, Duration.ofSeconds(20));
        if (ping.ok()) {
            return;
        }
        assertThat(ping.exitCode()).as("%s pings %s: %s%s%n%s: %s%nk8s: %s", from, address, ping.out(), ping.err(), from,
                bed.exec(from, "wg show all; cat /etc/wireguard/wg0.conf; ip addr show wg0; ip route").out(),
                bed.exec("k8s", "wg show all; ip route").out()).isZero();
    }

    /** What is in /etc/wireguard on every host, with content hashes, and whether wg0 is up. */
    private String snapshot() {
        StringBuilder out = new StringBuilder();
        for (var h : bed.hosts()) {
            out.append(h.name()).append(":\n").append(bed.execOk(h.name(),
                    "cd /etc/wireguard && ls -la --time-style=+%s . | awk '{print $1, $5, $6, $7}'; "
                            + "sha256sum * 2>/dev/null; ip link show wg0 >/dev/null 2>&1 && echo up || echo down"));
        }
        return out.toString();
    }

    @Test
    void theSeedsTestDeployAllThenPartialCm4KeepsThreePeersAndEveryTunnel() throws Exception {
        CliRun all = wgtui("apply", "all", "--workers", "--yes");
        assertThat(all.exitCode()).as(all.out() + all.err()).isZero();
        assertThat(all.out()).contains("Status: CREATE NEW").contains("Validation passed");
        assertThat(hubPeers()).hasSize(3);
        for (String w : TestbedExtension.WORKERS) {
            assertPings(w, "10.0.0.20");
        }

        // cm4's key rotated on cm4: `apply cm4` picks it up, only cm4's peer changes
        bed.execOk("cm4", "wg genkey > /etc/wireguard/privatekey && wg pubkey < /etc/wireguard/privatekey > /etc/wireguard/publickey");
        String rotated = bed.execOk("cm4", "cat /etc/wireguard/publickey").strip();
        String before = bed.execOk("k8s", "cat /etc/wireguard/wg0.conf");
        CliRun partial = wgtui("apply", "cm4", "--workers", "--yes");
        assertThat(partial.exitCode()).as(partial.out() + partial.err()).isZero();
        List<String> changed = partial.out().lines().filter(l -> (l.startsWith("+") || l.startsWith("-"))
                && !l.startsWith("+++") && !l.startsWith("---")).toList();
        assertThat(changed).hasSize(2).allSatisfy(l -> assertThat(l.substring(1)).startsWith("PublicKey = "));
        assertThat(changed.get(1)).isEqualTo("+PublicKey = " + rotated);
        assertThat(partial.out()).contains("✓ cm4: unchanged; reloaded with the key file on its disk (a rotated key)");
        assertThat(hubPeers()).hasSize(3).contains(rotated);
        String after = bed.execOk("k8s", "cat /etc/wireguard/wg0.conf");
        assertThat(after.replace(rotated, "")).isEqualTo(before.replaceAll("PublicKey = \\S+\\n(AllowedIPs = 10\\.0\\.0\\.3/32)",
                "PublicKey = \n$1"));
        for (String w : TestbedExtension.WORKERS) {
            assertPings(w, "10.0.0.20");
        }

        CliRun validate = wgtui("validate");
        assertThat(validate.exitCode()).as(validate.out()).isZero();
        assertThat(validate.out()).contains("Validation passed: 3 expected, 3 ok");
        CliRun health = wgtui("health", "--ping", "--all");
        assertThat(health.exitCode()).as(health.out() + health.err()).isZero();
        assertThat(health.out()).startsWith("Health ok: 3 peer(s), 3 fresh, 0 stale (no handshake in 3m00s), 0 ping(s) failed\n")
                .containsPattern("cm4\\s+10\\.0\\.0\\.3\\s+\\S+\\s+fresh\\s+ok");
    }

    @Test
    void dryRunChangesNothingOnAnyHostAndLeavesThePreview() throws Exception {
        assertThat(wgtui("apply", "cm4", "--workers", "--yes").exitCode()).isZero();
        String before = snapshot();
        CliRun diff = wgtui("diff", "all", "--workers");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("+# k8s-proxy").contains("+# s2204").contains("Change: +2 peer(s)");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(bed.execOk("k8s", "stat -c %a /tmp/wg0.conf.preview").strip()).isEqualTo("600");
        assertThat(bed.execOk("k8s", "cat /tmp/wg0.conf.preview")).contains("# k8s-proxy").contains("# cm4");
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprint() throws IOException {
        Path empty = dir.resolve("known_hosts_empty");
        Files.writeString(empty, "");
        CliRun r = CliRun.run(Clock.systemUTC(), q -> false, "-i", inventory.toString(), "--known-hosts",
                empty.toString(), "status");
        assertThat(r.exitCode()).isEqualTo(ExitCode.HOST_KEY.code());
        String fingerprint = run("ssh-keygen", "-lf", bed.dir().resolve("k8s/ssh_host_ed25519_key.pub").toString());
        assertThat(fingerprint.split(" ")[1]).startsWith("SHA256:");
        assertThat(r.err()).contains(fingerprint.split(" ")[1]);
        assertThat(Files.readString(empty)).isEmpty();
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
            return new String(p.getInputStream().readAllBytes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void aNonRootSudoUserWorks() throws Exception {
        Path inv = writeInventory("wgtuser", true);
        CliRun apply = wgtui(inv, "apply", "cm4,s2204", "--workers", "--yes");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(hubPeers()).hasSize(2);
        CliRun status = wgtui(inv, "status");
        assertThat(status.out()).containsPattern("cm4\\s+✓ ok").containsPattern("k8s-proxy\\s+! missing");
        assertPings("s2204", "10.0.0.20");

        Path noSudo = writeInventory("wgtuser", false);
        CliRun refused = wgtui(noSudo, "status");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCode.HOST.code());
        assertThat(refused.err()).hasLineCount(1);
    }

    @Test
    void aHandAddedPeerIsExtraAndKeptThenPrunedThenRestored() throws Exception {
        assertThat(wgtui("apply", "all", "--yes").exitCode()).isZero();
        bed.execOk("k8s", "printf '\\n[Peer]\\n# laptop\\nPublicKey = %s\\nAllowedIPs = 10.0.0.77/32\\n' \"$(wg genkey | wg pubkey)\" "
                + ">> /etc/wireguard/wg0.conf && wg-quick strip wg0 > /tmp/stripped && wg syncconf wg0 /tmp/stripped");
        CliRun status = wgtui("status");
        assertThat(status.out()).containsPattern("laptop\\s+\\? extra\\s+10\\.0\\.0\\.77");
        assertThat(wgtui("apply", "cm4", "--yes").exitCode()).isZero();
        assertThat(bed.execOk("k8s", "cat /etc/wireguard/wg0.conf")).contains("# laptop");
        assertThat(hubPeers()).hasSize(4);

        CliRun prune = wgtui("prune", "--yes");
        assertThat(prune.exitCode()).as(prune.out() + prune.err()).isZero();
        assertThat(prune.out()).contains("-# laptop");
        assertThat(hubPeers()).hasSize(3);

        String backup = wgtui("backups").out().lines().filter(l -> l.startsWith("wg0.conf.")).findFirst()
                .orElseThrow().split("\\s+")[0];
        CliRun restore = wgtui("restore", backup, "--yes");
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
        assertThat(hubPeers()).hasSize(4);
        assertThat(bed.execOk("k8s", "cat /etc/wireguard/wg0.conf")).contains("# laptop");
    }

    @Test
    void driftAfterARuntimeChangeIsReported() throws Exception {
        assertThat(wgtui("apply", "all", "--yes").exitCode()).isZero();
        assertThat(wgtui("drift").exitCode()).isZero();
        String key = bed.execOk("k8s", "wg show wg0 allowed-ips").lines().filter(l -> l.contains("10.0.0.3/32"))
                .findFirst().orElseThrow().split("\\s+")[0];
        bed.execOk("k8s", "wg set wg0 peer " + key + " allowed-ips 10.0.0.3/32,10.0.9.0/24");
        CliRun drift = wgtui("drift");
        assertThat(drift.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(drift.out()).contains("~ cm4: AllowedIPs file 10.0.0.3/32, running 10.0.0.3/32, 10.0.9.0/24")
                .startsWith("Drift: 1 peer(s) differ between the running interface and the file");
    }

    @Test
    void healthExitsOneWhenAPeerIsStaleUnderTheThresholdGiven() throws Exception {
        CliRun all = wgtui("apply", "all", "--workers", "--yes");
        assertThat(all.exitCode()).as(all.out() + all.err()).isZero();
        for (String w : TestbedExtension.WORKERS) {
            assertPings(w, "10.0.0.20");
        }
        CliRun fresh = wgtui("health");
        assertThat(fresh.exitCode()).as(fresh.out()).isZero();
        assertThat(fresh.out()).isEqualTo("Health ok: 3 peer(s), 3 fresh, 0 stale (no handshake in 3m00s)\n");
        // A handshake may come late on a loaded machine: wait until one peer has had none for 1 s.
        CliRun stale;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        do {
            Thread.sleep(1500);
            stale = wgtui("health", "--stale-after", "1s");
        } while (stale.exitCode() == 0 && System.nanoTime() < deadline);
        assertThat(stale.exitCode()).as(stale.out()).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(stale.out()).startsWith("Health FAILED: 3 peer(s), ").contains(" stale (no handshake in 1s)\n")
                .containsPattern("\\S+\\s+10\\.0\\.0\\.\\d+\\s+\\S+\\s+stale");
        CliRun json = wgtui("--json", "health", "--stale-after", "1s");
        assertThat(json.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(json.out()).contains("\"stale\":true");
    }

    @Test
    void driftAndHealthExitSixWhenTheInterfaceIsDown() {
        assertThat(wgtui("apply", "all", "--yes").exitCode()).isZero();
        assertThat(wgtui("drift").exitCode()).isZero();
        bed.execOk("k8s", "wg-quick down wg0 >/dev/null 2>&1 || ip link del wg0");
        CliRun drift = wgtui("drift");
        assertThat(drift.exitCode()).as(drift.out() + drift.err()).isEqualTo(ExitCode.NOT_RUNNING.code()).isEqualTo(6);
        assertThat(drift.out()).startsWith("Drift not checked: the interface is not running here");
        CliRun health = wgtui("health");
        assertThat(health.exitCode()).as(health.out() + health.err()).isEqualTo(6);
        assertThat(health.out()).startsWith("Health: the interface is not running here; no handshakes to check "
                + "(3 peer(s) in the file)");
    }

    /** The record a commit job leaves when its client went away (RemoteTestbedTest makes real ones). */
    @Test
    void theNextStatusSaysWhatBecameOfACommitWhoseClientWentAway() {
        assertThat(wgtui("apply", "cm4", "--yes").exitCode()).isZero();
        bed.execOk("k8s", "printf 'mode\\tcommit\\nstarted\\t1796170000\\njob\\t4194000\\nclient\\t4194001\\n"
                + "step\\treadback\\nresult\\tok\\twg0.conf.20261126T031500Z.backup\\n'"
                + " > /etc/wireguard/.wg0.run.0123456789abcdef");

        CliRun status = wgtui("status");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("An apply started 2026-12-02 00:06:40 UTC finished on the hub after its client "
                + "went away (backup wg0.conf.20261126T031500Z.backup).");
        // said once
        assertThat(wgtui("status").out()).doesNotContain("client went away");
    }
}
