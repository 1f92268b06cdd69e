package dev.wgtui.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wgtui.core.host.ExecResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The testbed itself: SSH to every host, private WireGuard state per host, a real tunnel, a clean down. */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TestbedSelfTest {

    @Test
    void everySshdAnswersAsItsOwnHostForRootAndWgtuser(Testbed bed) {
        for (TestHost h : bed.hosts()) {
            for (String user : List.of("root", "wgtuser")) {
                ExecResult r = bed.ssh(user, h.name(), "hostname; id -un");
                assertThat(r.exitCode()).as("ssh %s@%s: %s", user, h.name(), r.err()).isZero();
                assertThat(r.out()).isEqualTo(h.name() + "\n" + user + "\n");
            }
        }
    }

    @Test
    void anUnknownHostKeyIsRefused(Testbed bed, @TempDir Path tmp) throws IOException {
        Path empty = Files.createFile(tmp.resolve("known_hosts"));
        List<String> argv = new ArrayList<>(bed.sshCommand("root", "cm4", "true"));
        argv.replaceAll(a -> a.equals("UserKnownHostsFile=" + bed.knownHosts()) ? "UserKnownHostsFile=" + empty : a);
        ExecResult r = Commands.run(argv, Duration.ofSeconds(20));
        assertThat(r.exitCode()).isEqualTo(255);
        assertThat(r.err()).contains("Host key verification failed");
    }

    @Test
    void theSampleClusterHasItsPlannedAddresses(Testbed bed) throws IOException {
        assertThat(bed.hosts()).extracting(TestHost::name).containsExactly("k8s", "cm4", "s2204", "k8s-proxy");
        assertThat(bed.host("k8s").wgIp()).isEqualTo("10.0.0.20");
        assertThat(bed.host("k8s-proxy").wgIp()).isEqualTo("10.0.0.21");
        assertThat(bed.hosts()).extracting(TestHost::underlayIp).doesNotHaveDuplicates().allMatch(ip -> ip.matches("192\\.168\\.\\d+\\.\\d+"));
        assertThat(Files.readString(bed.knownHosts(), StandardCharsets.UTF_8))
                .contains("k8s ssh-ed25519 ", bed.host("k8s").underlayIp() + " ssh-ed25519 ");
    }

    @Test
    void eachHostSeesOnlyItsOwnEtcWireguard(Testbed bed) {
        try {
            for (TestHost h : bed.hosts()) {
                bed.execOk(h.name(), "echo " + h.name() + " > /etc/wireguard/marker-" + h.name());
            }
            for (TestHost h : bed.hosts()) {
                ExecResult r = bed.ssh("root", h.name(), "ls /etc/wireguard | grep '^marker-'; cat /etc/wireguard/marker-*");
                assertThat(r.out()).as(h.name()).isEqualTo("marker-" + h.name() + "\n" + h.name() + "\n");
            }
            assertThat(Path.of("/etc/wireguard/marker-k8s")).doesNotExist();
        } finally {
            for (TestHost h : bed.hosts()) {
                bed.exec(h.name(), "rm -f /etc/wireguard/marker-*");
            }
        }
    }

    @Test
    void wgtuserRunsWgThroughSudoWithTheUserspaceImplementation(Testbed bed) {
        for (TestHost h : bed.hosts()) {
            ExecResult r = bed.ssh("wgtuser", h.name(),
                    "sudo -n wg show && sudo -n printenv WG_QUICK_USERSPACE_IMPLEMENTATION");
            assertThat(r.exitCode()).as("%s: %s", h.name(), r.err()).isZero();
            assertThat(r.out()).isEqualTo("wireguard-go\n");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void aWorkerPingsTheHubThroughAHandWrittenTunnel(Testbed bed) throws InterruptedException {
        String hubPublic = bed.wgSetup("k8s");
        String cm4Public = bed.wgSetup("cm4");
        try {
            writeConfig(bed, "k8s", """
                    [Interface]
                    Address = 10.0.0.20/24
                    ListenPort = 51820
                    PrivateKey = %s

                    [Peer]
                    # cm4
                    PublicKey = %s
                    AllowedIPs = 10.0.0.3/32
                    """.formatted(privateKey(bed, "k8s"), cm4Public));
            writeConfig(bed, "cm4", """
                    [Interface]
                    Address = 10.0.0.3/24
                    PrivateKey = %s

                    [Peer]
                    # k8s
                    PublicKey = %s
                    Endpoint = %s:51820
                    AllowedIPs = 10.0.0.0/24
                    PersistentKeepalive = 25
                    """.formatted(privateKey(bed, "cm4"), hubPublic, bed.host("k8s").underlayIp()));

            ExecResult hubUp = bed.ssh("root", "k8s", "wg-quick up wg0");
            assertThat(hubUp.exitCode()).as(hubUp.err()).isZero();
            ExecResult workerUp = bed.ssh("wgtuser", "cm4", "sudo -n wg-quick up wg0");
            assertThat(workerUp.exitCode()).as(workerUp.err()).isZero();

            // The first handshake through wireguard-go can take a second or two.
            ExecResult ping = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                ping = bed.ssh("root", "cm4", "ping -c 1 -W 1 10.0.0.20");
                if (ping.ok()) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(ping.exitCode()).as("ping 10.0.0.20 from cm4: %s%s", ping.out(), ping.err()).isZero();

            assertThat(bed.ssh("root", "k8s", "wg show interfaces").out().strip()).isEqualTo("wg0");
            assertThat(bed.ssh("root", "k8s", "wg show wg0 peers").out().strip()).isEqualTo(cm4Public);
            assertThat(bed.ssh("root", "s2204", "wg show interfaces; ls /run/wireguard").out()).isBlank();
        } finally {
            for (String h : List.of("k8s", "cm4")) {
                bed.exec(h, "wg-quick down wg0 2>/dev/null; rm -f /etc/wireguard/wg0.conf /etc/wireguard/privatekey /etc/wireguard/publickey");
            }
        }
        assertThat(bed.ssh("root", "cm4", "wg show interfaces").out()).isBlank();
    }

    @Test
    void downLeavesNoNamespacesProcessesOrFiles(Testbed sample) throws IOException {
        Testbed bed = Testbed.start(Testbed.newDir("down"),
                List.of(TestHost.wanted("a", "10.9.0.1"), TestHost.wanted("b", "10.9.0.2")));
        Set<Long> pids;
        try {
            assertThat(subnet(bed.host("a").underlayIp())).isNotEqualTo(subnet(sample.host("k8s").underlayIp()));
            bed.wgSetup("a");
            writeConfig(bed, "a", "[Interface]\nPrivateKey = " + privateKey(bed, "a") + "\nListenPort = 51820\n");
            ExecResult up = bed.ssh("root", "a", "wg-quick up wg0");
            assertThat(up.exitCode()).as(up.err()).isZero();
            pids = processesInside(bed);
            assertThat(pids).anyMatch(pid -> comm(pid).equals("wireguard-go")).anyMatch(pid -> comm(pid).equals("sshd"));
        } finally {
            bed.close();
        }
        assertNothingLeft(bed.id(), bed.dir());
        assertThat(pids).noneMatch(TestbedSelfTest::running);
        assertThat(recordedPids(bed.dir())).isNotEmpty().containsAll(pids).noneMatch(TestbedSelfTest::running);

        bed.close(); // idempotent in Java
        ExecResult again = Commands.run(List.of("bash", Testbed.script().toString(), "down", bed.dir().toString()),
                Duration.ofSeconds(30));
        assertThat(again.exitCode()).as(again.err()).isZero();
    }

    @Test
    void downCleansUpAfterAnUpThatWasKilledHalfWay() throws Exception {
        for (long delayMillis : new long[] {150, 500, 900}) {
            Path dir = Testbed.newDir("killed-up");
            Process up = new ProcessBuilder("bash", Testbed.script().toString(), "up", dir.toString(),
                    "a=10.9.1.1", "b=10.9.1.2", "c=10.9.1.3")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Thread.sleep(delayMillis);
            List<ProcessHandle> tree = new ArrayList<>(up.descendants().toList());
            Commands.killTree(up); // SIGKILL: the script's own cleanup does not run
            tree.forEach(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS));
            String id = stateId(dir);
            ExecResult down = Commands.run(List.of("bash", Testbed.script().toString(), "down", dir.toString()),
                    Duration.ofSeconds(30));
            assertThat(down.exitCode()).as("after %d ms: %s", delayMillis, down.err()).isZero();
            if (id != null) {
                assertNothingLeft(id, dir);
            }
            assertThat(registeredDirs()).doesNotContain(dir.toString());
            assertThat(recordedPids(dir)).noneMatch(TestbedSelfTest::running);
        }
    }

    @Test
    void gcTearsDownATestbedWhoseOwnerIsGone() throws Exception {
        Process owner = new ProcessBuilder("sleep", "60").start();
        Path dir = Testbed.newDir("gc");
        try {
            ExecResult up = Commands.run(List.of("bash", Testbed.script().toString(), "up", dir.toString(), "a=10.9.2.1"),
                    Map.of("WGT_OWNER_PID", Long.toString(owner.pid())), new byte[0], Testbed.UP_TIMEOUT);
            assertThat(up.exitCode()).as(up.err()).isZero();
            String id = stateId(dir);
            ExecResult gc = Commands.run(List.of("bash", Testbed.script().toString(), "gc"), Duration.ofSeconds(30));
            assertThat(gc.exitCode()).isZero();
            assertThat(Path.of("/run/netns/wgt-" + id + "-a")).as("owner alive: kept").exists();

            owner.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            gc = Commands.run(List.of("bash", Testbed.script().toString(), "gc"), Duration.ofSeconds(30));
            assertThat(gc.exitCode()).as(gc.err()).isZero();
            assertNothingLeft(id, dir);
        } finally {
            owner.destroyForcibly();
            Commands.run(List.of("bash", Testbed.script().toString(), "down", dir.toString()), Duration.ofSeconds(30));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void writeConfig(Testbed bed, String host, String config) {
        ExecResult r = bed.exec(host, "umask 077 && cat > /etc/wireguard/wg0.conf",
                config.getBytes(StandardCharsets.UTF_8), Testbed.EXEC_TIMEOUT);
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    private static String privateKey(Testbed bed, String host) {
        return bed.execOk(host, "cat /etc/wireguard/privatekey").strip();
    }

    private static String subnet(String ip) {
        return ip.substring(0, ip.lastIndexOf('.'));
    }

    private static void assertNothingLeft(String id, Path dir) throws IOException {
        try (Stream<Path> netns = list(Path.of("/run/netns"))) {
            assertThat(netns.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("wgt-" + id));
        }
        try (Stream<Path> etc = list(Path.of("/etc/netns"))) {
            assertThat(etc.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("wgt-" + id));
        }
        assertThat(Path.of("/sys/class/net/wgt" + id)).doesNotExist();
        assertThat(Path.of("/run/wgtui-testbed/" + id + ".state")).doesNotExist();
        assertThat(dir.resolve("state")).doesNotExist();
    }

    /** The DIR of every testbed in the registry that gc reads. */
    private static List<String> registeredDirs() throws IOException {
        List<String> dirs = new ArrayList<>();
        try (Stream<Path> states = list(Path.of("/run/wgtui-testbed"))) {
            for (Path state : (Iterable<Path>) states::iterator) {
                if (state.toString().endsWith(".state")) {
                    Files.readAllLines(state).stream().filter(l -> l.startsWith("TB_DIR="))
                            .forEach(l -> dirs.add(l.substring(7)));
                }
            }
        }
        return dirs;
    }

    private static Stream<Path> list(Path dir) throws IOException {
        return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
    }

    /** Every process now in one of the testbed's network namespaces. */
    private static Set<Long> processesInside(Testbed bed) {
        Set<Long> pids = new TreeSet<>();
        List<String> namespaces = new ArrayList<>(List.of("wgt-" + bed.id()));
        bed.hosts().forEach(h -> namespaces.add(bed.namespace(h.name())));
        for (String ns : namespaces) {
            ExecResult r = Commands.run(List.of("ip", "netns", "pids", ns), Duration.ofSeconds(10));
            r.out().lines().filter(l -> !l.isBlank()).forEach(l -> pids.add(Long.parseLong(l.strip())));
        }
        return pids;
    }

    private static Set<Long> recordedPids(Path dir) throws IOException {
        Set<Long> pids = new TreeSet<>();
        Path file = dir.resolve("pids");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.split(" ")[0]));
                }
            }
        }
        return pids;
    }

    private static String stateId(Path dir) throws IOException {
        Path state = dir.resolve("state");
        if (!Files.exists(state)) {
            return null;
        }
        return Files.readAllLines(state).stream().filter(l -> l.startsWith("TB_ID="))
                .map(l -> l.substring(6)).findFirst().orElse(null);
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Alive and not a zombie: a zombie holds no namespaces and waits only for its parent to reap it. */
    private static boolean running(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("State:")) {
                    String state = line.substring(6).strip();
                    return !state.startsWith("Z") && !state.startsWith("X");
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
