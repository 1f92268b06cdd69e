package dev.wgtui.cli.docs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed completion scripts in real bash, zsh and fish, calling a {@code wgtui} of this
 * build for hosts, groups and backups: on the demo, and on local files with one backup.
 */
class CompletionScriptsTest {

    static final String BACKUP = "wg0.conf.20261126T031500Z.backup";

    @TempDir
    Path tmp;
    Path bin;
    String local;

    @BeforeEach
    void wgtuiAndAHubWithABackup() throws IOException {
        bin = ExternalShell.wgtuiOnPath(tmp);
        Path hub = Files.createDirectories(tmp.resolve("hub"));
        for (String name : List.of("inventory.yml", "wg0.conf")) {
            try (InputStream in = getClass().getResourceAsStream("/demo/" + name)) {
                Files.copy(in, hub.resolve(name));
            }
        }
        Files.copy(hub.resolve("wg0.conf"), hub.resolve(BACKUP));
        local = "wgtui -i " + hub.resolve("inventory.yml") + " --local " + hub.resolve("wg0.conf");
    }

    private static Path script(String name) {
        return Path.of("completions", name).toAbsolutePath();
    }

    @Test
    void bash() throws Exception {
        assumeTrue(ExternalShell.installed("bash"), "bash is not installed");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("wgtui ap", "apply");
        cases.put("wgtui re", "restore");
        cases.put("wgtui --demo apply c", "cm4");
        cases.put("wgtui --demo diff cm4,s", "cm4,s2204");
        cases.put("wgtui --demo diff workers:!c", "!cm4"); // bash replaces the part after ':'
        cases.put("wgtui --demo apply wor", "workers");
        cases.put("wgtui restore --d", "--demo --diff");
        cases.put("wgtui --demo --workers-group co", "control_plane");
        cases.put(local + " restore wg", BACKUP);
        cases.put("wgtui -i /nonexistent/inventory.yml apply c", "");
        cases.put("wgtui --theme ", "default light high-contrast mono");
        cases.put("wgtui --demo status --theme hi", "high-contrast");
        cases.put("wgtui help dr", "drift");
        cases.put("wgtui diff --ex", "--exit-code");
        String driver = """
                source "$1"; shift
                for line in "$@"; do
                    COMP_LINE=$line; COMP_POINT=${#line}
                    read -r -a COMP_WORDS <<<"$line"
                    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                    COMPREPLY=()
                    _wgtui
                    printf '%s\\n' "${COMPREPLY[*]}"
                done
                complete -p wgtui
                """;
        List<String> command = new java.util.ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", driver, "bash",
                script("wgtui.bash").toString()));
        command.addAll(cases.keySet());
        ExternalShell.Result r = ExternalShell.run(command, Map.of(), bin, 90);
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(cases.size() + 1);
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(sorted(lines.get(i++))).as(c.getKey()).isEqualTo(sorted(c.getValue()));
        }
        assertThat(lines.get(i)).isEqualTo("complete -F _wgtui wgtui");
    }

    @Test
    void bashOffersEveryCommandButTheHiddenOne() throws Exception {
        assumeTrue(ExternalShell.installed("bash"), "bash is not installed");
        String driver = "source \"$1\"; COMP_LINE='wgtui '; COMP_POINT=6; COMP_WORDS=(wgtui ''); COMP_CWORD=1; "
                + "_wgtui; printf '%s\\n' \"${COMPREPLY[*]}\"";
        ExternalShell.Result r = ExternalShell.run(List.of("bash", "--norc", "--noprofile", "-c", driver, "bash",
                script("wgtui.bash").toString()), Map.of(), bin, 30);
        assertThat(r.out().strip().split(" ")).containsExactly("status", "peers", "diff", "preview", "apply",
                "validate", "backups", "restore", "prune", "sort", "health", "drift", "shell", "help");
    }

    /**
     * zsh completes only inside its line editor, so the test types into an interactive zsh on a
     * pseudo-terminal (zpty): the line, Tab, then a key bound to a widget that writes the buffer.
     */
    private List<String> zsh(boolean sourced, List<String> lines) throws Exception {
        Path home = Files.createDirectories(tmp.resolve(sourced ? "zsh-sourced" : "zsh-fpath"));
        Path dump = home.resolve("dump");
        Files.writeString(home.resolve(".zshrc"), "PS1='%% '\n"
                + (sourced ? "autoload -U compinit && compinit -u -D\nsource " + script("_wgtui") + "\n"
                : "fpath=(" + script("_wgtui").getParent() + " $fpath)\nautoload -U compinit && compinit -u -D\n")
                + "__wgtui_test_dump() { print -r -- \"<$BUFFER>\" >> " + dump + "; BUFFER= }\n"
                + "zle -N __wgtui_test_dump\nbindkey '^T' __wgtui_test_dump\n");
        String driver = """
                zmodload zsh/zpty || exit 3
                : > "$DUMP"
                zpty wgtui zsh -d -i
                for line in "$@"; do
                    zpty -w -n wgtui "$line"$'\\t'$'\\x14'
                done
                n=0
                while (( $(wc -l < "$DUMP") < $# && n < 600 )); do sleep 0.1; (( n++ )); done
                zpty -d wgtui
                cat "$DUMP"
                """;
        List<String> command = new java.util.ArrayList<>(List.of("zsh", "-f", "-c", driver, "zsh"));
        command.addAll(lines);
        ExternalShell.Result r = ExternalShell.run(command, Map.of("ZDOTDIR", home.toString(), "DUMP", dump.toString(),
                "TERM", "xterm"), bin, 100);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().toList();
    }

    @Test
    void zshFromFpath() throws Exception {
        assumeTrue(ExternalShell.installed("zsh"), "zsh is not installed");
        List<String> lines = List.of("wgtui ap", "wgtui --demo apply c", "wgtui --demo diff cm4,s",
                "wgtui --demo diff workers:!c", "wgtui restore --di", "wgtui --demo --workers-group co",
                local + " restore wg", "wgtui --theme l", "wgtui diff --exit-c");
        assertThat(zsh(false, lines)).containsExactly("<wgtui apply >", "<wgtui --demo apply cm4 >",
                "<wgtui --demo diff cm4,s2204 >", "<wgtui --demo diff workers:!cm4 >", "<wgtui restore --diff >",
                "<wgtui --demo --workers-group control_plane >", "<" + local + " restore " + BACKUP + " >",
                "<wgtui --theme light >", "<wgtui diff --exit-code >");
    }

    @Test
    void zshSourcedAfterCompinit() throws Exception {
        assumeTrue(ExternalShell.installed("zsh"), "zsh is not installed");
        assertThat(zsh(true, List.of("wgtui ap", "wgtui --demo apply c")))
                .containsExactly("<wgtui apply >", "<wgtui --demo apply cm4 >");
    }

    @Test
    void fish() throws Exception {
        assumeTrue(ExternalShell.installed("fish"), "fish is not installed");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("wgtui ap", "apply");
        cases.put("wgtui --demo apply c", "cm4");
        cases.put("wgtui --demo diff cm4,s", "cm4,s2204");
        cases.put("wgtui --demo diff workers:!c", "workers:!cm4");
        cases.put("wgtui restore --d", "--demo --diff");
        cases.put("wgtui --demo --workers-group co", "control_plane");
        cases.put(local + " restore wg", BACKUP);
        cases.put("wgtui --theme l", "light");
        cases.put("wgtui help dr", "drift");
        String driver = """
                source $argv[1]
                for line in $argv[2..-1]
                    echo (complete -C $line | string split -f1 \\t | string join ' ')
                end
                """;
        List<String> command = new java.util.ArrayList<>(List.of("fish", "--no-config", "-c", driver,
                script("wgtui.fish").toString()));
        command.addAll(cases.keySet());
        ExternalShell.Result r = ExternalShell.run(command, Map.of("HOME", tmp.toString()), bin, 90);
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(cases.size());
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(sorted(lines.get(i++))).as(c.getKey()).isEqualTo(sorted(c.getValue()));
        }
    }

    @Test
    void fishDescribesCommandsAndWorkers() throws Exception {
        assumeTrue(ExternalShell.installed("fish"), "fish is not installed");
        ExternalShell.Result r = ExternalShell.run(List.of("fish", "--no-config", "-c",
                "source $argv[1]; complete -C 'wgtui --demo diff '; complete -C 'wgtui pr'",
                script("wgtui.fish").toString()), Map.of("HOME", tmp.toString()), bin, 60);
        assertThat(r.out()).contains("cm4\tworker 10.0.0.3\n").contains("workers\tgroup of 3 workers\n")
                .contains("prune\tRemove peers that are not in the inventory (shown as a diff; applied only after "
                        + "confirmation)\n")
                .contains("preview\tPreview the merged");
    }

    private static List<String> sorted(String words) {
        return Arrays.stream(words.strip().split("\\s+")).filter(w -> !w.isEmpty()).sorted().toList();
    }
}
