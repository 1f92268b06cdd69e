package dev.wgtui.cli;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.testbed.TestHost;
import dev.wgtui.testbed.Testbed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Many workers at once, for real: a hub and six workers on the testbed (OpenSSH sshd and
 * wireguard-go each), plus a seventh in the inventory whose address answers nothing. One
 * worker's /etc/wireguard is read-only, so its deploy fails after the hub was applied. The
 * command runs in a pseudo-terminal (util-linux {@code script}) as an operator runs it: the
 * progress line on standard error, the failures leading the summary, exit code 4, every other
 * worker deployed, and one SSH connection per host for the whole run.
 */
@Tag("testbed")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CliWorkersTestbedTest {

    private static final List<String> GOOD = List.of("w1", "w2", "w3", "w5", "w6");
    private static final String READ_ONLY = "w4";
    private static final String GONE = "gone";

    private static Testbed bed;
    private static Path dir;
    private static Path inventory;
    private static String nowhere;

    @BeforeAll
    static void up() throws IOException {
        List<String> missing = Testbed.missingPrerequisites();
        assumeTrue(missing.isEmpty(), () -> "testbed cannot run here: " + String.join(", ", missing));
        assumeTrue(onPath("script"), "util-linux script is not installed");
        List<TestHost> hosts = new ArrayList<>(List.of(TestHost.wanted("hub", "10.0.0.1")));
        for (int i = 1; i <= 6; i++) {
            hosts.add(TestHost.wanted("w" + i, "10.0.0." + (10 + i)));
        }
        dir = Testbed.newDir("CliWorkersTestbedTest");
        bed = Testbed.start(dir, hosts);
        // A key pair first (so no key is made there at apply), then the directory read-only:
        // its deploy is the step that fails.
        bed.wgSetup(READ_ONLY);
        bed.execOk(READ_ONLY, "mount --bind /etc/wireguard /etc/wireguard && mount -o remount,ro,bind /etc/wireguard");
        inventory = writeInventory();
    }

    @AfterAll
    static void down() {
        if (bed != null) {
            bed.close();
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static Path writeInventory() throws IOException {
        String hubIp = bed.host("hub").underlayIp();
        // An address of the testbed's own subnet that no host has: ARP finds no one, connect fails.
        nowhere = hubIp.substring(0, hubIp.lastIndexOf('.')) + ".250";
        StringBuilder yml = new StringBuilder("all:\n  vars:\n    ansible_user: root\n    ansible_ssh_private_key_file: "
                + bed.operatorKey() + "\n  children:\n    control_plane:\n      hosts:\n");
        yml.append(host("hub", hubIp, "10.0.0.1"));
        yml.append("    workers:\n      hosts:\n");
        for (int i = 1; i <= 6; i++) {
            yml.append(host("w" + i, bed.host("w" + i).underlayIp(), "10.0.0." + (10 + i)));
        }
        yml.append(host(GONE, nowhere, "10.0.0.17"));
        Path p = dir.resolve("inventory.yml");
        Files.writeString(p, yml.toString());
        return p;
    }

    private static String host(String name, String address, String wgIp) {
        return "        " + name + ":\n          ansible_host: " + address + "\n          wireguard_ip: " + wgIp + "\n";
    }

    /** How many connections each host's sshd has accepted so far (its log, LogLevel VERBOSE). */
    private static Map<String, Long> acceptedConnections() throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (TestHost h : bed.hosts()) {
            Path log = bed.dir().resolve(h.name()).resolve("sshd.log");
            out.put(h.name(), Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("Accepted publickey")).count());
        }
        return out;
    }

    /** wgtui's real main in a pseudo-terminal; returns its exit code and everything the terminal got. */
    private static ExecResult inTerminal(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.wgtui.Main"));
        command.addAll(List.of(args));
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        Path typescript = dir.resolve("typescript-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", line.toString(), typescript.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.out").toFile());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().put("TERM", "xterm");
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("wgtui finished").isTrue();
        return new ExecResult(p.exitValue(), Files.readAllBytes(typescript), new byte[0]);
    }

    @Test
    void manyWorkersAtOnceTheFailuresLeadTheSummaryAndTheOthersAndTheHubGoOn() throws Exception {
        Map<String, Long> before = acceptedConnections();

        ExecResult run = inTerminal("-i", inventory.toString(), "--known-hosts", bed.knownHosts().toString(),
                "apply", "all", "--workers", "--yes", "--forks", "3");
        String screen = run.out();

        assertThat(run.exitCode()).as(screen).isEqualTo(ExitCode.HOST.code());
        // The progress line, on the terminal's standard error, while the unreachable one keeps the step open.
        assertThat(screen).contains("\r\u001b[Kreading 0/7 workers").contains("\r\u001b[Kreading 6/7 workers")
                .contains("\r\u001b[Kdeploying 0/6 workers");
        // What stays on the screen: the progress line is cleared before the output goes on.
        List<String> lines = screen.replaceAll("\r\u001b\\[K([a-z ]+ \\d+/\\d+ workers)?", "").replace("\r", "")
                .lines().toList();
        int left = lines.indexOf("Left out of this run, 1 worker(s) that failed:");
        assertThat(left).as(screen).isPositive();
        assertThat(lines.get(left + 1)).startsWith("✗ gone (reading): ").contains(nowhere + ":22");
        int summary = lines.lastIndexOf(lines.get(left + 1));
        assertThat(summary).isGreaterThan(left + 1);
        assertThat(lines.get(summary + 1)).startsWith("✗ w4 (deploying): ").contains("cannot create a temp file in /etc/wireguard");
        assertThat(lines.get(summary + 2))
                .isEqualTo("5 of 7 worker(s) deployed (5 written, 0 unchanged), 2 failed; -v lists every worker");
        assertThat(screen).doesNotContain("✓ w1");

        // The hub went on with every worker it could reach (w4's peer is there: its deploy failed later).
        List<String> hubPeers = bed.execOk("hub", "wg show wg0 peers").lines().filter(l -> !l.isBlank()).toList();
        assertThat(hubPeers).hasSize(6);
        String hubKey = bed.execOk("hub", "wg show wg0 public-key").strip();
        for (String w : GOOD) {
            assertThat(bed.execOk(w, "wg show wg0 peers").lines()).as(w).containsExactly(hubKey);
        }
        assertThat(bed.exec(READ_ONLY, "ip link show wg0").ok()).isFalse();
        assertPings("w1", "10.0.0.1");

        // One connection per host for the whole run: reading keys, planning and deploying share it.
        Map<String, Long> after = acceptedConnections();
        for (TestHost h : bed.hosts()) {
            assertThat(after.get(h.name()) - before.get(h.name())).as(h.name()).isEqualTo(1);
        }

        // Again, not on a terminal: nothing to change, the same failures, no progress line.
        CliRun again = CliRun.run(Clock.systemUTC(), q -> false, "-i", inventory.toString(), "--known-hosts",
                bed.knownHosts().toString(), "apply", "all", "--workers", "--yes");
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(ExitCode.HOST.code());
        assertThat(again.err()).doesNotContain("workers");
        assertThat(again.out()).contains("✗ gone (reading): ")
                .contains("5 of 7 worker(s) deployed (0 written, 5 unchanged), 2 failed");
    }

    private static void assertPings(String from, String address) throws InterruptedException {
        ExecResult ping = bed.ping(from, address, Duration.ofSeconds(20));
        if (ping.ok()) {
            return;
        }
        assertThat(ping.exitCode()).as("%s pings %s: %s", from, address, ping.out() + ping.err()).isZero();
    }
}
