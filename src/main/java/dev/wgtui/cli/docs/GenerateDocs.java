package dev.wgtui.cli.docs;

import dev.wgtui.app.App;
import dev.wgtui.cli.Confirm;
import dev.wgtui.cli.KeyHelp;
import dev.wgtui.cli.WgtuiCommand;
import dev.wgtui.repl.CommandRunner;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the files made from the command tree: {@code man/wgtui.1} and the bash, zsh and fish
 * completions. They are committed; {@code GeneratedDocsTest} fails when they are out of date.
 * Run from the project root: {@value #COMMAND}
 */
public final class GenerateDocs {

    /** How to regenerate, as the test's failure message says it. */
    public static final String COMMAND =
            "mvn -q compile exec:java -Dexec.mainClass=dev.wgtui.cli.docs.GenerateDocs";

    private GenerateDocs() {
    }

    /** Every generated file: its path from the project root and its content. */
    public static Map<String, String> files() {
        WgtuiCommand root = new WgtuiCommand(Clock.systemUTC(), Confirm.terminal());
        CommandLine cli = App.commandLine(root);
        CommandRunner shell = new CommandRunner(root, question -> false);
        Tree tree = new Tree(cli);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("man/wgtui.1", ManPage.render(cli, shell.shellOnlyCommands(), KeyHelp.dashboard()));
        files.put("completions/wgtui.bash", BashCompletion.render(tree));
        files.put("completions/_wgtui", ZshCompletion.render(tree));
        files.put("completions/wgtui.fish", FishCompletion.render(tree));
        return files;
    }

    /** Writes the files below the directory given (default: the current one, the project root). */
    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : "");
        for (Map.Entry<String, String> f : files().entrySet()) {
            Path path = base.resolve(f.getKey());
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, f.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + path);
        }
    }
}
