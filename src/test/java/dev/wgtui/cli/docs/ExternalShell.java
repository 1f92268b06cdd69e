package dev.wgtui.cli.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program (bash, zsh, fish, man) with a timeout, and a {@code wgtui} on its PATH. */
final class ExternalShell {

    record Result(int exitCode, String out, String err) {
    }

    private ExternalShell() {
    }

    static boolean installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A directory holding a {@code wgtui} that runs this build's classes, for the scripts to call. */
    static Path wgtuiOnPath(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path wgtui = bin.resolve("wgtui");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(wgtui, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' dev.wgtui.Main \"$@\"\n");
        Files.setPosixFilePermissions(wgtui, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    static Result run(List<String> command, Map<String, String> env, Path bin, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        if (bin != null) {
            pb.environment().put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        }
        Path out = Files.createTempFile("wgtui-shell", ".out");
        Path err = Files.createTempFile("wgtui-shell", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish in " + timeoutSeconds + " s: "
                        + Files.readString(out) + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
