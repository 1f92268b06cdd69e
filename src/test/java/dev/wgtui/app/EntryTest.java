package dev.wgtui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code wgtui} with no command, as a process: on a terminal that cannot draw a screen
 * ({@code TERM=dumb}, on a pseudo-terminal made by {@code script}) the status table and then
 * the shell; piped, the status table.
 */
class EntryTest {

    @TempDir
    Path tmp;

    private Path wgtui() throws IOException {
        Path wgtui = tmp.resolve("wgtui");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(wgtui, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' dev.wgtui.Main \"$@\"\n");
        Files.setPosixFilePermissions(wgtui, PosixFilePermissions.fromString("rwx------"));
        return wgtui;
    }

    private String run(List<String> command, Map<String, String> env, String input) throws Exception {
        Path in = Files.writeString(tmp.resolve("input"), input);
        Path out = tmp.resolve("output");
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + Files.readString(out));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void onADumbTerminalTheStatusTableThenTheShell() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is not installed");
        String out = run(List.of("/usr/bin/script", "-qec", wgtui() + " --demo", "/dev/null"),
                Map.of("TERM", "dumb", "LANG", "C.UTF-8"), "select cm4\nquit\n");
        assertThat(out).contains("Hub k8s").containsPattern("s2204\\s+✓ ok")
                .contains("wgtui k8s> ").contains("Selected: cm4 (1 of 3 workers)");
        assertThat(out.indexOf("old-laptop")).as(out).isLessThan(out.indexOf("wgtui k8s> "));
        // no full screen: no alternate screen, no cursor addressing, no colour
        assertThat(out).doesNotContain("\033[?1049h").doesNotContain("\033[H").doesNotContain("\033[3");
    }

    @Test
    void pipedTheStatusTable() throws Exception {
        String out = run(List.of(wgtui().toString(), "--demo"), Map.of("TERM", "xterm", "LANG", "C.UTF-8"), "");
        assertThat(out).startsWith("Hub k8s").containsPattern("s2204\\s+✓ ok").doesNotContain("wgtui k8s> ");
    }
}
