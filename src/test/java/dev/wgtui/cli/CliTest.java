package dev.wgtui.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command of the command line on local files: output, exit code, and what is on disk. */
class CliTest {

    static final String DEMO_PRIVATE_KEY = "d2d0dWktZGVtby1wcml2YXRlLWtleS1ub3QtcmVhbCE=";

    @TempDir
    Path dir;
    Path inventory;
    Path conf;
    Path preview;

    @BeforeEach
    void copySample() throws IOException {
        inventory = dir.resolve("inventory.yml");
        conf = dir.resolve("wg0.conf");
        preview = dir.resolve("wg0.conf.preview");
        for (String name : List.of("inventory.yml", "wg0.conf")) {
            try (InputStream in = getClass().getResourceAsStream("/demo/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
    }

    private CliRun local(String... args) {
        return CliRun.run(withLocal(args));
    }

    private String[] withLocal(String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "-i";
        all[1] = inventory.toString();
        all[2] = "--local";
        all[3] = conf.toString();
        all[4] = "--preview";
        all[5] = preview.toString();
        System.arraycopy(args, 0, all, 6, args.length);
        return all;
    }

    private List<String> backups() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".backup")).sorted().toList();
        }
    }

    @Test
    void aPivpnClientDisabledInTheFileIsShownAsDisabled() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/configs/generators/pivpn-disabled.conf")) {
            Files.copy(in, conf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        CliRun r = local("status");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("tv\\.box \\(disabled\\)\\s+\\? extra")
                .containsPattern("phone\\s+\\? extra");
        assertThat(r.out().lines().filter(l -> l.contains("(disabled)"))).hasSize(1);
    }

    @Test
    void demoStatusListsEveryPeerWithItsMarker() {
        CliRun r = CliRun.run("--demo", "status");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("cm4\\s+~ changed\\s+10\\.0\\.0\\.3")
                .containsPattern("s2204\\s+✓ ok\\s+10\\.0\\.0\\.4")
                .containsPattern("k8s-proxy\\s+! missing\\s+10\\.0\\.0\\.21")
                .containsPattern("old-laptop\\s+\\? extra\\s+10\\.0\\.0\\.50")
                .contains("Hub k8s");
    }

    @Test
    void demoDiffShowsOnlyCm4WithKeysHiddenAndTheSummary() {
        CliRun r = CliRun.run("--demo", "diff", "cm4");
        assertThat(r.exitCode()).isZero();
        List<String> changed = r.out().lines().filter(l -> (l.startsWith("+") || l.startsWith("-"))
                && !l.startsWith("+++") && !l.startsWith("---")).toList();
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0)).startsWith("-PublicKey = UHvBNQ");
        assertThat(changed.get(1)).startsWith("+PublicKey = ");
        assertThat(r.out()).doesNotContain(DEMO_PRIVATE_KEY)
                .contains("Status: UPDATE EXISTING").contains("Current peers: 3").contains("Preview peers: 3")
                .contains("Change: 0 peer(s)").contains("Updated: cm4");
    }

    @Test
    void applyWritesFileAndBackupAndASecondRunWritesNothing() throws IOException {
        String before = Files.readString(conf);
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T03:15:00Z"), ZoneOffset.UTC);
        CliRun first = CliRun.run(clock, q -> false, withLocal("apply", "cm4", "--yes"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("; backup wg0.conf.20261126T031500Z.backup.").contains("Validation passed");
        assertThat(backups()).containsExactly("wg0.conf.20261126T031500Z.backup");
        assertThat(Files.readString(dir.resolve("wg0.conf.20261126T031500Z.backup"))).isEqualTo(before);
        String after = Files.readString(conf);
        assertThat(after).isNotEqualTo(before).contains("old-laptop").contains("s2204");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(conf))).isEqualTo("rw-------");

        CliRun second = CliRun.run(Clock.offset(clock, java.time.Duration.ofMinutes(1)), q -> false,
                withLocal("apply", "cm4", "--yes"));
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("Nothing to apply: k8s:" + conf + " already is as planned; nothing written, "
                + "no backup, no reload.");
        assertThat(Files.readString(conf)).isEqualTo(after);
        assertThat(backups()).hasSize(1);
    }

    @Test
    void applyWithoutConfirmationWritesNothing() throws IOException {
        String before = Files.readString(conf);
        CliRun r = local("apply", "cm4");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(r.err()).contains("not confirmed; nothing written");
        assertThat(Files.readString(conf)).isEqualTo(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void confirmationByTheOperatorApplies() throws IOException {
        CliRun r = CliRun.run(CliRun.CLOCK, q -> q.startsWith("Apply this plan to k8s"), withLocal("apply", "cm4"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(backups()).hasSize(1);
    }

    @Test
    void diffLeavesThePreviewAndChangesNothingElse() throws IOException {
        String before = Files.readString(conf);
        CliRun r = local("diff", "all");
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(conf)).isEqualTo(before);
        assertThat(backups()).isEmpty();
        assertThat(Files.readString(preview)).contains("# k8s-proxy").contains("# cm4").contains("# old-laptop");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(preview))).isEqualTo("rw-------");
        assertThat(r.out()).contains("Change: +1 peer(s)").contains("Preview file: " + preview);
    }

    @Test
    void malformedConfigGivesOneClearErrorAndTouchesNothing() throws IOException {
        String broken = Files.readString(conf).replace("AllowedIPs = 10.0.0.4/32", "AllowedIPs = 10.0.0.400/32");
        Files.writeString(conf, broken);
        CliRun r = local("apply", "cm4", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err().strip()).isEqualTo("wgtui: k8s:" + conf + ":20: invalid CIDR '10.0.0.400/32' in AllowedIPs: "
                + "`AllowedIPs = 10.0.0.400/32'");
        assertThat(Files.readString(conf)).isEqualTo(broken);
        assertThat(backups()).isEmpty();
        assertThat(preview).doesNotExist();
    }

    @Test
    void malformedInventoryGivesOneClearErrorNamingTheLine() throws IOException {
        Files.writeString(inventory, "all:\n  children:\n    workers:\n      hosts:\n        cm4: [unclosed\n");
        String before = Files.readString(conf);
        CliRun r = local("apply", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("wgtui: ").contains("inventory.yml:").hasLineCount(1);
        assertThat(Files.readString(conf)).isEqualTo(before);
    }

    @Test
    void aWorkerWithABadVariableIsNamedWithItsHost() throws IOException {
        Files.writeString(inventory, Files.readString(inventory).replace("wireguard_ip: 10.0.0.4", "wireguard_ip: 10.0.0.999"));
        CliRun r = local("status");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err().strip()).isEqualTo("wgtui: inventory.yml: host s2204: wireguard_ip '10.0.0.999' is not an IP address");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNotRewritten() throws IOException {
        byte[] latin1 = (Files.readString(conf) + "# B\u00fcro rack 2\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(conf, latin1);
        CliRun r = local("apply", "cm4", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("not UTF-8 text");
        assertThat(Files.readAllBytes(conf)).isEqualTo(latin1);
        assertThat(backups()).isEmpty();
    }

    @Test
    void unknownHostIsAnInputError() {
        CliRun r = local("diff", "nosuchhost");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("nosuchhost");
    }

    @Test
    void proposedConfigThatBreaksARuleIsRefused() throws IOException {
        // s2204's key in the inventory set to cm4's key on the hub: applying both would duplicate it.
        String inv = Files.readString(inventory).replace("URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=",
                "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=");
        Files.writeString(inventory, inv);
        String before = Files.readString(conf);
        CliRun r = local("apply", "s2204", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(r.err()).contains("duplicate public key");
        assertThat(Files.readString(conf)).isEqualTo(before);
    }

    @Test
    void validateFailsUntilEveryWorkerIsThenPasses() {
        CliRun before = local("validate");
        assertThat(before.exitCode()).isEqualTo(ExitCode.CHECK_FAILED.code());
        assertThat(before.out()).contains("✗ k8s-proxy: not a peer in the file").contains("? old-laptop")
                .contains("Validation FAILED");
        assertThat(local("apply", "--yes").exitCode()).isZero();
        CliRun after = local("validate");
        assertThat(after.exitCode()).as(after.out()).isZero();
        assertThat(after.out()).contains("Validation passed: 3 expected, 3 ok, 0 missing, 0 mismatched, 1 extra (preserved)");
    }

    @Test
    void backupsAndRestore() throws IOException {
        String original = Files.readString(conf);
        assertThat(local("backups").out()).contains("no backups");
        assertThat(local("apply", "cm4", "--yes").exitCode()).isZero();
        String applied = Files.readString(conf);
        CliRun list = local("backups");
        assertThat(list.out()).contains("wg0.conf.20261126T031500Z.backup").contains("2026-11-26 03:15:00 UTC");

        CliRun diffOnly = local("restore", "wg0.conf.20261126T031500Z.backup", "--diff");
        assertThat(diffOnly.exitCode()).isZero();
        assertThat(diffOnly.out()).contains("-PublicKey").contains("+PublicKey = UHvBNQ")
                .contains("Change: 0 peer(s), 1 updated").contains("Updated: cm4");
        assertThat(Files.readString(conf)).isEqualTo(applied);

        CliRun restore = CliRun.run(Clock.offset(CliRun.CLOCK, java.time.Duration.ofSeconds(5)), q -> false,
                withLocal("restore", "wg0.conf.20261126T031500Z.backup", "--yes"));
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored k8s:" + conf + ": file written, interface not reloaded (a local file)")
                .contains("On the hub, load it with: wg syncconf wg0");
        assertThat(Files.readString(conf)).isEqualTo(original);
        assertThat(backups()).containsExactly("wg0.conf.20261126T031500Z.backup", "wg0.conf.20261126T031505Z.backup");
        assertThat(Files.readString(dir.resolve("wg0.conf.20261126T031505Z.backup"))).isEqualTo(applied);
    }

    @Test
    void restoreSaysWhichPeersItRemovesBeforeItAsks() throws IOException {
        assertThat(local("apply", "--yes").exitCode()).isZero();
        String backup = backups().get(0);
        CliRun r = local("restore", backup);
        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(r.out()).contains("Change: -1 peer(s), 1 updated").contains("Removed: k8s-proxy");
    }

    @Test
    void restoreOfAnUnknownBackupIsAnInputError() {
        CliRun r = local("restore", "../../etc/passwd", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("no backup named");
    }

    @Test
    void pruneRemovesExtraPeersOnlyAfterConfirmation() throws IOException {
        CliRun refused = local("prune");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED.code());
        assertThat(refused.out()).contains("-# old-laptop").contains("Change: -1 peer(s)");
        assertThat(Files.readString(conf)).contains("old-laptop");
        CliRun done = local("prune", "--yes");
        assertThat(done.exitCode()).isZero();
        assertThat(Files.readString(conf)).doesNotContain("old-laptop").contains("# cm4").contains("# s2204");
    }

    @Test
    void saveConfigTrueIsRefusedUnlessTheOperatorAgrees() throws IOException {
        Files.writeString(conf, Files.readString(conf).replace("ListenPort = 51820", "ListenPort = 51820\nSaveConfig = true"));
        CliRun refused = local("apply", "cm4", "--yes");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(refused.err()).contains("SaveConfig = true");
        CliRun agreed = local("--turn-off-saveconfig", "apply", "cm4", "--yes");
        assertThat(agreed.exitCode()).as(agreed.err()).isZero();
        assertThat(Files.readString(conf)).contains("SaveConfig = false");
    }

    @Test
    void jsonStatusIsMachineReadable() {
        CliRun r = CliRun.run("--demo", "--json", "status");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).startsWith("{\"hub\":\"k8s\"").contains("\"status\":\"changed\"")
                .contains("\"name\":\"old-laptop\",\"status\":\"extra\"").endsWith("}");
    }

    @Test
    void healthAndDriftOnALocalFileSayThereIsNoInterfaceAndExitSix() {
        CliRun health = local("health");
        assertThat(health.exitCode()).isEqualTo(ExitCode.NOT_RUNNING.code()).isEqualTo(6);
        assertThat(health.out()).startsWith("Health: the interface is not running here");
        CliRun drift = local("drift");
        assertThat(drift.exitCode()).isEqualTo(ExitCode.NOT_RUNNING.code());
        assertThat(drift.out()).startsWith("Drift not checked: the interface is not running here");
    }

    @Test
    void badOptionIsAUsageError() {
        CliRun r = CliRun.run("--no-such-option");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("wgtui: unknown option '--no-such-option'\n");
    }

    @Test
    void optionsWorkAfterTheCommandName() {
        CliRun r = CliRun.run("status", "--demo");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Hub k8s");
    }

    @Test
    void privateKeysNeverAppearInAnyOutput() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String[] args : List.of(new String[]{"status"}, new String[]{"diff"}, new String[]{"apply", "--yes"},
                new String[]{"validate"}, new String[]{"backups"}, new String[]{"prune", "--yes"},
                new String[]{"--json", "diff"}, new String[]{"--json", "status"})) {
            CliRun r = local(args);
            all.append(r.out()).append(r.err());
        }
        assertThat(all.toString()).doesNotContain(DEMO_PRIVATE_KEY);
        assertThat(new String(Files.readAllBytes(conf), StandardCharsets.UTF_8)).contains(DEMO_PRIVATE_KEY);
    }

    /** Issue 8.1: an endpoint that smuggles a section and a root hook in is refused, nothing written. */
    @Test
    void anInventoryValueThatWouldInjectLinesIsRefusedAndNothingIsWritten() throws IOException {
        String before = Files.readString(conf);
        Files.writeString(inventory, Files.readString(inventory).replace("wireguard_ip: 10.0.0.3\n",
                "wireguard_ip: 10.0.0.3\n          wireguard_endpoint: \"198.51.100.7:51820 #\\n[Interface]\\nPostUp = touch /tmp/x\"\n"));
        CliRun r = local("--yes", "apply", "cm4");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("host cm4: wireguard_endpoint '198.51.100.7:51820 #\\x0a[Interface]")
                .contains("is not host:port");
        assertThat(Files.readString(conf)).isEqualTo(before);
        assertThat(backups()).isEmpty();
        assertThat(r.out()).doesNotContain("PostUp = touch");
    }

    @Test
    void sortIsItsOwnPreviewedWriteAndAMergeNeverReorders() throws IOException {
        String unsorted = """
                [Interface]
                PrivateKey = %s
                ListenPort = 51820

                # the lab's gateway
                [Peer]
                # s2204
                PublicKey = URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=
                AllowedIPs = 10.0.0.4/32

                [Peer]
                # cm4
                PublicKey = UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=
                AllowedIPs = 10.0.0.3/32
                """.formatted(DEMO_PRIVATE_KEY);
        Files.writeString(conf, unsorted);
        CliRun apply = local("--yes", "apply", "k8s-proxy");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        String merged = Files.readString(conf);
        assertThat(merged).startsWith(unsorted).contains("# k8s-proxy");

        CliRun asked = local("sort");
        assertThat(asked.exitCode()).isEqualTo(3);
        assertThat(Files.readString(conf)).isEqualTo(merged);

        CliRun sorted = local("--yes", "sort");
        assertThat(sorted.exitCode()).as(sorted.err()).isZero();
        String after = Files.readString(conf);
        assertThat(after.indexOf("# cm4")).isLessThan(after.indexOf("# k8s-proxy"));
        assertThat(after.indexOf("# k8s-proxy")).isLessThan(after.indexOf("# s2204"));
        // the comment above s2204's [Peer] is s2204's: it moved with it
        assertThat(after).contains("# the lab's gateway\n[Peer]\n# s2204\n");
        assertThat(backups()).hasSize(2);

        CliRun again = local("sort");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("in name order already");
    }
}
