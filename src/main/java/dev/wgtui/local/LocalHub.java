package dev.wgtui.local;

import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.hub.BackupNames;
import dev.wgtui.core.hub.Commit;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.hub.HubException;
import dev.wgtui.core.hub.HubState;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A hub config on this machine ({@code --local FILE}, {@code --demo}): the same lock, hash
 * check, backup and atomic write as on a remote hub, without an interface to reload. The lock
 * is the remote hub's own — {@code flock(2)} on {@code .wg0.lock} beside the file, held by the
 * {@code flock} tool — so {@code --local} on the control plane and a remote wgtui exclude each
 * other; backups get their hash recorded as the remote ones do.
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

    /** The lock a remote wgtui takes for this file: {@code .wg0.lock} beside {@code wg0.conf}. */
    Path lockPath() {
        String name = file.getFileName().toString();
        String iface = name.endsWith(".conf") ? name.substring(0, name.length() - ".conf".length()) : name;
        return file.resolveSibling("." + iface + ".lock");
    }

    private Path hashesPath() {
        return file.resolveSibling(BackupNames.hashesOf(file.getFileName().toString()));
    }

    @Override
    public HubState read() throws HubException {
        return new HubState(readText(file).orElse(null), Optional.empty());
    }

    @Override
    public void writePreview(String text) throws HubException {
        if (Files.isDirectory(preview, LinkOption.NOFOLLOW_LINKS)) {
            throw new HubException(HubException.Kind.FILE, preview
                    + " is a directory: it is in the way of the preview; remove it (nothing written)");
        }
        try {
            writeAtomically(preview, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, preview + ": cannot write the preview: " + e.getMessage(), e);
        }
    }

    @Override
    public Commit commit(String text, String expectedHash) throws HubException {
        try (Lock lock = lock()) {
            Optional<byte[]> now = readBytes(file);
            String hash = now.map(LocalHub::sha256).orElse("absent");
            if (!hash.equals(expectedHash)) {
                throw new HubException(HubException.Kind.CONFLICT,
                        file + " changed since the preview; run diff again and review the new plan");
            }
            String backup = null;
            if (now.isPresent()) {
                decode(file, now.get());
                backup = backup(now.get(), hash);
            }
            try {
                writeAtomically(target(), text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new HubException(HubException.Kind.FILE, file + ": write failed: " + e.getMessage()
                        + "; nothing written", e);
            }
            removePreview();
            return new Commit(backup, read());
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public HubState rollback(String backupName) throws HubException {
        try (Lock lock = lock()) {
            putBack(backupName);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, file + ": rollback failed: " + e.getMessage(), e);
        }
        return read();
    }

    /** Under the lock first, then the hash: a commit in between is never rolled over. */
    @Override
    public HubState rollback(String backupName, String expectedHash) throws HubException {
        try (Lock lock = lock()) {
            String hash = readBytes(file).map(LocalHub::sha256).orElse("absent");
            if (!hash.equals(expectedHash)) {
                throw new HubException(HubException.Kind.CONFLICT, node + ":" + file
                        + " changed after this apply (another operator?); not rolled back - look at it and restore "
                        + backupName + " by hand if needed");
            }
            putBack(backupName);
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, file + ": rollback failed: " + e.getMessage(), e);
        }
        return read();
    }

    private void putBack(String backupName) throws HubException, IOException {
        byte[] content = verifiedBackup(backupName);
        writeAtomically(target(), content);
    }

    @Override
    public List<Backup> backups() throws HubException {
        Path dir = file.getParent();
        String base = file.getFileName().toString();
        List<Backup> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (BackupNames.isBackupOf(name, base) && Files.isRegularFile(p)) {
                    Optional<byte[]> bytes = readBytes(p);
                    // A backup that is not what was written is never offered for a restore.
                    if (bytes.isEmpty() || integrity(name, bytes.get()) == Integrity.DAMAGED) {
                        continue;
                    }
                    String text = decode(p, bytes.get());
                    out.add(new Backup(name, BackupNames.timeOf(name).orElseThrow(),
                            WgConfig.parse(name, text).peers().size()));
                }
            }
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, dir + ": cannot list backups: " + e.getMessage(), e);
        }
        out.sort((a, b) -> BackupNames.NEWEST_FIRST.compare(a.name(), b.name()));
        return out;
    }

    @Override
    public String readBackup(String name) throws HubException {
        return decode(file.resolveSibling(name), verifiedBackup(name));
    }

    private byte[] verifiedBackup(String name) throws HubException {
        if (!BackupNames.isBackupOf(name, file.getFileName().toString()) || !BackupNames.isSafe(name)) {
            throw new HubException(HubException.Kind.FILE, "no backup named '" + name + "'");
        }
        byte[] bytes = readBytes(file.resolveSibling(name))
                .orElseThrow(() -> new HubException(HubException.Kind.FILE, "no backup named '" + name + "'"));
        if (integrity(name, bytes) == Integrity.DAMAGED) {
            throw new HubException(HubException.Kind.FILE, "backup " + name + " is damaged (it is not what was "
                    + "written: its hash differs from the one in " + hashesPath() + "); not offered for a restore");
        }
        return bytes;
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

    // ---- backups and their hashes ------------------------------------------------------------

    private enum Integrity { OK, UNVERIFIED, DAMAGED }

    /** Against the hash recorded when the backup was written; UNVERIFIED for an older backup without one. */
    private Integrity integrity(String name, byte[] bytes) throws HubException {
        Optional<String> want = recordedHash(name);
        if (want.isEmpty()) {
            return Integrity.UNVERIFIED;
        }
        return want.get().equals(sha256(bytes)) ? Integrity.OK : Integrity.DAMAGED;
    }

    private Optional<String> recordedHash(String name) throws HubException {
        Optional<byte[]> sums = readBytes(hashesPath());
        if (sums.isEmpty()) {
            return Optional.empty();
        }
        String found = null;
        for (String line : new String(sums.get(), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[1].equals(name) && f[0].matches("[0-9a-f]{64}")) {
                found = f[0];
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Writes the backup in full to a temp file, checks it, renames it to the first free name of
     * this second and records its hash; any failure removes what was written and says so.
     */
    private String backup(byte[] content, String hash) throws HubException {
        String base = BackupNames.of(file.getFileName().toString(), clock.instant());
        String name = null;
        for (int n = 1; n < 1000 && name == null; n++) {
            String candidate = n == 1 ? base : base.replace(".backup", "-" + n + ".backup");
            if (!Files.exists(file.resolveSibling(candidate), LinkOption.NOFOLLOW_LINKS)) {
                name = candidate;
            }
        }
        if (name == null) {
            throw new HubException(HubException.Kind.FILE, "too many backups this second");
        }
        Path target = file.resolveSibling(name);
        try {
            writeAtomically(target, content);
            if (!sha256(Files.readAllBytes(target)).equals(hash)) {
                Files.deleteIfExists(target);
                throw new IOException("the backup came out incomplete");
            }
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, target + ": cannot write the backup: " + e.getMessage()
                    + "; nothing written", e);
        }
        try (FileChannel ch = FileChannel.open(hashesPath(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            writeFully(ch, (hash + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
            ch.force(true);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // the message below says the backup could not be recorded
            }
            throw new HubException(HubException.Kind.FILE, hashesPath() + ": cannot record the backup's hash: "
                    + e.getMessage() + "; nothing written", e);
        }
        return name;
    }

    private void removePreview() {
        try {
            if (Files.isRegularFile(preview, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(preview);
            }
        } catch (IOException e) {
            // a preview left behind is the operator's own file
        }
    }

    // ---- the lock ------------------------------------------------------------------------------

    /** The hub's lock, held until closed (for tests that hold it across another operation). */
    AutoCloseable holdLock() throws HubException {
        return lock();
    }

    /** The hub's lock: held until closed. */
    private interface Lock extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * {@code flock -n} on the remote scripts' lock file, held by a {@code flock} process for as
     * long as its stdin is open (this JVM ending closes it too). Where there is no {@code flock},
     * the scripts' other lock: directory {@code .wg0.lock.d} with the holder's PID.
     */
    private Lock lock() throws HubException {
        Path lockFile = lockPath();
        Process p;
        try {
            p = new ProcessBuilder("flock", "-n", "-E", "75", lockFile.toString(), "sh", "-c",
                    "echo locked; exec cat >/dev/null").redirectErrorStream(true).start();
        } catch (IOException noFlock) {
            return directoryLock(Path.of(lockFile + ".d"));
        }
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if ("locked".equals(first)) {
                return () -> release(p);
            }
            StringBuilder rest = new StringBuilder(first == null ? "" : first);
            for (String l = out.readLine(); l != null; l = out.readLine()) {
                rest.append(' ').append(l);
            }
            int code = p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
            p.destroyForcibly();
            if (code == 75) {
                throw new HubException(HubException.Kind.LOCKED, file + " is locked by another operator (lock "
                        + lockFile + "); try again when they are done");
            }
            throw new HubException(HubException.Kind.FILE, lockFile + ": cannot lock: " + rest.toString().strip());
        } catch (IOException e) {
            p.destroyForcibly();
            throw new HubException(HubException.Kind.FILE, lockFile + ": cannot lock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new HubException(HubException.Kind.FILE, lockFile + ": interrupted while locking", e);
        }
    }

    private static void release(Process p) throws IOException {
        p.getOutputStream().close();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private Lock directoryLock(Path dir) throws HubException {
        try {
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                Optional<Long> holder = readBytes(dir.resolve("pid"))
                        .map(b -> new String(b, StandardCharsets.UTF_8).strip())
                        .filter(s -> s.matches("\\d{1,18}")).map(Long::parseLong);
                if (holder.isEmpty() || ProcessHandle.of(holder.get()).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new HubException(HubException.Kind.LOCKED, file + " is locked by another operator (lock "
                            + dir + "; remove it if no wgtui is running); try again when they are done");
                }
                deleteTree(dir);
                Files.createDirectory(dir);
            }
            Files.writeString(dir.resolve("pid"), ProcessHandle.current().pid() + "\n");
        } catch (FileAlreadyExistsException e) {
            throw new HubException(HubException.Kind.LOCKED, file + " is locked by another operator; try again");
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, dir + ": cannot lock: " + e.getMessage(), e);
        }
        return () -> deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("pid"));
        Files.deleteIfExists(dir);
    }

    // ---- files ---------------------------------------------------------------------------------

    /**
     * The file to replace: the config itself, or the file a symbolic link in its place points to
     * (written through: the link stays a link).
     */
    private Path target() throws IOException {
        Path p = file;
        for (int i = 0; i < 40 && Files.isSymbolicLink(p); i++) {
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        if (Files.isSymbolicLink(p)) {
            throw new IOException(file + " is a symbolic link that cannot be followed (a loop?)");
        }
        if (Files.isDirectory(p)) {
            throw new IOException(file + " points to a directory (" + p + ")");
        }
        return p;
    }

    private static Optional<byte[]> readBytes(Path p) throws HubException {
        try {
            long size = Files.size(p);
            if (size > MAX_CONFIG_BYTES) {
                throw new HubException(HubException.Kind.FILE, String.format("%s: %,d bytes, more than wgtui reads "
                        + "(%,d); is it a WireGuard config?", p, size, MAX_CONFIG_BYTES));
            }
            return Optional.of(Files.readAllBytes(p));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new HubException(HubException.Kind.FILE, p + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Optional<String> readText(Path p) throws HubException {
        Optional<byte[]> bytes = readBytes(p);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(decode(p, bytes.get()));
    }

    private static String decode(Path p, byte[] bytes) throws HubException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new HubException(HubException.Kind.FILE, p + ": not UTF-8 text; wgtui will not rewrite it "
                    + "(convert the file to UTF-8 first)", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As wg-quick's save_config: an owner-only temp file beside the target, written in full (or
     * removed), synced, renamed over the target, and the directory synced so the rename lasts.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            setOwnerOnly(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(ch, content);
                ch.force(true);
            }
            if (Files.size(tmp) != content.length) {
                throw new IOException("short write: " + Files.size(tmp) + " of " + content.length + " bytes");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Loops until every byte is written: a write may take only part of the buffer. */
    private static void writeFully(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
            if (ch.write(buf) <= 0 && buf.hasRemaining()) {
                throw new IOException("short write: " + buf.position() + " of " + content.length + " bytes");
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform lets a directory be synced; the file itself was
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
