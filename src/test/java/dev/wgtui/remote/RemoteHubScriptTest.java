package dev.wgtui.remote;

import dev.wgtui.core.host.HostException;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.plan.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real hub scripts, run by /bin/sh on this machine against a temp directory with fake
 * wg, wg-quick, ip and sudo: what the hub ends up with after each operation and each failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteHubScriptTest {

    @TempDir
    Path root;

    FakeHubHost host;
    RemoteHub hub;
    final String cm4 = FakeHubHost.key();
    final String s2204 = FakeHubHost.key();
    final String hubKey = FakeHubHost.key();

    @BeforeEach
    void setUp() {
        host = new FakeHubHost(root);
        hub = host.hub();
    }

    // ---- read ----------------------------------------------------------------------------

    @Test
    void readsANewHubAsNoFileAndDown() throws Exception {
        HubState s = hub.read();

        assertThat(s.hasFile()).isFalse();
        assertThat(s.hash()).isEqualTo("absent");
        assertThat(s.live()).isEmpty();
        assertThat(hub.roundTrips()).isEqualTo(1);
    }

    @Test
    void readsTheFileByteForByteAndTheLiveStateInOneRoundTrip() throws Exception {
        String text = host.config("cm4", cm4) + "# no newline at the end";
        host.writeConf(text);
        host.up(hubKey, text);

        HubState s = hub.read();

        assertThat(s.text()).isEqualTo(text);
        assertThat(s.live()).isPresent();
        assertThat(s.live().get().peers()).extracting(p -> p.publicKey()).containsExactly(cm4);
        assertThat(s.live().get().listenPort()).isEqualTo(51820);
        assertThat(hub.roundTrips()).isEqualTo(1);
        assertThat(host.allOutput()).doesNotContain(hubKey);
    }

    @Test
    void readKeepsTrailingNewlinesAndCarriageReturns() throws Exception {
        String text = "[Interface]\r\nListenPort = 51820\r\n\n\n";
        host.writeConf(text);

        assertThat(hub.read().text()).isEqualTo(text);
    }

    @Test
    void aFileThatLooksLikeAFrameCannotFoolTheReader() throws Exception {
        String text = "[Interface]\n\nwgtui-00000000000000000000000000000000:end\n\nfoo:dump\nx\n";
        host.writeConf(text);

        assertThat(hub.read().text()).isEqualTo(text);
    }

    @Test
    void aHubWithoutWgSaysSo(@TempDir Path other) {
        FakeHubHost bare = new FakeHubHost(other, false);

        assertThatThrownBy(() -> bare.hub().read())
                .isInstanceOf(HubException.class)
                .hasMessageContaining("wg is not installed")
                .hasMessageContaining("wireguard-tools")
                .satisfies(e -> assertThat(((HostException) e.getCause()).kind()).isEqualTo(HostException.Kind.MISSING_TOOL));
    }

    // ---- preview -------------------------------------------------------------------------

    @Test
    void previewIsWrittenOwnerOnlyAndNothingElseChanges() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        String preview = host.config("cm4", cm4, "s2204", s2204);

        hub.writePreview(preview);

        Path p = host.tmp.resolve("wg0.conf.preview");
        assertThat(FakeHubHost.read(p)).isEqualTo(preview);
        assertThat(FakeHubHost.mode(p)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
        assertThat(host.etcFiles()).containsExactly("wg0.conf");
        assertThat(host.calls()).doesNotContain("syncconf").doesNotContain("wg-quick up");
        assertThat(hub.previewPath()).isEqualTo(p.toString());
    }

    // ---- commit --------------------------------------------------------------------------

    @Test
    void createNewWritesTheFileMakesTheKeyAndBringsTheInterfaceUp() throws Exception {
        String text = host.config("cm4", cm4);

        Commit c = hub.commit(text, "absent");

        assertThat(c.backupName()).isNull();
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(text);
        assertThat(FakeHubHost.mode(host.conf())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(FakeHubHost.mode(host.etc)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path privateKey = host.etc.resolve("privatekey");
        assertThat(FakeHubHost.mode(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(FakeHubHost.read(privateKey).strip()).hasSize(44);
        assertThat(FakeHubHost.read(host.etc.resolve("publickey")).strip()).hasSize(44);
        assertThat(host.calls()).contains("wg-quick up " + host.conf());
        assertThat(c.after().text()).isEqualTo(text);
        assertThat(c.after().live()).isPresent();
        assertThat(c.after().live().get().peers()).hasSize(1);
        assertThat(hub.roundTrips()).isEqualTo(1);
        assertThat(host.allOutput()).doesNotContain(FakeHubHost.read(privateKey).strip());
        // the job's record went with its outcome: the client has it
        assertThat(host.etcFiles()).containsExactly(".wg0.lock", "privatekey", "publickey", "wg0.conf");
    }

    @Test
    void updateBacksUpWritesAtomicallyAndSyncsWithoutDroppingTheInterface() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        String text = host.config("cm4", cm4, "s2204", s2204);

        Commit c = hub.commit(text, Plan.hash(old));

        assertThat(c.backupName()).isEqualTo("wg0.conf.20260301T100000Z.backup");
        Path backup = host.etc.resolve(c.backupName());
        assertThat(FakeHubHost.read(backup)).isEqualTo(old);
        assertThat(FakeHubHost.mode(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(text);
        assertThat(FakeHubHost.mode(host.conf())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(host.calls()).contains("wg syncconf wg0").doesNotContain("wg-quick up");
        // the stripped config kept the running private key, so syncconf could not clear it
        String synced = FakeHubHost.read(host.state.resolve("synced"));
        assertThat(synced).contains("PrivateKey = " + hubKey).doesNotContain("PostUp").doesNotContain("Address");
        assertThat(c.after().live().get().peers()).extracting(p -> p.publicKey()).containsExactly(cm4, s2204);
        assertThat(hub.roundTrips()).isEqualTo(1);
        assertThat(host.allOutput()).doesNotContain(hubKey);
        assertThat(String.join("\n", host.echo)).doesNotContain(hubKey).doesNotContain(s2204);
        // the config loads its key from etc/privatekey, which was missing: the running key was saved there
        assertThat(FakeHubHost.read(host.etc.resolve("privatekey")).strip()).isEqualTo(hubKey);
        assertThat(host.etcFiles()).containsExactly(".wg0.conf.sha256", ".wg0.lock", "privatekey", "publickey",
                "wg0.conf", "wg0.conf.20260301T100000Z.backup");
        assertThat(FakeHubHost.read(host.etc.resolve(".wg0.conf.sha256")))
                .isEqualTo(Plan.hash(old) + "  wg0.conf.20260301T100000Z.backup\n");
    }

    @Test
    void routesAreAddedForAllowedIpsTheInterfaceDoesNotCover() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        FakeHubHost.write(host.state.resolve("covered"), "10.0.0.3/32\n");
        String text = old + "\n[Peer]\n# lan\nPublicKey = " + s2204 + "\nAllowedIPs = 10.0.0.4/32, 192.168.50.0/24, fd00::4/128\n"
                + "\n[Peer]\n# gw\nPublicKey = " + FakeHubHost.key() + "\nAllowedIPs = 0.0.0.0/0\n";

        hub.commit(text, Plan.hash(old));

        String calls = host.calls();
        assertThat(calls).contains("ip -4 route replace 10.0.0.4/32 dev wg0")
                .contains("ip -4 route replace 192.168.50.0/24 dev wg0")
                .contains("ip -6 route replace fd00::4/128 dev wg0")
                .doesNotContain("route replace 10.0.0.3/32")
                .doesNotContain("route replace 0.0.0.0/0")
                // 10.0.0.3/32 was on the interface before: not even looked at (no ip call per old peer)
                .doesNotContain("match 10.0.0.3/32");
    }

    @Test
    void tableOffMeansNoRoutes() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        String text = old.replace("ListenPort = 51820\n", "ListenPort = 51820\nTable = off\n")
                + "\n[Peer]\n# s2204\nPublicKey = " + s2204 + "\nAllowedIPs = 192.168.7.0/24\n";

        hub.commit(text, Plan.hash(old));

        assertThat(host.calls()).doesNotContain("route replace");
    }

    @Test
    void aFileChangedSinceThePreviewIsRefusedAndNothingIsWritten() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        String previewedHash = Plan.hash(host.config());

        assertThatThrownBy(() -> hub.commit(host.config("cm4", cm4, "s2204", s2204), previewedHash))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.CONFLICT))
                .hasMessageContaining("changed since the preview");

        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
        assertThat(host.etcFiles()).containsExactly(".wg0.lock", "wg0.conf");
        assertThat(host.calls()).doesNotContain("syncconf").doesNotContain("up");
    }

    @Test
    void aFileThatAppearedSinceAPreviewOfNoFileIsAConflict() throws Exception {
        host.writeConf(host.config());

        assertThatThrownBy(() -> hub.commit(host.config("cm4", cm4), "absent"))
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.CONFLICT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flock", "mkdir"})
    void aHeldLockRefusesTheCommit(String locker) throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        Path lock = host.etc.resolve(".wg0.lock");
        Process holder = locker.equals("flock")
                ? new ProcessBuilder("flock", lock.toString(), "sleep", "30").start()
                : null;
        if (locker.equals("mkdir")) {
            hub.testVar("LOCKER", "mkdir");
            Files.createDirectory(Path.of(lock + ".d"));
            FakeHubHost.write(Path.of(lock + ".d", "pid"), ProcessHandle.current().pid() + "\n");
        } else {
            waitForLock(lock);
        }
        try {
            assertThatThrownBy(() -> hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old)))
                    .isInstanceOf(HubException.class)
                    .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.LOCKED))
                    .hasMessageContaining("locked by another operator");
            assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
            assertThat(host.etcFiles()).noneMatch(n -> n.endsWith(".backup") || n.startsWith(".wgtui."));
        } finally {
            if (holder != null) {
                holder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aStaleMkdirLockOfADeadProcessIsTakenOver() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.keyFile(hubKey);
        hub.testVar("LOCKER", "mkdir");
        Path lockDir = host.etc.resolve(".wg0.lock.d");
        Files.createDirectory(lockDir);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        FakeHubHost.write(lockDir.resolve("pid"), dead.pid() + "\n");

        hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));

        assertThat(lockDir).doesNotExist();
    }

    private static void waitForLock(Path lock) throws Exception {
        for (int i = 0; i < 100; i++) {
            Process probe = new ProcessBuilder("flock", "-n", lock.toString(), "true").start();
            if (probe.waitFor() != 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the test could not take the lock");
    }

    @Test
    void twoCommitsAtOnceOneIsLockedAndNothingIsLost() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        host.slow("syncconf", 2);
        String a = host.config("cm4", cm4, "s2204", s2204);
        String b = host.config("cm4", cm4, "k8s-proxy", FakeHubHost.key());
        RemoteHub other = host.hub();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Object> fa = pool.submit(outcome(() -> hub.commit(a, Plan.hash(old))));
            Future<Object> fb = pool.submit(outcome(() -> other.commit(b, Plan.hash(old))));
            List<Object> results = List.of(fa.get(30, TimeUnit.SECONDS), fb.get(30, TimeUnit.SECONDS));

            assertThat(results).filteredOn(r -> r instanceof Commit).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof HubException).hasSize(1)
                    .allSatisfy(r -> assertThat(((HubException) r).kind())
                            .isIn(HubException.Kind.LOCKED, HubException.Kind.CONFLICT));
            Commit won = (Commit) results.stream().filter(r -> r instanceof Commit).findFirst().orElseThrow();
            assertThat(FakeHubHost.read(host.conf())).isEqualTo(won.after().text());
            assertThat(FakeHubHost.read(host.etc.resolve(won.backupName()))).isEqualTo(old);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Object> outcome(Callable<Object> c) {
        return () -> {
            try {
                return c.call();
            } catch (HubException e) {
                return e;
            }
        };
    }

    @Test
    void backupsTakenInTheSameSecondGetASuffix() throws Exception {
        String v1 = host.config("cm4", cm4);
        host.writeConf(v1);
        host.keyFile(hubKey);
        String v2 = host.config("cm4", cm4, "s2204", s2204);
        String v3 = host.config("s2204", s2204);

        Commit c2 = hub.commit(v2, Plan.hash(v1));
        Commit c3 = hub.commit(v3, Plan.hash(v2));

        assertThat(c2.backupName()).isEqualTo("wg0.conf.20260301T100000Z.backup");
        assertThat(c3.backupName()).isEqualTo("wg0.conf.20260301T100000Z-2.backup");
        List<Backup> backups = hub.backups();
        // newest first: -2 was taken after the one without a suffix
        assertThat(backups).extracting(Backup::name)
                .containsExactly("wg0.conf.20260301T100000Z-2.backup", "wg0.conf.20260301T100000Z.backup");
        assertThat(backups).extracting(Backup::peers).containsExactly(2, 1);
        assertThat(hub.readBackup(c3.backupName())).isEqualTo(v2);
    }

    @Test
    void backupsListsNewestFirstWithPeerCountsAsWgCountsSections() throws Exception {
        host.writeConf(host.config());
        FakeHubHost.write(host.etc.resolve("wg0.conf.20260101T000000Z.backup"), "[Interface]\n [peer] # a\n[Peer]\n#[Peer]\n");
        FakeHubHost.write(host.etc.resolve("wg0.conf.20260201T000000Z.backup"), host.config("cm4", cm4));
        FakeHubHost.write(host.etc.resolve("wg1.conf.20260201T000000Z.backup"), "");
        FakeHubHost.write(host.etc.resolve("wg0.conf.notatime.backup"), "");

        List<Backup> backups = hub.backups();

        assertThat(backups).extracting(Backup::name)
                .containsExactly("wg0.conf.20260201T000000Z.backup", "wg0.conf.20260101T000000Z.backup");
        assertThat(backups).extracting(Backup::peers).containsExactly(1, 2);
        assertThat(hub.roundTrips()).isEqualTo(1);
    }

    @Test
    void readBackupAndRollbackRefuseNamesThatAreNotPlainBackupNames() {
        for (String name : List.of("../wg0.conf.20260101T000000Z.backup", "wg0.conf.20260101T000000Z.backup; rm -rf /",
                "wg0.conf.20260101T000000Z.backup'", "other.conf.20260101T000000Z.backup", "wg0.conf")) {
            assertThatThrownBy(() -> hub.readBackup(name)).isInstanceOf(HubException.class);
            assertThatThrownBy(() -> hub.rollback(name)).isInstanceOf(HubException.class);
        }
        assertThat(hub.roundTrips()).isZero();
    }

    @Test
    void rollbackPutsTheBackupBackAndReloadsWithoutANewBackup() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        Commit c = hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));

        HubState s = hub.rollback(c.backupName());

        assertThat(s.text()).isEqualTo(old);
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
        assertThat(s.live().get().peers()).extracting(p -> p.publicKey()).containsExactly(cm4);
        assertThat(host.etcFiles()).filteredOn(n -> n.endsWith(".backup")).hasSize(1);
        assertThat(hub.roundTrips()).isEqualTo(2);
    }

    // ---- failures after the rename ---------------------------------------------------------

    @Test
    void aFailedSyncconfPutsTheBackupBackAndSaysWhichStep() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        host.failNext("syncconf", "Unable to modify interface: Protocol error");
        String text = host.config("cm4", cm4, "s2204", s2204);

        assertThatThrownBy(() -> hub.commit(text, Plan.hash(old)))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.RELOAD))
                .hasMessageContaining("syncconf")
                .hasMessageContaining("Protocol error")
                .hasMessageContaining("restored")
                .hasMessageContaining("wg0.conf.20260301T100000Z.backup");

        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
        assertThat(host.etc.resolve("wg0.conf.20260301T100000Z.backup")).exists();
        assertThat(host.etcFiles()).noneMatch(n -> n.startsWith(".wgtui."));
    }

    @Test
    void aNewFileThatCannotComeUpIsRemovedAgain() throws Exception {
        host.failNext("up", "RTNETLINK answers: Operation not supported");

        assertThatThrownBy(() -> hub.commit(host.config("cm4", cm4), "absent"))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.RELOAD))
                .hasMessageContaining("wg-quick up")
                .hasMessageContaining("Operation not supported")
                .hasMessageContaining("removed the new");

        assertThat(host.conf()).doesNotExist();
    }

    @Test
    void anEmptyStrippedConfigIsAFailureNotAnEmptyInterface() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        // a "wg-quick" that prints nothing: syncconf of it would remove every peer
        FakeHubHost.write(host.bin.resolve("wg-quick"), "#!/bin/sh\nexit 0\n");

        assertThatThrownBy(() -> hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old)))
                .hasMessageContaining("printed nothing");

        assertThat(host.calls()).doesNotContain("syncconf wg0 " + host.etc);
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
    }

    /** A run killed (kill -9) at any step leaves the old or the new file, never a mix; a re-run converges. */
    @ParameterizedTest
    @ValueSource(strings = {"mkdir", "receive", "lock", "check", "key", "backup", "write", "rename", "strip",
            "syncconf", "routes", "readback"})
    void aRunKilledAtAnyStepLeavesTheOldOrTheNewFile(String step) throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        String text = host.config("cm4", cm4, "s2204", s2204);
        hub.testVar("KILL_AT", step);

        assertThatThrownBy(() -> hub.commit(text, Plan.hash(old)))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("k8s");

        String now = FakeHubHost.read(host.conf());
        assertThat(now).isIn(old, text);
        List<String> backups = host.etcFiles().stream().filter(n -> n.endsWith(".backup")).toList();
        if (now.equals(text)) {
            assertThat(FakeHubHost.mode(host.conf())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(backups).hasSize(1);
        }
        backups.forEach(b -> assertThat(FakeHubHost.read(host.etc.resolve(b))).isEqualTo(old));

        // the lock died with the script: the operator runs again and gets there
        RemoteHub again = host.hub(false, Clock.offset(Clock.fixed(FakeHubHost.T0, ZoneOffset.UTC),
                java.time.Duration.ofSeconds(1)));
        HubState seen = again.read();
        if (seen.text().equals(text)) {
            HubState reloaded = again.reload();
            assertThat(reloaded.live().get().peers()).hasSize(2);
        } else {
            Commit c = again.commit(text, seen.hash());
            assertThat(c.after().text()).isEqualTo(text);
            assertThat(c.after().live().get().peers()).hasSize(2);
        }
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(text);
    }

    // ---- drift and health ---------------------------------------------------------------

    @Test
    void runningAndStrippedConfigsNeverCarryThePrivateKey() throws Exception {
        String text = host.config("cm4", cm4).replace("[Interface]\n", "[Interface]\nPrivateKey = " + hubKey + "\n");
        host.writeConf(text);
        host.up(hubKey, text);

        Optional<String> running = hub.runningConfig();
        String stripped = hub.strippedConfig();

        assertThat(running).isPresent();
        assertThat(running.get()).contains("[Peer]").contains(cm4).doesNotContainIgnoringCase("privatekey")
                .doesNotContain(hubKey).contains("PresharedKey = (hidden)");
        assertThat(stripped).contains("[Peer]").contains(cm4).doesNotContainIgnoringCase("privatekey")
                .doesNotContain(hubKey).doesNotContain("PostUp");
        assertThat(host.allOutput()).doesNotContain(hubKey);
        assertThat(hub.roundTrips()).isEqualTo(2);
    }

    @Test
    void runningConfigIsEmptyWhenTheInterfaceIsDown() throws Exception {
        host.writeConf(host.config("cm4", cm4));

        assertThat(hub.runningConfig()).isEmpty();
    }

    @Test
    void pingsEachAddressInOneRoundTripAndRefusesNonAddresses() throws Exception {
        FakeHubHost.write(host.bin.resolve("ping"), "#!/bin/sh\nfor a; do last=$a; done\n"
                + "case $last in 10.0.0.3) echo '64 bytes from 10.0.0.3: icmp_seq=1 ttl=64 time=0.42 ms';;\n"
                + "*) echo '1 packets transmitted, 0 received, 100% packet loss'; echo; exit 1;; esac\n");
        Files.setPosixFilePermissions(host.bin.resolve("ping"), PosixFilePermissions.fromString("rwx------"));

        List<Hub.PingResult> r = hub.ping(List.of("10.0.0.3", "10.0.0.4", "$(reboot)")).orElseThrow();

        assertThat(r).extracting(Hub.PingResult::address).containsExactly("10.0.0.3", "10.0.0.4", "$(reboot)");
        assertThat(r).extracting(Hub.PingResult::reachable).containsExactly(true, false, false);
        assertThat(r.get(0).detail()).contains("time=0.42 ms");
        assertThat(r.get(1).detail()).contains("100% packet loss");
        assertThat(r.get(2).detail()).contains("not an IP address");
        assertThat(hub.roundTrips()).isEqualTo(1);
    }

    @Test
    void publicKeyComesFromTheRunningInterfaceOrTheKeyFile() throws Exception {
        hub.commit(host.config("cm4", cm4), "absent");
        String expected = FakeHubHost.read(host.etc.resolve("publickey")).strip();
        Files.delete(host.state.resolve("up"));

        assertThat(hub.publicKey()).isEqualTo(expected);
    }

    // ---- sudo ------------------------------------------------------------------------------

    @Test
    void becomeRunsEveryScriptThroughSudoN() throws Exception {
        RemoteHub viaSudo = host.hub(true, Clock.systemUTC());

        viaSudo.read();

        assertThat(host.shell.runs.get(0).command()).startsWith("sudo -n sh -c '");
        assertThat(host.calls()).contains("sudo -n");
    }

    @Test
    void sudoThatWantsAPasswordIsAClearError() {
        FakeHubHost.write(host.state.resolve("sudo-password"), "");
        RemoteHub viaSudo = host.hub(true, Clock.systemUTC());

        assertThatThrownBy(viaSudo::read)
                .isInstanceOf(HubException.class)
                .hasMessageContaining("k8s")
                .hasMessageContaining("sudo needs a password")
                .hasMessageContaining("NOPASSWD")
                .satisfies(e -> assertThat(((HostException) e.getCause()).kind()).isEqualTo(HostException.Kind.SUDO));
    }

    // ---- verbose -------------------------------------------------------------------------

    @Test
    void verboseEchoNamesEachStepButNoSecretAndNoConfigText() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.up(hubKey, old);
        String text = host.config("cm4", cm4, "s2204", s2204);

        hub.read();
        hub.commit(text, Plan.hash(old));

        String echoed = String.join("\n", host.echo);
        assertThat(echoed).contains("[#] k8s: cat " + host.conf())
                .contains("[#] k8s: lock, check, back up and write")
                .contains("[#] cp " + host.conf())
                .contains("[#] mv ")
                .contains("[#] wg syncconf wg0")
                .doesNotContain(hubKey)
                .doesNotContain(s2204)
                .doesNotContain("[Peer]");
    }
}
