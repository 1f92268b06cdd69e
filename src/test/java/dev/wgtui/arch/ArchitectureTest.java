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

    /**
     * Dependencies between wgtui's packages point one way: no package reaches, through others,
     * back to itself (the command tree is put together in cli.CommandTree; app adds the shell
     * and the dashboard, so cli needs neither repl nor app). Imports and fully qualified names
     * both count.
     */
    @Test
    void packagesDependOnEachOtherWithoutACircle() throws IOException {
        java.util.Map<String, java.util.Set<String>> uses = new java.util.TreeMap<>();
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile("\\bdev\\.wgtui\\.((?:[a-z]+\\.)*[a-z]+)\\.(?:[A-Z]|\\*)");
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main.resolve("dev/wgtui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = main.relativize(f.getParent()).toString().replace('/', '.');
                String text = Files.readString(f);
                var m = reference.matcher(text);
                while (m.find()) {
                    String other = "dev.wgtui." + m.group(1);
                    if (!other.equals(pkg)) {
                        uses.computeIfAbsent(pkg, k -> new java.util.TreeSet<>()).add(other);
                    }
                }
            }
        }
        assertThat(uses.get("dev.wgtui.cli")).doesNotContain("dev.wgtui.repl", "dev.wgtui.app");
        assertThat(uses.get("dev.wgtui.repl")).doesNotContain("dev.wgtui.app");
        List<String> circles = new ArrayList<>();
        java.util.Map<String, Integer> state = new java.util.HashMap<>();
        for (String pkg : uses.keySet()) {
            findCircle(pkg, uses, state, new java.util.ArrayDeque<>(), circles);
        }
        assertThat(circles).isEmpty();
    }

    /** Depth-first: 1 while on the path, 2 when done; an edge back to the path is a circle. */
    private static void findCircle(String pkg, java.util.Map<String, java.util.Set<String>> uses,
                                   java.util.Map<String, Integer> state, java.util.Deque<String> path, List<String> circles) {
        Integer s = state.get(pkg);
        if (s != null) {
            if (s == 1) {
                List<String> onPath = new ArrayList<>(path);
                java.util.Collections.reverse(onPath);
                circles.add(String.join(" -> ", onPath.subList(onPath.indexOf(pkg), onPath.size())) + " -> " + pkg);
            }
            return;
        }
        state.put(pkg, 1);
        path.push(pkg);
        for (String next : uses.getOrDefault(pkg, java.util.Set.of())) {
            findCircle(next, uses, state, path, circles);
        }
        path.pop();
        state.put(pkg, 2);
    }
}
