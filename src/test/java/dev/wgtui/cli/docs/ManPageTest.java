package dev.wgtui.cli.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** man/wgtui.1 as man renders it: no warnings, and the sections an operator looks for. */
class ManPageTest {

    private static final Path PAGE = Path.of("man", "wgtui.1").toAbsolutePath();

    @Test
    void rendersWithoutWarnings() throws Exception {
        assumeTrue(ExternalShell.installed("man"), "man is not installed");
        ExternalShell.Result r = ExternalShell.run(List.of("man", "--warnings", "-l", PAGE.toString()),
                Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat"), null, 60);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void readsAsAManPage() throws Exception {
        assumeTrue(ExternalShell.installed("man"), "man is not installed");
        ExternalShell.Result r = ExternalShell.run(List.of("man", "-l", PAGE.toString()),
                Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat", "MAN_KEEP_FORMATTING", ""), null, 60);
        String text = r.out().replaceAll(".\b", "");
        assertThat(text).contains("WGTUI(1)").contains("NAME").contains("wgtui - terminal console for the WireGuard hub")
                .contains("SYNOPSIS").contains("COMMANDS").contains("SHELL").contains("KEYS").contains("EXIT STATUS")
                .contains("ENVIRONMENT").contains("FILES").contains("EXAMPLES")
                .contains("wgtui [OPTIONS] restore [--diff] BACKUP").contains("-i, --inventory=FILE")
                .contains("wgtui -i inventory.yml apply cm4 s2204 --yes");
        assertThat(text.lines()).allMatch(l -> l.length() <= 80);
    }
}
