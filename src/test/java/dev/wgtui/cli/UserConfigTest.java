package dev.wgtui.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserConfigTest {

    @TempDir
    Path dir;

    @Test
    void themeComesFromTheConfigFileUnderXdgConfigHome() throws Exception {
        Path file = UserConfig.path(Map.of("XDG_CONFIG_HOME", dir.toString()));
        assertThat(file).isEqualTo(dir.resolve("wgtui/config"));
        assertThat(UserConfig.load(file).theme()).isEmpty();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# my settings\ntheme = light\n");
        assertThat(UserConfig.load(file).theme()).contains("light");
    }
}
