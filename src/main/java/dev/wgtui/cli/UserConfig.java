package dev.wgtui.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The operator's settings file, {@code $XDG_CONFIG_HOME/wgtui/config} (default
 * {@code ~/.config/wgtui/config}), in {@code key = value} lines. Today it holds {@code theme}.
 */
final class UserConfig {

    private final Properties values;

    private UserConfig(Properties values) {
        this.values = values;
    }

    /** The file's path for this environment. */
    static Path path(Map<String, String> env) {
        String base = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path dir = base.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(base);
        return dir.resolve("wgtui").resolve("config");
    }

    /** Reads the file; a missing file is an empty config. */
    static UserConfig load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            // no settings: defaults everywhere
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new UserConfig(p);
    }

    Optional<String> theme() {
        return Optional.ofNullable(values.getProperty("theme")).map(String::strip).filter(s -> !s.isEmpty());
    }
}
