package dev.wgtui.cli.docs;

import dev.wgtui.cli.ExitCode;
import dev.wgtui.cli.KeyHelp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The committed man page and completions are what the command tree makes now. */
class GeneratedDocsTest {

    @Test
    void committedFilesAreUpToDate() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> f : GenerateDocs.files().entrySet()) {
            Path path = Path.of(f.getKey());
            if (!Files.exists(path) || !Files.readString(path, StandardCharsets.UTF_8).equals(f.getValue())) {
                stale.add(f.getKey());
            }
        }
        if (!stale.isEmpty()) {
            fail(String.join(", ", stale) + " out of date with the command tree; regenerate from the project root "
                    + "and commit them. run: " + GenerateDocs.COMMAND);
        }
    }

    @Test
    void everyCommandAndOptionIsInEveryFile() {
        Map<String, String> files = GenerateDocs.files();
        for (String command : List.of("status", "peers", "diff", "preview", "apply", "validate", "backups", "restore",
                "prune", "health", "drift", "shell")) {
            assertThat(files.get("man/wgtui.1")).contains(command);
            assertThat(files.get("completions/wgtui.bash")).contains(command);
            assertThat(files.get("completions/_wgtui")).contains("'" + command + ":");
            assertThat(files.get("completions/wgtui.fish")).contains("-a " + command + " ");
        }
        for (String option : List.of("inventory", "local", "demo", "preview", "json", "yes", "verbose", "known-hosts",
                "control-plane-group", "workers-group", "turn-off-saveconfig", "theme", "diff", "ping")) {
            assertThat(files.get("man/wgtui.1")).contains("\\-\\-" + option.replace("-", "\\-"));
            assertThat(files.get("completions/wgtui.bash")).contains("--" + option);
            assertThat(files.get("completions/_wgtui")).contains("--" + option);
            assertThat(files.get("completions/wgtui.fish")).contains("-l " + option);
        }
        assertThat(String.join("", files.values())).doesNotContain("__complete'").doesNotContain("-a __complete");
    }

    @Test
    void manPageListsExitCodesShellCommandsKeysFilesAndEnvironment() {
        String man = GenerateDocs.files().get("man/wgtui.1");
        for (ExitCode code : ExitCode.values()) {
            assertThat(man).contains(".TP\n\\fB" + code.code() + "\\fR\n");
        }
        assertThat(man).contains(".SH SHELL").contains("\\fBselect\\fR").contains("\\fBquit\\fR, \\fBexit\\fR")
                .contains(".SH KEYS").contains(".SH FILES").contains("wg0.conf.<timestamp>.backup")
                .contains("/tmp/wg0.conf.preview").contains("$XDG_STATE_HOME/wgtui/history")
                .contains("$XDG_STATE_HOME/wgtui/wgtui.log").contains("group_vars/").contains("themes/")
                .contains(".SH ENVIRONMENT").contains("NO_COLOR").contains("SSH_AUTH_SOCK").contains(".SH EXAMPLES");
    }

    @Test
    void theKeysSectionIsTheDashboardsBindings() {
        String man = GenerateDocs.files().get("man/wgtui.1");
        for (KeyHelp k : KeyHelp.dashboard()) {
            assertThat(man).contains(k.description().replace("-", "\\-"));
        }
        assertThat(KeyHelp.dashboard()).extracting(KeyHelp::key).contains("?", "/", "a", "d", "A", "v", "b", "p", "h", "D", "r", ":", "q");
    }
}
