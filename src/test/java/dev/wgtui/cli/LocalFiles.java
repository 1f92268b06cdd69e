package dev.wgtui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The demo's inventory and hub file copied into a directory, for commands run with --local. */
record LocalFiles(Path dir, Path inventory, Path conf, Path preview) {

    static LocalFiles copyDemo(Path dir) throws IOException {
        for (String name : List.of("inventory.yml", "wg0.conf")) {
            try (InputStream in = LocalFiles.class.getResourceAsStream("/demo/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        return new LocalFiles(dir, dir.resolve("inventory.yml"), dir.resolve("wg0.conf"), dir.resolve("wg0.conf.preview"));
    }

    /** {@code -i inventory --local conf --preview preview} and then {@code args}. */
    String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of("-i", inventory.toString(), "--local", conf.toString(), "--preview",
                preview.toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    List<String> backups() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".backup")).sorted().toList();
        }
    }
}
