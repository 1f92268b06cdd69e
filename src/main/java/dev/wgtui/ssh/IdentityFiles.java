package dev.wgtui.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The public half of an identity file, found as ssh finds it without a passphrase: the file itself
 * when it is a public key ({@code IdentityFile ~/.ssh/id_ed25519.pub}), else {@code FILE.pub},
 * else the public key that an OpenSSH-format private key carries in clear even when it is
 * encrypted. A PEM private key without its {@code .pub} has none, for ssh too. This is how a key
 * held by the agent is recognised as an identity file's, with the private key file unreadable,
 * removed or encrypted.
 */
final class IdentityFiles {

    /** More than any key file; a file this long is not read. */
    private static final int MAX_FILE = 64 * 1024;
    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private IdentityFiles() {
    }

    /** The SSH public key blob of {@code identityFile}, or empty when none can be read without a passphrase. */
    static Optional<byte[]> publicKeyOf(Path identityFile) {
        Optional<String> text = read(identityFile);
        Optional<byte[]> own = text.flatMap(IdentityFiles::parsePublicKeyLine);
        if (own.isPresent()) {
            return own;
        }
        Optional<byte[]> pub = read(identityFile.resolveSibling(identityFile.getFileName() + ".pub"))
                .flatMap(IdentityFiles::parsePublicKeyLine);
        if (pub.isPresent()) {
            return pub;
        }
        return text.flatMap(IdentityFiles::openSshPrivatePublicKey);
    }

    /** {@code TYPE BASE64 [comment]}, the first line of a {@code .pub} file. */
    static Optional<byte[]> parsePublicKeyLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        if (newline >= 0) {
            line = line.substring(0, newline).strip();
        }
        String[] fields = line.split("\\s+");
        if (fields.length < 2 || fields[0].startsWith("-----")) {
            return Optional.empty();
        }
        try {
            byte[] blob = Base64.getDecoder().decode(fields[1]);
            return SshAgent.keyTypeOf(blob).equals(fields[0]) ? Optional.of(blob) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first public key of an {@code openssh-key-v1} file, which is stored unencrypted. */
    static Optional<byte[]> openSshPrivatePublicKey(String text) {
        int begin = text.indexOf(OPENSSH_BEGIN);
        int end = text.indexOf(OPENSSH_END);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        try {
            byte[] data = Base64.getMimeDecoder().decode(text.substring(begin + OPENSSH_BEGIN.length(), end));
            if (data.length < OPENSSH_MAGIC.length
                    || !Arrays.equals(Arrays.copyOf(data, OPENSSH_MAGIC.length), OPENSSH_MAGIC)) {
                return Optional.empty();
            }
            SshAgent.Reader r = new SshAgent.Reader(Arrays.copyOfRange(data, OPENSSH_MAGIC.length, data.length));
            r.readString(); // cipher
            r.readString(); // kdf
            r.readString(); // kdf options
            if (r.readUInt32() < 1) {
                return Optional.empty();
            }
            byte[] blob = r.readString();
            return SshAgent.keyTypeOf(blob).isEmpty() ? Optional.empty() : Optional.of(blob);
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE + 1);
            if (bytes.length > MAX_FILE) {
                return Optional.empty();
            }
            return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
