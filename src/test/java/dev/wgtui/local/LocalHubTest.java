package dev.wgtui.local;

import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.plan.Plan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The --local hub: its lock is the remote scripts' lock, and no write leaves a half file. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalHubTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path conf;
    LocalHub hub;

    @BeforeEach
    void setUp() {
        conf = dir.resolve("wg0.conf");
        hub = new LocalHub("k8s", conf, dir.resolve("wg0.conf.preview"), CLOCK);
    }

    /** A hub config with {@code peers} peers (about 100 bytes each), keys from a seeded generator. */
    static String config(int peers) {
        Random random = new Random(peers);
        StringBuilder s = new StringBuilder("[Interface]\nAddress = 10.0.0.20/24\nListenPort = 51820\n"
                + "PostUp = wg set %i private-key /etc/wireguard/privatekey\n");
        for (int i = 0; i < peers; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            s.append("\n[Peer]\n# w").append(i).append("\nPublicKey = ").append(Base64.getEncoder().encodeToString(key))
                    .append("\nAllowedIPs = 10.0.").append(1 + i / 250).append('.').append(1 + i % 250).append("/32\n");
        }
        return s.toString();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- item 4: the remote scripts' lock ------------------------------------------------------

    @Test
    void aLockHeldTheWayTheRemoteScriptsHoldItRefusesALocalCommit() throws Exception {
        String old = config(2);
        Files.writeString(conf, old);
        // what commit-job.sh does on the hub: flock(2) on .wg0.lock beside the file
        Process remote = new ProcessBuilder("flock", "-o", dir.resolve(".wg0.lock").toString(), "sleep", "30").start();
        try {
            awaitLocked(dir.resolve(".wg0.lock"));

            assertThatThrownBy(() -> hub.commit(config(3), Plan.hash(old)))
                    .isInstanceOf(HubException.class)
                    .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.LOCKED))
                    .hasMessageContaining("locked by another operator");
            assertThat(Files.readString(conf)).isEqualTo(old);
            assertThat(files()).noneMatch(n -> n.endsWith(".backup"));
        } finally {
            remote.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        assertThat(hub.commit(config(3), Plan.hash(old)).backupName()).isNotNull();
    }

    @Test
    void aLocalCommitHoldsTheLockTheRemoteScriptsTake() throws Exception {
        Files.writeString(conf, config(2));
        try (AutoCloseable held = hub.holdLock()) {
            Process probe = new ProcessBuilder("flock", "-n", dir.resolve(".wg0.lock").toString(), "true").start();
            assertThat(probe.waitFor()).as("flock -n on the remote lock file while --local holds it").isEqualTo(1);
            assertThatThrownBy(() -> new LocalHub("k8s", conf, dir.resolve("p"), CLOCK).commit(config(3),
                    Plan.hash(config(2)))).satisfies(e -> assertThat(((HubException) e).kind())
                    .isEqualTo(HubException.Kind.LOCKED));
        }
        Process probe = new ProcessBuilder("flock", "-n", dir.resolve(".wg0.lock").toString(), "true").start();
        assertThat(probe.waitFor()).isZero();
    }

    @Test
    void aRollbackTakesTheLockBeforeItLooksAtTheHash() throws Exception {
        String old = config(2);
        Files.writeString(conf, old);
        Commit c = hub.commit(config(3), Plan.hash(old));
        Process remote = new ProcessBuilder("flock", "-o", dir.resolve(".wg0.lock").toString(), "sleep", "30").start();
        try {
            awaitLocked(dir.resolve(".wg0.lock"));
            // the hash is wrong too: a check before the lock would say CONFLICT
            assertThatThrownBy(() -> hub.rollback(c.backupName(), Plan.hash("something else")))
                    .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.LOCKED));
        } finally {
            remote.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> hub.rollback(c.backupName(), Plan.hash("something else")))
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.CONFLICT));
        hub.rollback(c.backupName(), Plan.hash(config(3)));
        assertThat(Files.readString(conf)).isEqualTo(old);
    }

    // ---- item 8: a short write ---------------------------------------------------------------------

    /**
     * {@code ulimit -f 3}: the backup (4 KB) cannot be written in full. The commit fails with
     * nothing written: no backup, no temp file, the file as it was.
     */
    @Test
    void aShortWriteLeavesNoBackupAndNothingWritten() throws Exception {
        String old = config(40);
        assertThat(old.length()).as("bigger than ulimit -f 3").isGreaterThan(3 * 1024);
        Files.writeString(conf, old);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder("bash", "-c", "ulimit -f 3; exec \"$0\" -cp \"$1\" \"$2\" \"$3\"", java,
                System.getProperty("java.class.path"), ShortWrite.class.getName(), conf.toString())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(files()).containsExactly(".wg0.lock", "wg0.conf");
        assertThat(hub.backups()).isEmpty();
        assertThat(Files.readString(conf)).isEqualTo(old);
        assertThat(out).contains("refused").contains("cannot write the backup").contains("nothing written");
    }

    /** Run in a child JVM under {@code ulimit -f}: one commit of a bigger config. */
    static final class ShortWrite {
        public static void main(String[] args) throws Exception {
            Path conf = Path.of(args[0]);
            LocalHub hub = new LocalHub("k8s", conf, conf.resolveSibling("p"), CLOCK);
            try {
                hub.commit(config(41), Plan.hash(Files.readString(conf)));
                System.out.println("written");
            } catch (HubException e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
    }

    @Test
    void aBackupThatIsNotWhatWasWrittenIsNotOfferedForARestore() throws Exception {
        String old = config(40);
        Files.writeString(conf, old);
        Commit c = hub.commit(config(41), Plan.hash(old));
        // cut at a peer boundary: it parses, and would restore 30 of 40 peers
        Path backup = dir.resolve(c.backupName());
        Files.writeString(backup, old.substring(0, old.indexOf("\n[Peer]\n# w30") + 1));
        Files.writeString(dir.resolve("wg0.conf.20250101T000000Z.backup"), config(1));

        assertThat(hub.backups()).extracting(Backup::name).containsExactly("wg0.conf.20250101T000000Z.backup");
        assertThatThrownBy(() -> hub.readBackup(c.backupName())).hasMessageContaining("damaged");
        assertThatThrownBy(() -> hub.rollback(c.backupName())).hasMessageContaining("damaged");
        assertThat(Files.readString(conf)).isEqualTo(config(41));
    }

    // ---- item 9: the preview path -----------------------------------------------------------------

    @Test
    void aDirectoryAtThePreviewPathIsRefusedNeverWrittenInto() throws Exception {
        Path planted = Files.createDirectory(dir.resolve("wg0.conf.preview"));

        assertThatThrownBy(() -> hub.writePreview(config(1))).isInstanceOf(HubException.class)
                .hasMessageContaining("directory");

        try (Stream<Path> in = Files.list(planted)) {
            assertThat(in).isEmpty();
        }
    }

    // ---- item 10: backups of one second --------------------------------------------------------------

    @Test
    void backupsOfOneSecondListNewestFirstByTheirNumber() throws Exception {
        Files.writeString(conf, config(1));
        List<String> taken = new ArrayList<>();
        for (int i = 2; i <= 12; i++) {
            taken.add(hub.commit(config(i), Plan.hash(config(i - 1))).backupName());
        }

        List<Backup> listed = hub.backups();
        List<String> newestFirst = new ArrayList<>(taken);
        java.util.Collections.reverse(newestFirst);

        assertThat(taken.get(10)).isEqualTo("wg0.conf.20260301T100000Z-11.backup");
        assertThat(listed).extracting(Backup::name).containsExactlyElementsOf(newestFirst);
        assertThat(listed.get(0).peers()).isEqualTo(11);
        assertThat(listed.get(10).peers()).isEqualTo(1);
    }

    // ---- item 15: the preview goes -----------------------------------------------------------------

    @Test
    void anApplyRemovesThePreview() throws Exception {
        String old = config(1);
        Files.writeString(conf, old);
        hub.writePreview(config(2));
        assertThat(dir.resolve("wg0.conf.preview")).exists();
        assertThat(Files.getPosixFilePermissions(dir.resolve("wg0.conf.preview")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        hub.commit(config(2), Plan.hash(old));

        assertThat(dir.resolve("wg0.conf.preview")).doesNotExist();
    }

    // ---- item 16: a symbolic link --------------------------------------------------------------------

    @Test
    void aSymlinkedConfigIsWrittenThroughTheLinkStays() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("wg0.conf");
        String old = config(1);
        Files.writeString(real, old);
        Files.createSymbolicLink(conf, Path.of("real/wg0.conf"));

        Commit c = hub.commit(config(2), Plan.hash(old));

        assertThat(Files.isSymbolicLink(conf)).isTrue();
        assertThat(Files.readString(real)).isEqualTo(config(2));
        assertThat(Files.getPosixFilePermissions(real)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(dir.resolve(c.backupName()))).isEqualTo(old);
        try (Stream<Path> s = Files.list(real.getParent())) {
            assertThat(s).containsExactly(real);
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

    /** Issue 8.14: a config past the bound is refused before it is read (a sparse file: no 64 MB written). */
    @Test
    void aConfigPastTheBoundIsRefusedBeforeItIsRead() throws Exception {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(conf.toFile(), "rw")) {
            f.setLength(dev.wgtui.core.hub.Hub.MAX_CONFIG_BYTES + 1);
        }
        assertThatThrownBy(() -> hub.read()).isInstanceOf(HubException.class)
                .hasMessageContaining("67,108,865 bytes, more than wgtui reads");
    }
}
