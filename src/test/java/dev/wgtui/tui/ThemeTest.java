package dev.wgtui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.wgtui.tui.Theme.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The themes in themes/ and the theme format, with valid and invalid fixtures. */
class ThemeTest {

    private static final Path THEMES = Path.of("themes");
    private static final Path FIXTURES = Path.of("src/test/resources/themes");

    static Stream<Path> shippedThemes() throws Exception {
        try (Stream<Path> files = Files.list(THEMES)) {
            return files.filter(p -> p.toString().endsWith(".properties")).sorted().toList().stream();
        }
    }

    static Stream<Path> validFixtures() throws Exception {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("valid"))) {
            return files.sorted().toList().stream();
        }
    }

    static Stream<Path> invalidFixtures() throws Exception {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("invalid"))) {
            return files.filter(p -> p.toString().endsWith(".properties")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedThemes")
    void everyShippedThemeLoadsAndSetsEveryElement(Path file) throws Exception {
        Theme theme = Theme.read(file);

        assertThat(theme.declared()).as(file + " sets every element").containsExactlyInAnyOrder(Element.values());
        assertThat(Files.readString(file)).as(file + " documents the format").startsWith("# wgtui theme: ")
                .contains("<element>.fg").contains("#rrggbb").contains("NO_COLOR");
    }

    @ParameterizedTest
    @MethodSource("shippedThemes")
    void theJarBundlesTheSameFile(Path file) throws Exception {
        try (InputStream in = Theme.class.getResourceAsStream("/themes/" + file.getFileName())) {
            assertThat(in).as("bundled copy of " + file).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(file));
        }
    }

    @Test
    void theListOfBundledThemesIsWhatThemesHolds() throws Exception {
        assertThat(shippedThemes().map(p -> p.getFileName().toString().replace(".properties", "")))
                .containsExactlyInAnyOrderElementsOf(Theme.BUNDLED);
    }

    @ParameterizedTest
    @MethodSource("validFixtures")
    void validFixturesLoad(Path file) throws Exception {
        assertThat(Theme.read(file).name()).isEqualTo(file.getFileName().toString().replace(".properties", ""));
    }

    @ParameterizedTest
    @MethodSource("invalidFixtures")
    void invalidFixturesGiveOneErrorNamingFileAndLine(Path file) throws Exception {
        String expected = Files.readString(Path.of(file.toString().replace(".properties", ".error"))).strip();

        assertThatThrownBy(() -> Theme.read(file)).isInstanceOf(ThemeException.class)
                .hasMessage(file + expected);
    }

    @Test
    void whatAThemeLeavesOutIsDrawnLikeTheScreen() throws Exception {
        Theme t = Theme.read(FIXTURES.resolve("valid/partial.properties"));

        assertThat(t.style(Element.DIFF_ADD).fg()).isEqualTo(new TextColor.RGB(0xa6, 0xe3, 0xa1));
        assertThat(t.style(Element.TITLE).fg()).isEqualTo(TextColor.ANSI.WHITE);
        assertThat(t.style(Element.TITLE).bg()).isEqualTo(new TextColor.RGB(0x1e, 0x1e, 0x2e));
        assertThat(t.style(Element.TABLE_CURSOR).modifiers()).containsExactlyInAnyOrder(SGR.REVERSE, SGR.BOLD);
        Theme crlf = Theme.read(FIXTURES.resolve("valid/crlf.properties"));
        assertThat(crlf.style(Element.MARKER_OK).fg()).isEqualTo(TextColor.ANSI.GREEN_BRIGHT);
        assertThat(crlf.style(Element.STATUS_ERROR).modifiers()).containsExactlyInAnyOrder(SGR.BOLD, SGR.UNDERLINE);
    }

    @Test
    void noColorGivesMonoWhateverWasAsked() throws Exception {
        assertThat(Theme.load("high-contrast", Map.of("NO_COLOR", "1")::get, Path.of("")).name()).isEqualTo("mono");
        assertThat(Theme.load("high-contrast", Map.of("NO_COLOR", "")::get, Path.of("")).name())
                .as("an empty NO_COLOR does not count").isEqualTo("high-contrast");
        assertThat(Theme.load(null, Map.<String, String>of()::get, Path.of("")).name()).isEqualTo("default");
    }

    @Test
    void themesComeFromTheWorkingDirectoryThenTheJar(@TempDir Path dir) throws Exception {
        assertThat(Theme.load("light", Map.<String, String>of()::get, dir, List.of(dir.resolve("themes"))).source())
                .as("no themes/ here: the bundled copy").isEqualTo("jar:themes/light.properties");

        Files.createDirectories(dir.resolve("themes"));
        Files.writeString(dir.resolve("themes/light.properties"), "diff.add.fg = blue\n");
        Theme local = Theme.load("light", Map.<String, String>of()::get, dir);
        assertThat(local.source()).isEqualTo(dir.resolve("themes/light.properties").toString());
        assertThat(local.style(Element.DIFF_ADD).fg()).isEqualTo(TextColor.ANSI.BLUE);

        Files.writeString(dir.resolve("mine.properties"), "diff.add.fg = red\n");
        assertThat(Theme.load("mine.properties", Map.<String, String>of()::get, dir).style(Element.DIFF_ADD).fg())
                .isEqualTo(TextColor.ANSI.RED);
    }

    @Test
    void anUnknownThemeNamesTheOnesThereAre() {
        assertThatThrownBy(() -> Theme.load("solarized", Map.<String, String>of()::get, Path.of("")))
                .isInstanceOf(ThemeException.class)
                .hasMessage("solarized: no theme by that name; themes: default, light, high-contrast, mono");
        assertThatThrownBy(() -> Theme.load("../etc/passwd x", Map.<String, String>of()::get, Path.of("")))
                .isInstanceOf(ThemeException.class);
    }

    @Test
    void monoDrawsTheDashboardWithoutAnyColour(@TempDir Path dir) throws Exception {
        Theme mono = Theme.load("default", Map.of("NO_COLOR", "yes")::get, Path.of(""));
        ScreenDriver s = new ScreenDriver(DemoCluster.live(dir).session, mono, 120, 35, Runnable::run,
                Dashboard.NO_COMMANDS).start();
        s.type(" d");

        boolean anyStyle = false;
        for (int r = 0; r < 35; r++) {
            for (int c = 0; c < 120; c++) {
                TextCharacter ch = s.cell(c, r);
                assertThat(ch.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
                assertThat(ch.getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
                anyStyle |= !ch.getModifiers().isEmpty();
            }
        }
        assertThat(anyStyle).as("mono still sets things apart with bold, underline and reverse").isTrue();
        assertThat(EnumSet.copyOf(s.cell(0, 0).getModifiers())).contains(SGR.REVERSE);
    }

    @Test
    void everyElementIsDocumentedAndNamedUniquely() {
        List<String> keys = Stream.of(Element.values()).map(Element::key).toList();
        assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.matches("[a-z]+(\\.[a-z]+)*"));
        assertThat(Stream.of(Element.values()).map(Element::description)).allMatch(d -> !d.isBlank());
    }
}
