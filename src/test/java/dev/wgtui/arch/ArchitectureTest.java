package dev.wgtui.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dependency rule of ARCHITECTURE.md: the core imports no UI, SSH or CLI library. */
class ArchitectureTest {

    private static final List<String> FORBIDDEN_IN_CORE = List.of("com.googlecode.lanterna", "org.jline",
            "net.schmizz", "com.hierynomus", "picocli", "org.apache.sshd", "dev.wgtui.cli", "dev.wgtui.tui",
            "dev.wgtui.repl", "dev.wgtui.ssh", "dev.wgtui.remote", "dev.wgtui.local");

    @Test
    void coreImportsNoUiSshOrCliLibrary() throws IOException {
        List<String> violations = new ArrayList<>();
        Path core = Path.of("src/main/java/dev/wgtui/core");
        try (Stream<Path> files = Files.walk(core)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ")) {
                        for (String bad : FORBIDDEN_IN_CORE) {
                            if (line.contains(" " + bad + ".") || line.contains("static " + bad + ".")) {
                                violations.add(core.relativize(f) + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void adaptersDoNotReachIntoFrontEnds() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String adapter : List.of("local", "remote", "ssh")) {
            Path dir = Path.of("src/main/java/dev/wgtui", adapter);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        if (line.startsWith("import dev.wgtui.cli") || line.startsWith("import dev.wgtui.tui")
                                || line.startsWith("import dev.wgtui.repl") || line.startsWith("import com.googlecode.lanterna")
                                || line.startsWith("import org.jline")) {
                            violations.add(f + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
