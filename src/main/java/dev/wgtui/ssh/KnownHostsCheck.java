package dev.wgtui.ssh;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Checks one connection's host key against a known_hosts file (sshj's parser: hashed entries,
 * {@code [host]:port}, patterns, {@code @revoked}) and remembers what it found, so that a refused
 * handshake can be explained afterwards and the operator asked outside the handshake.
 */
final class KnownHostsCheck implements HostKeyVerifier {

    enum Verdict { NOT_CHECKED, TRUSTED, UNKNOWN, CHANGED, UNREADABLE }

    /** Appends from concurrent connections must not interleave. */
    private static final Object APPEND_LOCK = new Object();

    private final Path file;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile PublicKey offered;
    private volatile String knownHostsName;
    private volatile boolean otherTypesKnown;
    private volatile String problem;

    KnownHostsCheck(Path file) {
        this.file = file;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        offered = key;
        knownHostsName = knownHostsName(hostname, port);
        try {
            synchronized (CHECKING) {
                otherTypesKnown = !load().findExistingAlgorithms(hostname, port).isEmpty();
                if (load(new Recorder()).verify(hostname, port, key)) {
                    verdict = Verdict.TRUSTED;
                    return true;
                }
            }
            return false;
        } catch (UncheckedIOException e) {
            verdict = Verdict.UNREADABLE;
            problem = String.valueOf(e.getCause().getMessage());
            return false;
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        try {
            synchronized (CHECKING) {
                return load().findExistingAlgorithms(hostname, port);
            }
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }

    /** Why known_hosts could not be read, when the verdict is UNREADABLE. */
    String problem() {
        return problem;
    }

    Verdict verdict() {
        return verdict;
    }

    /** The host as known_hosts names it: {@code host}, or {@code [host]:port} off port 22. */
    String knownHostsName() {
        return knownHostsName;
    }

    /** The offered key's type as ssh shows it. */
    String keyType() {
        return keyTypeName(offered);
    }

    String fingerprint() {
        return fingerprint(offered);
    }

    /** known_hosts has keys of other types for this host, none of which the server offered. */
    boolean otherTypesKnown() {
        return otherTypesKnown;
    }

    Path file() {
        return file;
    }

    /** Appends the offered key to known_hosts, creating the file (and its directory) if needed. */
    void trustOfferedKey() throws IOException {
        String line = knownHostsName + " " + KeyType.fromKey(offered) + " "
                + Base64.getEncoder().encodeToString(blob(offered)) + "\n";
        synchronized (APPEND_LOCK) {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (Files.exists(file) && Files.size(file) > 0) {
                byte[] existing = Files.readAllBytes(file);
                if (existing[existing.length - 1] != '\n') {
                    line = "\n" + line;
                }
            }
            Files.writeString(file, line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
    }

    private OpenSSHKnownHosts load() {
        return load(null);
    }

    private OpenSSHKnownHosts load(Recorder recorder) {
        try {
            List<OpenSSHKnownHosts.KnownHostEntry> parsed = entries(file);
            return recorder == null ? new Parsed(parsed) : recorder.read(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A file's entries as last parsed, with the size and time of the file they came from. */
    private record Entries(long size, FileTime modified, List<OpenSSHKnownHosts.KnownHostEntry> entries) {
    }

    /**
     * Parsed once per file while it stays as it was (same size and modification time): a run
     * that connects to 150 workers does not parse known_hosts three times per worker (each entry
     * decodes a public key; that was seconds of CPU). A key appended changes the size.
     */
    private static final Map<Path, Entries> PARSED = new ConcurrentHashMap<>();

    /** The parsed entries are shared, and a hashed entry's matcher keeps a MAC: one check at a time. */
    private static final Object CHECKING = new Object();

    private static List<OpenSSHKnownHosts.KnownHostEntry> entries(Path file) throws IOException {
        Path key = file.toAbsolutePath();
        if (!Files.exists(key)) {
            return List.of(); // as sshj: no file, no entries
        }
        BasicFileAttributes now = Files.readAttributes(key, BasicFileAttributes.class);
        Entries e = PARSED.get(key);
        if (e == null || e.size() != now.size() || !e.modified().equals(now.lastModifiedTime())) {
            e = new Entries(now.size(), now.lastModifiedTime(), List.copyOf(new OpenSSHKnownHosts(key.toFile()).entries()));
            PARSED.put(key, e);
        }
        return e.entries();
    }

    /** sshj's checker over entries parsed before. */
    private static class Parsed extends OpenSSHKnownHosts {
        Parsed(List<KnownHostEntry> parsed) throws IOException {
            super(new StringReader(""));
            entries.addAll(parsed);
        }
    }

    /** Hooks the two refusals of sshj's known_hosts check to record which one happened. */
    private final class Recorder {
        OpenSSHKnownHosts read(List<OpenSSHKnownHosts.KnownHostEntry> parsed) throws IOException {
            return new Parsed(parsed) {
                @Override
                protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
                    verdict = Verdict.UNKNOWN;
                    return false;
                }

                @Override
                protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
                    verdict = Verdict.CHANGED;
                    return false;
                }
            };
        }
    }

    static String knownHostsName(String hostname, int port) {
        String host = hostname.toLowerCase(Locale.ROOT);
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** {@code SHA256:<base64 without padding>}, as ssh-keygen -lf prints it. */
    static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String keyTypeName(PublicKey key) {
        KeyType type = KeyType.fromKey(key);
        return switch (type) {
            case ED25519, ED25519_CERT -> "ED25519";
            case ECDSA256, ECDSA384, ECDSA521, ECDSA256_CERT, ECDSA384_CERT, ECDSA521_CERT -> "ECDSA";
            case RSA, RSA_CERT -> "RSA";
            case DSA, DSA_CERT -> "DSA";
            default -> type.toString();
        };
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }
}
