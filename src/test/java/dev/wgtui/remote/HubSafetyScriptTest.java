package dev.wgtui.remote;

import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;
import dev.wgtui.core.hub.RunReport;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.local.LocalHub;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression tests for the hub-side holes of issue 8, run with the real scripts on a fake hub
 * host (see {@link FakeHubHost}): each is named after what it guards.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HubSafetyScriptTest {

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

    /** A hub with cm4, running with key {@code hubKey}, its key file in place. */
    private String runningHub() {
        String old = host.config("cm4", cm4);
        host.writeConf(old);
        host.keyFile(hubKey);
        host.up(hubKey, old);
        return old;
    }

    // ---- item 2: a reload never leaves the interface without its key --------------------------

    @Test
    void noKeyToGiveMeansNoSyncconfTheBackupGoesBackAndTheInterfaceKeepsItsKey() throws Exception {
        // the key is loaded in PostUp from a file wgtui does not know; the running key cannot be read
        String old = host.config("cm4", cm4).replace(host.etc.resolve("privatekey").toString(), "/root/other.key");
        host.writeConf(old);
        host.up(hubKey, old);
        host.failNext("show-private-key", "Unable to access interface: Operation timed out");
        String text = old + "\n[Peer]\n# s2204\nPublicKey = " + s2204 + "\nAllowedIPs = 10.0.0.4/32\n";

        assertThatThrownBy(() -> hub.commit(text, Plan.hash(old)))
                .isInstanceOf(HubException.class)
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.RELOAD))
                .hasMessageContaining("no private key to give wg syncconf")
                .hasMessageContaining("restored");

        assertThat(host.runningPrivateKey()).isEqualTo(hubKey);
        assertThat(host.calls()).doesNotContain("wg syncconf wg0 " + host.etc);
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
    }

    @Test
    void anApplyKeepsTheRunningKeyEvenWhenTheKeyFileHoldsAnother() throws Exception {
        String old = runningHub();
        String other = FakeHubHost.key();
        host.keyFile(other);

        Commit c = hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));

        assertThat(host.runningPrivateKey()).isEqualTo(hubKey);
        assertThat(c.interfaceKeyBefore()).contains(FakeHubHost.publicKeyOf(hubKey));
        assertThat(c.after().live().orElseThrow().publicKey()).isEqualTo(FakeHubHost.publicKeyOf(hubKey));
    }

    @Test
    void anInterfaceThatLostItsKeyGetsItBackFromItsKeyFile() throws Exception {
        String old = runningHub();
        FakeHubHost.write(host.state.resolve("private"), "");

        hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));

        assertThat(host.runningPrivateKey()).isEqualTo(hubKey);
    }

    // ---- item 3: an existing hub never gets a new identity ------------------------------------

    @Test
    void anExistingHubWithoutItsKeyFileAndNoInterfaceIsRefusedNotGivenANewKey() throws Exception {
        String old = host.config("cm4", cm4);
        host.writeConf(old);

        assertThatThrownBy(() -> hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old)))
                .isInstanceOf(HubException.class)
                .hasMessageContaining(host.etc.resolve("privatekey").toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("does not make a new key for an existing hub")
                .hasMessageContaining("nothing written");

        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
        assertThat(host.etc.resolve("privatekey")).doesNotExist();
        assertThat(host.calls()).doesNotContain("wg genkey").doesNotContain("wg-quick up");
        assertThat(host.etcFiles()).noneMatch(n -> n.endsWith(".backup"));
    }

    // ---- item 4: one lock for --local and remote ------------------------------------------------

    @Test
    void aRemoteCommitHoldsTheLockThatLocalHubTakes() throws Exception {
        String old = runningHub();
        Path pause = pauseAt(hub, "backup");
        CompletableFuture<Object> remote = commitAsync(hub, host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));
        awaitFile(pause);
        LocalHub local = new LocalHub("k8s", host.conf(), host.tmp.resolve("local.preview"), Clock.systemUTC());
        try {
            assertThatThrownBy(() -> local.commit(host.config("cm4", cm4, "k8s-proxy", FakeHubHost.key()), Plan.hash(old)))
                    .isInstanceOf(HubException.class)
                    .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.LOCKED));
        } finally {
            Files.deleteIfExists(pause);
        }
        assertThat(remote.get(30, TimeUnit.SECONDS)).isInstanceOf(Commit.class);
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(host.config("cm4", cm4, "s2204", s2204));
    }

    // ---- item 5: the commit finishes on the hub whatever happens to the client ---------------------

    /** The client is killed while the job is at {@code step}: the hub finishes, the next run says how. */
    @ParameterizedTest
    @ValueSource(strings = {"lock", "check", "key", "backup", "write", "rename", "strip", "syncconf", "routes",
            "readback"})
    void aClientKilledAtAnyStepTheHubFinishesAndTheNextRunSaysHow(String step) throws Exception {
        String old = runningHub();
        String text = host.config("cm4", cm4, "s2204", s2204);
        Path pause = pauseAt(hub, step);
        CompletableFuture<Object> client = commitAsync(hub, text, Plan.hash(old));
        awaitFile(pause);

        host.shell.killCommand();
        Object gone = client.get(20, TimeUnit.SECONDS);
        Files.delete(pause);
        awaitJobEnd();

        assertThat(FakeHubHost.read(host.conf())).isEqualTo(text);
        assertThat(host.runningPrivateKey()).isEqualTo(hubKey);
        assertThat(FakeHubHost.read(host.state.resolve("peers")).lines()).hasSize(2);
        RemoteHub next = host.hub();
        HubState seen = next.read();
        assertThat(seen.unreported()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunReport.Outcome.DONE);
            assertThat(r.mode()).isEqualTo("commit");
            assertThat(r.backupName()).isEqualTo("wg0.conf.20260301T100000Z.backup");
            assertThat(r.describe()).contains("finished on the hub after its client went away")
                    .contains("wg0.conf.20260301T100000Z.backup");
        });
        // reported once: a later run does not see it again, this one keeps showing it
        assertThat(host.hub().read().unreported()).isEmpty();
        assertThat(next.read().unreported()).hasSize(1);
        assertThat(host.etcFiles()).noneMatch(n -> n.startsWith(".wg0.run.") || n.startsWith(".wgtui."));
        // the client that went away was told so
        assertThat(gone).isInstanceOf(HubException.class);
        assertThat(((HubException) gone).getMessage()).contains("the next wgtui run says how it ended");
    }

    @Test
    void aJobThatFailedWhileItsClientWasGoneIsReportedWithItsReason() throws Exception {
        String old = runningHub();
        host.failNext("syncconf", "Unable to modify interface: Protocol error");
        Path pause = pauseAt(hub, "strip");
        CompletableFuture<Object> client = commitAsync(hub, host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));
        awaitFile(pause);
        host.shell.killCommand();
        client.get(20, TimeUnit.SECONDS);
        Files.delete(pause);
        awaitJobEnd();

        assertThat(FakeHubHost.read(host.conf())).isEqualTo(old);
        assertThat(host.hub().read().unreported()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunReport.Outcome.FAILED);
            assertThat(r.step()).isEqualTo("syncconf");
            assertThat(r.describe()).contains("Protocol error").contains("restored");
        });
    }

    @Test
    void aJobKilledOnTheHubWithItsClientGoneIsReportedAsStoppedAndARunningOneAsRunning() throws Exception {
        String old = runningHub();
        Path pause = pauseAt(hub, "syncconf");
        CompletableFuture<Object> client = commitAsync(hub, host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));
        awaitFile(pause);
        host.shell.killCommand();
        client.get(20, TimeUnit.SECONDS);

        assertThat(host.hub().read().unreported()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RunReport.Outcome.RUNNING));

        long job = Long.parseLong(recordLines().stream().filter(l -> l.startsWith("job\t")).findFirst().orElseThrow()
                .substring(4));
        ProcessHandle.of(job).orElseThrow().destroyForcibly();
        awaitGone(job);
        Files.delete(pause);

        assertThat(host.hub().read().unreported()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RunReport.Outcome.STOPPED);
            assertThat(r.step()).isEqualTo("syncconf");
            assertThat(r.describe()).contains("stopped on the hub at step syncconf");
        });
        // the file is the new one, whole; the interface kept its key; the next apply loads it
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(host.config("cm4", cm4, "s2204", s2204));
        assertThat(host.runningPrivateKey()).isEqualTo(hubKey);
    }

    @Test
    void aCommitWhoseClientGotItsOutcomeLeavesNothingToReport() throws Exception {
        String old = runningHub();

        hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));

        assertThat(host.etcFiles()).noneMatch(n -> n.startsWith(".wg0.run.") || n.startsWith(".wgtui."));
        assertThat(host.hub().read().unreported()).isEmpty();
    }

    @Test
    void aCommitRoundTripWaitsLongerThanAllTheBoundedStepsOfItsJob() throws Exception {
        String old = runningHub();
        // every step within its own bound (2 s), together longer than a round trip's 2 s
        host.slow("syncconf", 1);
        FakeHubHost.write(host.state.resolve("slow-strip"), "1");
        FakeHubHost.write(host.state.resolve("slow-show"), "0.3");
        RemoteHub slow = new RemoteHub("k8s", "wg0", host.shell, RemoteHub.Layout.under(host.etc.toString(),
                host.tmp.toString(), "wg0"), RemoteHub.Settings.defaults().withClock(Clock.fixed(FakeHubHost.T0,
                ZoneOffset.UTC)).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));

        Commit c = slow.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));

        assertThat(c.after().live().orElseThrow().peers()).hasSize(2);
        assertThat(slow.jobTimeout()).isGreaterThan(Duration.ofSeconds((2 + 5) * RemoteHub.JOB_BOUNDED_CALLS));
    }

    // ---- item 8: a damaged backup is never offered ------------------------------------------------

    @Test
    void aBackupThatIsNotWhatWasWrittenIsNotOfferedForARestore() throws Exception {
        String old = runningHub();
        Commit c = hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));
        Path backup = host.etc.resolve(c.backupName());
        // cut short at a peer boundary: it would parse, and restore without cm4
        FakeHubHost.write(backup, old.substring(0, old.indexOf("\n[Peer]") + 1));
        FakeHubHost.write(host.etc.resolve("wg0.conf.20250101T000000Z.backup"), old);

        List<Backup> backups = hub.backups();

        assertThat(backups).extracting(Backup::name).containsExactly("wg0.conf.20250101T000000Z.backup");
        assertThatThrownBy(() -> hub.readBackup(c.backupName())).hasMessageContaining("damaged");
        assertThatThrownBy(() -> hub.rollback(c.backupName())).hasMessageContaining("damaged");
        assertThat(FakeHubHost.read(host.conf())).isEqualTo(host.config("cm4", cm4, "s2204", s2204));
    }

    // ---- item 9: the preview path --------------------------------------------------------------------

    @Test
    void aDirectoryAtThePreviewPathIsRefusedNeverWrittenInto() throws Exception {
        Path planted = host.tmp.resolve("wg0.conf.preview");
        Files.createDirectory(planted);

        assertThatThrownBy(() -> hub.writePreview(host.config("cm4", cm4)))
                .isInstanceOf(HubException.class)
                .hasMessageContaining(planted.toString())
                .hasMessageContaining("directory");

        try (Stream<Path> in = Files.list(planted)) {
            assertThat(in).isEmpty();
        }
        try (Stream<Path> tmp = Files.list(host.tmp)) {
            assertThat(tmp.map(p -> p.getFileName().toString())).containsExactly("wg0.conf.preview");
        }
    }

    // ---- item 10: backups of one second ------------------------------------------------------------

    @Test
    void backupsOfOneSecondListNewestFirstByTheirNumber() throws Exception {
        host.writeConf(host.config());
        for (String n : List.of("", "-2", "-10", "-3")) {
            FakeHubHost.write(host.etc.resolve("wg0.conf.20260301T100000Z" + n + ".backup"), host.config());
        }
        FakeHubHost.write(host.etc.resolve("wg0.conf.20260301T095959Z-11.backup"), host.config());

        assertThat(hub.backups()).extracting(Backup::name).containsExactly("wg0.conf.20260301T100000Z-10.backup",
                "wg0.conf.20260301T100000Z-3.backup", "wg0.conf.20260301T100000Z-2.backup",
                "wg0.conf.20260301T100000Z.backup", "wg0.conf.20260301T095959Z-11.backup");
    }

    // ---- item 12: test hooks come from tests only ------------------------------------------------------

    @Test
    void testHooksInTheHostsEnvironmentAreIgnored(@TempDir Path other) throws Exception {
        FakeHubHost planted = new FakeHubHost(other, true, Map.of("KILL_AT", "backup", "PAUSE_AT", "syncconf",
                "LOCKER", "mkdir"));
        String old = planted.config("cm4", cm4);
        planted.writeConf(old);
        planted.keyFile(hubKey);
        planted.up(hubKey, old);
        Process holder = new ProcessBuilder("flock", "-o", planted.etc.resolve(".wg0.lock").toString(), "sleep", "30").start();
        try {
            awaitLocked(planted.etc.resolve(".wg0.lock"));
            // LOCKER=mkdir from the environment would skip the flock the holder has
            assertThatThrownBy(() -> planted.hub().commit(planted.config("cm4", cm4, "s2204", s2204), Plan.hash(old)))
                    .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.LOCKED));
        } finally {
            holder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        // KILL_AT=backup from the environment would kill the commit
        Commit c = planted.hub().commit(planted.config("cm4", cm4, "s2204", s2204), Plan.hash(old));
        assertThat(c.backupName()).isNotNull();
        assertThat(FakeHubHost.read(planted.conf())).isEqualTo(planted.config("cm4", cm4, "s2204", s2204));
    }

    // ---- item 15: temp files and the preview go -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"running", "stripped"})
    void aRunningOrStrippedKilledByTheClientsTimeoutLeavesNoTempFile(String which) throws Exception {
        String text = host.config("cm4", cm4).replace("[Interface]\n", "[Interface]\nPrivateKey = " + hubKey + "\n");
        host.writeConf(text);
        host.up(hubKey, text);
        FakeHubHost.write(host.state.resolve(which.equals("running") ? "slow-showconf" : "slow-strip"), "5");
        RemoteHub impatient = new RemoteHub("k8s", "wg0", host.shell, RemoteHub.Layout.under(host.etc.toString(),
                host.tmp.toString(), "wg0"), RemoteHub.Settings.defaults().withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(20)));

        assertThatThrownBy(() -> {
            if (which.equals("running")) {
                impatient.runningConfig();
            } else {
                impatient.strippedConfig();
            }
        }).isInstanceOf(HubException.class);

        try (Stream<Path> tmp = Files.list(host.tmp)) {
            assertThat(tmp).isEmpty();
        }
    }

    @Test
    void anApplyRemovesThePreviewThatHeldThePrivateKey() throws Exception {
        String old = runningHub();
        String text = host.config("cm4", cm4, "s2204", s2204);
        hub.writePreview(text);
        assertThat(host.tmp.resolve("wg0.conf.preview")).exists();

        hub.commit(text, Plan.hash(old));

        assertThat(host.tmp.resolve("wg0.conf.preview")).doesNotExist();
    }

    @Test
    void tempFilesOfKilledRunsAreSweptButNotThoseOfLiveOnes() throws Exception {
        String old = runningHub();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path ofDead = host.etc.resolve(".wgtui." + dead.pid() + ".AbCdEf");
        Path ofLive = host.etc.resolve(".wgtui." + ProcessHandle.current().pid() + ".AbCdEf");
        FakeHubHost.write(ofDead, "PrivateKey = " + hubKey + "\n");
        FakeHubHost.write(ofLive, "in use");
        FakeHubHost.write(host.tmp.resolve(".wgtui." + dead.pid() + ".XyZ123"), "[Interface]\n");

        hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));
        hub.writePreview(host.config("cm4", cm4));

        assertThat(ofDead).doesNotExist();
        assertThat(ofLive).exists();
        assertThat(host.tmp.resolve(".wgtui." + dead.pid() + ".XyZ123")).doesNotExist();
    }

    // ---- item 16: links and durability --------------------------------------------------------------

    @Test
    void aSymlinkedConfigIsWrittenThroughAndTheDirectoryIsSynced() throws Exception {
        Path real = root.resolve("real");
        Files.createDirectories(real);
        String old = host.config("cm4", cm4);
        FakeHubHost.write(real.resolve("wg0.conf"), old);
        Files.createDirectories(host.etc);
        Files.createSymbolicLink(host.conf(), real.resolve("wg0.conf"));
        host.keyFile(hubKey);
        host.up(hubKey, old);
        String text = host.config("cm4", cm4, "s2204", s2204);

        Commit c = hub.commit(text, Plan.hash(old));

        assertThat(Files.isSymbolicLink(host.conf())).isTrue();
        assertThat(FakeHubHost.read(real.resolve("wg0.conf"))).isEqualTo(text);
        assertThat(FakeHubHost.mode(real.resolve("wg0.conf"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(FakeHubHost.read(host.etc.resolve(c.backupName()))).isEqualTo(old);
        assertThat(c.after().text()).isEqualTo(text);
        assertThat(host.calls()).contains("sync -- " + real);
        try (Stream<Path> leftovers = Files.list(real)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("wg0.conf");
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------

    /** Makes the job wait at {@code step} until the test deletes the returned file. */
    private Path pauseAt(RemoteHub h, String step) {
        Path pause = root.resolve("pause-" + step);
        h.testVar("PAUSE_AT", step);
        h.testVar("PAUSE_FILE", pause.toString());
        return pause;
    }

    private static CompletableFuture<Object> commitAsync(RemoteHub h, String text, String hash) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return h.commit(text, hash);
            } catch (HubException e) {
                return e;
            }
        });
    }

    private static void awaitFile(Path p) throws InterruptedException {
        for (int i = 0; i < 400 && !Files.exists(p); i++) {
            Thread.sleep(50);
        }
        assertThat(p).as("the job reached its pause").exists();
    }

    private List<String> recordLines() throws Exception {
        try (Stream<Path> s = Files.list(host.etc)) {
            Path record = s.filter(p -> p.getFileName().toString().matches("\\.wg0\\.run\\.[0-9a-f]{16}"))
                    .findFirst().orElseThrow();
            return Files.readAllLines(record);
        }
    }

    /** Until no job holds the hub's lock and a job's record (if there is one) has its result. */
    private void awaitJobEnd() throws Exception {
        Path lock = host.etc.resolve(".wg0.lock");
        for (int i = 0; i < 400; i++) {
            boolean recorded;
            try (Stream<Path> s = Files.list(host.etc)) {
                recorded = s.anyMatch(p -> p.getFileName().toString().matches("\\.wg0\\.run\\.[0-9a-f]{16}"));
            }
            // the record must be there: a job paused before the lock has not written it yet
            if (recorded && recordLines().stream().anyMatch(l -> l.startsWith("result\t"))
                    && new ProcessBuilder("flock", "-n", lock.toString(), "true").start().waitFor() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the job did not end");
    }

    private static void awaitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 200 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(50);
        }
    }

    private static void awaitLocked(Path lock) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (new ProcessBuilder("flock", "-n", lock.toString(), "true").start().waitFor() != 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the test could not take the lock");
    }

    /** Issue 8.14: the hub's script refuses a config past the bound before sending any of it. */
    @Test
    void aConfigPastTheBoundIsRefusedOnTheHub() throws Exception {
        host.writeConf("");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(host.conf().toFile(), "rw")) {
            f.setLength(dev.wgtui.core.hub.Hub.MAX_CONFIG_BYTES + 1);
        }
        assertThatThrownBy(() -> hub.read()).isInstanceOf(HubException.class)
                .hasMessageContaining("67108865 bytes, more than wgtui reads");
    }

    /** The new file and its backup are flushed before the rename; not every disk of the hub. */
    @Test
    void aCommitFlushesTheNewFileAndItsBackupNotTheWholeMachine() throws Exception {
        String old = runningHub();
        Commit c = hub.commit(host.config("cm4", cm4, "s2204", s2204), Plan.hash(old));
        String calls = host.calls();
        assertThat(calls).containsPattern("sync -- \\S+/\\.wgtui\\.[^ ]+ " + java.util.regex.Pattern.quote(
                host.etc.resolve(c.backupName()).toString()));
        assertThat(calls.lines()).doesNotContain("sync ", "sync");
    }
}
