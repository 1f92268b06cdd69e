package dev.wgtui.cli;

import dev.wgtui.core.inventory.Inventory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code wgtui [OPTION...] __complete hosts|groups} without the command tree: what the shell asks
 * on every Tab, answered from the inventory alone. Building picocli's tree costs more than the
 * answer, so a line this class reads whole (global options, then {@code __complete KIND}) is
 * answered here, the same way {@link CompleteCommand} answers it; any other line, and
 * {@code backups} (it needs the hub), goes to the full tree. The option names are
 * {@link GlobalOptions#WITH_VALUE} and {@link GlobalOptions#FLAGS}.
 */
public final class QuickComplete {

    private QuickComplete() {
    }

    /**
     * Answers {@code args} on {@code out} when it is a completion line this class reads whole;
     * empty when the full command tree has to answer it.
     */
    public static OptionalInt run(String[] args, PrintStream out) {
        GlobalOptions o = parse(args);
        if (o == null) {
            return OptionalInt.empty();
        }
        String kind = args[args.length - 1];
        try (AppContext context = new AppContext(o, Clock.systemUTC())) {
            Inventory inventory = context.inventory();
            List<Completions.Name> names = kind.equals("hosts")
                    ? Completions.patternNames(inventory, o.hubGroup, o.workerGroup)
                    : Completions.groupNames(inventory);
            StringBuilder text = new StringBuilder();
            for (Completions.Name n : names) {
                text.append(n.name()).append('\t').append(n.description()).append('\n');
            }
            out.print(text);
            out.flush();
            return OptionalInt.of(ExitCode.OK.code());
        } catch (Exception | LinkageError e) {
            // As __complete: a completion that fails offers nothing.
            return OptionalInt.of(ExitCode.USAGE.code());
        }
    }

    /** The options of a line {@code [OPTION...] __complete hosts|groups}, or null for any other line. */
    static GlobalOptions parse(String[] args) {
        int n = args.length;
        if (n < 2 || !args[n - 2].equals("__complete") || !(args[n - 1].equals("hosts") || args[n - 1].equals("groups"))) {
            return null;
        }
        GlobalOptions o = new GlobalOptions();
        for (int i = 0; i < n - 2; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (GlobalOptions.WITH_VALUE.contains(name)) {
                if (value == null) {
                    if (i + 1 >= n - 2) {
                        return null;
                    }
                    value = args[++i];
                }
                if (!set(o, name, value)) {
                    return null;
                }
            } else if (GlobalOptions.FLAGS.contains(arg)) {
                if (arg.equals("--demo")) {
                    o.demo = true;
                }
            } else {
                return null;
            }
        }
        return o;
    }

    /** Sets what the names depend on; the other options change nothing in them. */
    private static boolean set(GlobalOptions o, String name, String value) {
        switch (name) {
            case "-i", "--inventory" -> {
                if (value.isEmpty()) {
                    return false;
                }
                try {
                    o.inventory = Path.of(value);
                } catch (java.nio.file.InvalidPathException e) {
                    return false;
                }
            }
            case "--control-plane-group" -> o.hubGroup = value;
            case "--workers-group" -> o.workerGroup = value;
            default -> {
                // --local, --preview, --known-hosts, --theme: the hub and the screen, not the inventory
            }
        }
        return true;
    }
}
