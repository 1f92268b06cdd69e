package dev.wgtui.release;

import dev.wgtui.ssh.ShellCommandFactory;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.SshServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.concurrent.TimeUnit;

/**
 * A pretend hub for the release build's start-up training: an embedded Apache MINA SSHD on
 * 127.0.0.1 whose commands run with {@code /bin/sh -c} on this machine, with {@code /etc/wireguard}
 * and {@code /tmp} in the commands pointed into {@code DIR} and a {@code wg} that answers from
 * files. It writes {@code DIR/inventory.yml} (the demo cluster, its hub reached over SSH) and
 * {@code DIR/known_hosts}, prints {@code ready}, and serves until its stdin closes.
 *
 * <p>{@code java -cp TEST_CLASSPATH dev.wgtui.release.TrainingHub DIR} ({@code src/packaging/release.sh}).
 */
public final class TrainingHub {

    private static final String HUB_PUBLIC = "3BuS4qpTPwNKTgKxDODWCrWUDX2Xf/yIsnt9HZyEpHw=";

    private TrainingHub() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: TrainingHub DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("tmp"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        try (InputStream in = TrainingHub.class.getResourceAsStream("/demo/wg0.conf")) {
            Files.write(etc.resolve("wg0.conf"), in.readAllBytes());
        }
        Files.writeString(dir.resolve("dump"), String.join("\n",
                "(hidden)\t" + HUB_PUBLIC + "\t51820\toff",
                "UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=\t(none)\t192.0.2.3:51820\t10.0.0.3/32\t1767225600\t1208\t2264\toff",
                "Enf+hoH/jWtZLBIoXuK8nqgd6F6m2iL/m3feMuENuW0=\t(none)\t(none)\t10.0.0.50/32\t0\t0\t0\toff",
                "URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=\t(none)\t192.0.2.4:51820\t10.0.0.4/32\t1767225500\t92\t180\t25",
                ""));
        Path wg = bin.resolve("wg");
        Files.writeString(wg, "#!/bin/sh\n"
                + "# wg show IF public-key | dump, from files\n"
                + "case \"$1 $3\" in\n"
                + "'show public-key') echo " + HUB_PUBLIC + " ;;\n"
                + "'show dump') cat '" + dir.resolve("dump") + "' ;;\n"
                + "*) echo \"training wg: unsupported: $*\" >&2; exit 2 ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(wg, PosixFilePermissions.fromString("rwx------"));

        Path hostKey = keygen(dir.resolve("ssh_host_ed25519_key"));
        Path operatorKey = keygen(dir.resolve("id_ed25519"));
        PublicKey operator = AuthorizedKeyEntry.parseAuthorizedKeyEntry(
                        Files.readString(Path.of(operatorKey + ".pub")).strip())
                .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);

        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new FileKeyPairProvider(hostKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(operator, key));
        // /tmp first: DIR itself may be under /tmp
        server.setCommandFactory(new ShellCommandFactory(command -> command
                .replace("'/tmp", "'" + dir.resolve("tmp"))
                .replace("/etc/wireguard", etc.toString()), pb -> {
                    pb.directory(dir.toFile());
                    pb.environment().put("PATH", bin + ":/usr/sbin:/usr/bin:/sbin:/bin");
                    pb.environment().put("TMPDIR", dir.resolve("tmp").toString());
                    pb.environment().put("LC_ALL", "C");
                }));
        server.start();
        try {
            String[] hostPub = Files.readString(Path.of(hostKey + ".pub")).strip().split("\\s+");
            Files.writeString(dir.resolve("known_hosts"),
                    "[127.0.0.1]:" + server.getPort() + " " + hostPub[0] + " " + hostPub[1] + "\n");
            Files.writeString(dir.resolve("inventory.yml"), String.join("\n",
                    "all:",
                    "  children:",
                    "    control_plane:",
                    "      hosts:",
                    "        k8s:",
                    "          ansible_host: 127.0.0.1",
                    "          ansible_port: " + server.getPort(),
                    "          ansible_user: wgtui",
                    "          ansible_ssh_private_key_file: " + operatorKey,
                    "          wireguard_ip: 10.0.0.20",
                    "    workers:",
                    "      hosts:",
                    "        cm4:",
                    "          wireguard_ip: 10.0.0.3",
                    "          wireguard_public_key: OafIbEHdFz8b6Vnlc6fFzYB3vlwfD7KYKyROpDEJCRY=",
                    "        s2204:",
                    "          wireguard_ip: 10.0.0.4",
                    "          wireguard_public_key: URQNck8QLVZZGVzCj12GAe8IgkPjQr55eL57XCiB5gc=",
                    "        k8s-proxy:",
                    "          wireguard_ip: 10.0.0.21",
                    "          wireguard_public_key: GOu5mfbhiFgPIYYq9RsRzOdnTpRFtcak4xXeH2S49lA=",
                    ""));
            System.out.println("ready");
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        } finally {
            server.stop(true);
        }
    }

    private static Path keygen(Path key) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wgtui-training",
                "-f", key.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + out);
        }
        return key;
    }
}
