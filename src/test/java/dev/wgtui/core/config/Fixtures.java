package dev.wgtui.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test fixtures under src/test/resources. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path dir(String name) {
        return Path.of("src/test/resources", name);
    }

    public static List<Path> files(String dir, String suffix) {
        try (Stream<Path> s = Files.list(dir(dir))) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
