package dev.wgtui.cli;

import dev.wgtui.core.config.ConfigLine;
import dev.wgtui.core.config.PeerBlock;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hub files written by the installers, on a real hub: wgtui adds a worker, prunes, restores over
 * SSH, and after each step every peer it did not touch has its lines, and the running interface
 * (loaded by wg-quick strip and wg syncconf) holds exactly the file's peers; a githubixx
 * inventory as the role writes it diffs and applies cleanly.
 */
@Tag("testbed")
@ExtendWith(TestbedExtension.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class GeneratorFilesTestbedTest {

    @TempDir
    Path dir;
    Testbed bed;

    @BeforeEach
    void cleanHosts(Testbed bed) {
        this.bed = bed;
        bed.resetWireGuard();
        for (var h : bed.hosts()) {
            bed.wgSetup(h.name());
        }
    }

    private CliRun wgtui(Path inventory, String... args) {
        List<String> all = new ArrayList<>(List.of("-i", inventory.toString(), "--known-hosts",
                bed.knownHosts().toString()));
        all.addAll(List.of(args));
        return CliRun.run(Clock.systemUTC(), q -> false, all.toArray(String[]::new));
    }

    private Path inventory() throws IOException {
        StringBuilder yml = new StringBuilder("all:\n  vars:\n    ansible_user: root\n    ansible_ssh_private_key_file: "
                + bed.operatorKey() + "\n  children:\n    control_plane:\n      hosts:\n        k8s:\n"
                + "          ansible_host: " + bed.host("k8s").underlayIp() + "\n          wireguard_ip: 10.0.0.20\n"
                + "    workers:\n      hosts:\n");
        for (String w : TestbedExtension.WORKERS) {
            yml.append("        ").append(w).append(":\n          ansible_host: ").append(bed.host(w).underlayIp())
                    .append("\n          wireguard_ip: ").append(bed.host(w).wgIp()).append('\n');
        }
        Path p = dir.resolve("inventory.yml");
        Files.writeString(p, yml.toString());
        return p;
    }

    static String fixture(String id) throws IOException {
        try (InputStream in = GeneratorFilesTestbedTest.class.getResourceAsStream("/configs/generators/" + id + ".conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The hub's file as wg0.conf on the testbed: our [Interface], the installer's peers as it wrote them. */
    static String hubFile(String id) throws IOException {
        String text = fixture(id);
        WgConfig parsed = WgConfig.parse(id, text);
        StringBuilder peers = new StringBuilder();
        for (ConfigLine l : parsed.lines().subList(parsed.preamble().size(), parsed.lines().size())) {
            peers.append(l.raw()).append(l.eol());
        }
        return "[Interface]\nAddress = 10.0.0.20/24\nListenPort = 51820\n"
                + "PostUp = wg set %i private-key /etc/wireguard/privatekey\n\n" + peers;
    }

    /** Key to AllowedIPs of the running interface, as wg lists them. */
    private Map<String, TreeSet<String>> running() {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (String line : bed.execOk("k8s", "wg show wg0 allowed-ips").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            TreeSet<String> ips = new TreeSet<>();
            if (f.length > 1 && !f[1].equals("(none)")) {
                for (String ip : f[1].split(" ")) {
                    ips.add(dev.wgtui.core.config.Cidr.parse(ip).orElseThrow().networkText());
                }
            }
            out.put(f[0], ips);
        }
        return out;
    }

    /** Key to AllowedIPs of the active peers of the hub's file, as wg would load them. */
    private Map<String, TreeSet<String>> inFile(WgConfig config) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (PeerBlock p : config.peers()) {
            TreeSet<String> ips = new TreeSet<>();
            for (String ip : p.allowedIps()) {
                ips.add(dev.wgtui.core.config.Cidr.parse(ip).orElseThrow().networkText());
            }
            out.put(p.publicKey().orElseThrow(), ips);
        }
        return out;
    }

    private WgConfig hubConfig() {
        return WgConfig.parse("k8s", bed.execOk("k8s", "cat /etc/wireguard/wg0.conf"));
    }

    private static List<String> content(PeerBlock p) {
        return p.lines().stream().filter(l -> !(l instanceof ConfigLine.Blank)).map(ConfigLine::raw).toList();
    }

    private void assertInterfaceHoldsExactlyTheFilesPeers() {
        WgConfig config = hubConfig();
        Map<String, TreeSet<String>> want = inFile(config);
        Map<String, TreeSet<String>> got = running();
        assertThat(got.keySet()).isEqualTo(want.keySet());
        want.forEach((key, ips) -> assertThat(got.get(key)).as("AllowedIPs of %s", key).isEqualTo(ips));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nyr", "angristan", "pivpn-disabled", "mixed-handedit", "wireguard-ui", "wg-easy"})
    void anInstallersHubKeepsItsPeersThroughApplyPruneAndRestore(String id) throws Exception {
        String original = hubFile(id);
        bed.exec("k8s", "cat > /etc/wireguard/wg0.conf && chmod 600 /etc/wireguard/wg0.conf",
                original.getBytes(StandardCharsets.UTF_8), Testbed.EXEC_TIMEOUT);
        bed.execOk("k8s", "wg-quick up wg0 >/dev/null 2>&1");
        WgConfig before = WgConfig.parse(id, original);
        assertInterfaceHoldsExactlyTheFilesPeers();
        Path inventory = inventory();

        CliRun apply = wgtui(inventory, "apply", "cm4", "--yes");
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("Validation passed");
        WgConfig applied = hubConfig();
        for (PeerBlock was : before.blocks()) {
            PeerBlock now = applied.blocks().stream().filter(b -> b.name().equals(was.name())).findFirst().orElseThrow();
            assertThat(content(now)).as("%s: %s", id, was.name()).isEqualTo(content(was));
        }
        assertThat(applied.peer("cm4")).isPresent();
        assertThat(applied.disabledPeers()).hasSameSizeAs(before.disabledPeers());
        assertInterfaceHoldsExactlyTheFilesPeers();

        CliRun prune = wgtui(inventory, "prune", "--yes");
        assertThat(prune.exitCode()).as(prune.out() + prune.err()).isZero();
        WgConfig pruned = hubConfig();
        assertThat(pruned.peers()).extracting(PeerBlock::name).containsExactly("cm4");
        assertThat(pruned.disabledPeers()).extracting(PeerBlock::name)
                .isEqualTo(before.disabledPeers().stream().map(PeerBlock::name).toList());
        assertInterfaceHoldsExactlyTheFilesPeers();

        String first = bed.execOk("k8s", "cd /etc/wireguard && ls -tr *.backup | head -1").strip();
        CliRun restore = wgtui(inventory, "restore", first, "--yes");
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
        assertThat(bed.execOk("k8s", "cat /etc/wireguard/wg0.conf")).isEqualTo(original);
        assertInterfaceHoldsExactlyTheFilesPeers();
    }

    @Test
    void aGithubixxInventoryAsTheRoleWritesItDiffsAndAppliesCleanly() throws Exception {
        // The role's layout: everything in group vpn, host_vars per host, wireguard_address with
        // its prefix, bare endpoints with wireguard_port beside them (a string in group_vars), ""
        // for a host behind NAT, no public keys (they come from the hosts over SSH).
        Path hostVars = Files.createDirectories(dir.resolve("host_vars"));
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/vpn.yml"), "---\nwireguard_port: \"51820\"\nwireguard_interface: \"wg0\"\n"
                + "ansible_user: root\nansible_ssh_private_key_file: " + bed.operatorKey() + "\n");
        StringBuilder inv = new StringBuilder("all:\n  children:\n    vpn:\n      hosts:\n");
        for (var h : bed.hosts()) {
            inv.append("        ").append(h.name()).append(":\n");
        }
        inv.append("      children:\n        k8s_controller:\n          hosts:\n            k8s:\n");
        Files.writeString(dir.resolve("inventory.yml"), inv.toString());
        Files.writeString(hostVars.resolve("k8s"), "---\nwireguard_address: \"10.0.0.20/24\"\n"
                + "wireguard_endpoint: \"" + bed.host("k8s").underlayIp() + "\"\nansible_host: " + bed.host("k8s").underlayIp() + "\n");
        Files.writeString(hostVars.resolve("cm4.yml"), "---\nwireguard_address: \"10.0.0.3/24\"\n"
                + "wireguard_endpoint: \"" + bed.host("cm4").underlayIp() + "\"\nwireguard_port: 51820\n"
                + "wireguard_persistent_keepalive: \"30\"\nansible_host: " + bed.host("cm4").underlayIp() + "\n");
        Files.writeString(hostVars.resolve("s2204.yml"), "---\nwireguard_address: \"10.0.0.4/24\"\n"
                + "wireguard_endpoint: \"\"\nwireguard_persistent_keepalive: \"30\"\nansible_host: "
                + bed.host("s2204").underlayIp() + "\n");
        Files.writeString(hostVars.resolve("k8s-proxy.yml"), "---\nwireguard_address: \"10.0.0.21/24\"\n"
                + "ansible_host: " + bed.host("k8s-proxy").underlayIp() + "\n");
        Path inventory = dir.resolve("inventory.yml");
        String[] groups = {"--control-plane-group", "k8s_controller", "--workers-group", "vpn"};

        CliRun diff = wgtui(inventory, concat(groups, "diff", "all"));
        assertThat(diff.exitCode()).as(diff.out() + diff.err()).isZero();
        assertThat(diff.err()).isEmpty();
        assertThat(diff.out()).contains("Status: CREATE NEW").contains("+Endpoint = " + bed.host("cm4").underlayIp() + ":51820")
                .contains("+PersistentKeepalive = 30").contains("+Endpoint = k8s-proxy:51820");

        CliRun apply = wgtui(inventory, concat(groups, "apply", "all", "--yes"));
        assertThat(apply.exitCode()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("Validation passed");
        WgConfig hub = hubConfig();
        assertThat(hub.peers()).extracting(PeerBlock::name).containsExactly("cm4", "k8s-proxy", "s2204");
        assertThat(hub.peer("s2204").orElseThrow().endpoint()).isEmpty();
        assertThat(hub.peer("s2204").orElseThrow().persistentKeepalive()).isEmpty();
        assertInterfaceHoldsExactlyTheFilesPeers();

        CliRun again = wgtui(inventory, concat(groups, "diff", "all"));
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Status: NO CHANGE");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
