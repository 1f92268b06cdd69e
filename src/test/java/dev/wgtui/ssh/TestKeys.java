package dev.wgtui.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Client key pairs made once per test run with the real {@code ssh-keygen}: what operators have
 * in {@code ~/.ssh}. The "stranger" key is never authorized anywhere.
 */
final class TestKeys {

    static final String PASSPHRASE = "correct horse battery staple";

    private static TestKeys instance;

    final Path dir;
    final Path ed25519;
    final Path ecdsa;
    final Path rsa;
    final Path encryptedEd25519;
    final Path stranger;

    private TestKeys(Path dir) {
        this.dir = dir;
        this.ed25519 = keygen(dir.resolve("id_ed25519"), "ed25519", "");
        this.ecdsa = keygen(dir.resolve("id_ecdsa"), "ecdsa", "");
        this.rsa = keygen(dir.resolve("id_rsa"), "rsa", "", "-b", "2048");
        this.encryptedEd25519 = keygen(dir.resolve("id_ed25519_encrypted"), "ed25519", PASSPHRASE);
        this.stranger = keygen(dir.resolve("id_stranger"), "ed25519", "");
    }

    static synchronized TestKeys get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("wgtui-keys");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                instance = new TestKeys(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The public halves of the keys a test server lets in. */
    List<Path> authorized() {
        return Stream.of(ed25519, ecdsa, rsa, encryptedEd25519).map(TestKeys::pub).toList();
    }

    static Path pub(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    /** Runs ssh-keygen to make {@code file} and {@code file.pub}; returns {@code file}. */
    static Path keygen(Path file, String type, String passphrase, String... extra) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase,
                "-C", "wgtui-test", "-f", file.toString()));
        cmd.addAll(List.of(extra));
        run(cmd);
        return file;
    }

    /** The {@code SHA256:…} fingerprint that {@code ssh-keygen -lf} prints for a public key file. */
    static String fingerprint(Path publicKey) {
        String line = run(List.of("ssh-keygen", "-lf", publicKey.toString()));
        return line.split("\\s+")[1];
    }

    static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(cmd + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
