package dev.wgtui.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Facts about the local machine that ssh_config tokens name (%i, %l, %L, {@code ~user}), read as
 * ssh reads them on Linux; each is read only when a token asks for it.
 */
final class LocalUser {

    private LocalUser() {
    }

    /** The user id of this process (%i). */
    static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot tell the local user id: " + e.getMessage(), e);
        }
    }

    /** The host name as gethostname() gives it (%l); %L is its first label. */
    static String hostname() {
        for (Path p : new Path[] {Path.of("/proc/sys/kernel/hostname"), Path.of("/etc/hostname")}) {
            try {
                String name = Files.readString(p, StandardCharsets.UTF_8).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException e) {
                // try the next
            }
        }
        String env = System.getenv("HOSTNAME");
        return env == null ? "localhost" : env;
    }

    /** The home directory of {@code user} from /etc/passwd, for {@code ~user/…}. */
    static Optional<Path> homeOf(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length >= 7 && f[0].equals(user)) {
                    return Optional.of(Path.of(f[5]));
                }
            }
        } catch (IOException e) {
            // reported as an unknown user
        }
        return Optional.empty();
    }
}
