package dev.wgtui.local;

import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.BackupNames;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A hub config on this machine ({@code --local FILE}, {@code --demo}): the same lock, hash
 * check, backup and atomic write as on a remote hub, without an interface to reload.
 */
public final class LocalHub implements Hub {

    private final String node;
    private final Path file;
    private final Path preview;
    private final Clock clock;

    public LocalHub(String node, Path file, Path preview, Clock clock) {
        this.node = node;
        this.file = file.toAbsolutePath();
        this.preview = preview.toAbsolutePath();
        this.clock = clock;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public String configPath() {
        return file.toString();
    }

    @Override
    public String previewPath() {
        return preview.toString();
    }

    @Override
    public HubState read() throws HubException {
        return new HubState(readText(file).orElse(null), Optional.empty());
    }

    @Override
    public void writePreview(String text) throws HubException {
        try {
            writeAtomically(preview, text);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, preview + ": cannot write the preview: " + e.getMessage(), e);
        }
    }

    @Override
    public Commit commit(String text, String expectedHash) throws HubException {
        try (Lock lock = lock()) {
            HubState now = read();
            if (!now.hash().equals(expectedHash)) {
                throw new HubException(HubException.Kind.CONFLICT,
                        file + " changed since the preview; run diff again and review the new plan");
            }
            String backup = null;
            if (now.hasFile()) {
                backup = backup(now.text());
            }
            try {
                writeAtomically(file, text);
            } catch (IOException e) {
                throw new HubException(HubException.Kind.FILE, file + ": write failed: " + e.getMessage(), e);
            }
            return new Commit(backup, read());
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public HubState rollback(String backupName) throws HubException {
        String content = readBackup(backupName);
        try (Lock lock = lock()) {
            writeAtomically(file, content);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, file + ": rollback failed: " + e.getMessage(), e);
        }
        return read();
    }

    @Override
    public List<Backup> backups() throws HubException {
        Path dir = file.getParent();
        String base = file.getFileName().toString();
        List<Backup> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (BackupNames.isBackupOf(name, base)) {
                    String text = readText(p).orElse("");
                    out.add(new Backup(name, BackupNames.timeOf(name).orElseThrow(),
                            WgConfig.parse(name, text).peers().size()));
                }
            }
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, dir + ": cannot list backups: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Backup::name).reversed());
        return out;
    }

    @Override
    public String readBackup(String name) throws HubException {
        if (!BackupNames.isBackupOf(name, file.getFileName().toString()) || !BackupNames.isSafe(name)) {
            throw new HubException(HubException.Kind.FILE, "no backup named '" + name + "'");
        }
        return readText(file.resolveSibling(name))
                .orElseThrow(() -> new HubException(HubException.Kind.FILE, "no backup named '" + name + "'"));
    }

    @Override
    public boolean reloads() {
        return false;
    }

    @Override
    public Optional<String> runningConfig() {
        return Optional.empty();
    }

    @Override
    public String strippedConfig() throws HubException {
        return read().text();
    }

    @Override
    public void close() {
    }

    private String backup(String text) throws HubException {
        String base = BackupNames.of(file.getFileName().toString(), clock.instant());
        for (int n = 1; n < 1000; n++) {
            String name = n == 1 ? base : base.replace(".backup", "-" + n + ".backup");
            Path target = file.resolveSibling(name);
            try {
                try (FileChannel ch = FileChannel.open(target, ownerOnlyCreate(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                    ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                }
                return name;
            } catch (FileAlreadyExistsException e) {
                // taken this second; try the next suffix
            } catch (IOException e) {
                throw new HubException(HubException.Kind.FILE, target + ": cannot write the backup: " + e.getMessage(), e);
            }
        }
        throw new HubException(HubException.Kind.FILE, "too many backups this second");
    }

    private static java.util.Set<StandardOpenOption> ownerOnlyCreate() {
        return java.util.EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The hub's lock: held until closed, which also closes its file. */
    private interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    private Lock lock() throws HubException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new HubException(HubException.Kind.LOCKED, file + " is locked by another wgtui; try again");
            }
            return () -> {
                try {
                    lock.release();
                } finally {
                    channel.close();
                }
            };
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw new HubException(HubException.Kind.LOCKED, file + " is locked by another wgtui; try again");
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, lockFile + ": cannot lock: " + e.getMessage(), e);
        }
    }

    private static Optional<String> readText(Path p) throws HubException {
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new HubException(HubException.Kind.FILE, p + ": not UTF-8 text; wgtui will not rewrite it "
                    + "(convert the file to UTF-8 first)", e);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, p + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** As wg-quick's save_config: owner-only temp file beside the target, synced, renamed over it. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            setOwnerOnly(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void setOwnerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; nothing to tighten
        }
    }
}
