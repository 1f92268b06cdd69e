package dev.wgtui.cli;

import dev.wgtui.core.hub.Backup;
import dev.wgtui.core.inventory.Inventory;
import picocli.CommandLine.Model.ArgSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dynamic completion: which names a parameter of the command tree completes to (marked with
 * {@code completionCandidates}), and those names from the inventory or the hub. The shell's
 * completer, {@code wgtui __complete} and the generated completion scripts all read the marks,
 * so a new command with a PATTERN parameter completes hosts everywhere without more code.
 */
public final class Completions {

    private Completions() {
    }

    /** What a parameter completes to; {@link #word()} is the argument of {@code wgtui __complete}. */
    public enum Kind {
        /** Workers, the groups that hold a worker, and {@code all}: what a limit pattern names. */
        PATTERNS("hosts"),
        /** Every group of the inventory. */
        GROUPS("groups"),
        /** The hub's backups. */
        BACKUPS("backups"),
        /** The shell's command names. */
        COMMANDS("commands"),
        /** Files. */
        FILES("files"),
        /** The dashboard's themes. */
        THEMES("themes");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A name to offer and a few words on what it is. */
    public record Name(String name, String description) {
    }

    /** Marks a limit-pattern parameter; picocli itself sees no candidates. */
    public static final class Patterns extends Empty {
    }

    /** Marks a backup-name parameter. */
    public static final class Backups extends Empty {
    }

    /** Marks a command-name parameter (the shell's {@code help}). */
    public static final class Commands extends Empty {
    }

    /** Marks a theme-name parameter ({@code --theme}). */
    public static final class Themes extends Empty {
    }

    /** No static candidates: the names come from the inventory or the hub at completion time. */
    public abstract static class Empty implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Collections.emptyIterator();
        }
    }

    /** What {@code arg} completes to: a mark, else by its label (FILE, GROUP), else nothing. */
    public static Optional<Kind> kindOf(ArgSpec arg) {
        Iterable<String> marked = arg.completionCandidates();
        if (marked instanceof Patterns) {
            return Optional.of(Kind.PATTERNS);
        }
        if (marked instanceof Backups) {
            return Optional.of(Kind.BACKUPS);
        }
        if (marked instanceof Commands) {
            return Optional.of(Kind.COMMANDS);
        }
        if (marked instanceof Themes) {
            return Optional.of(Kind.THEMES);
        }
        if ("FILE".equals(arg.paramLabel())) {
            return Optional.of(Kind.FILES);
        }
        if ("GROUP".equals(arg.paramLabel())) {
            return Optional.of(Kind.GROUPS);
        }
        return Optional.empty();
    }

    /**
     * Names a limit pattern may use for the workers: each worker (inventory order), each group
     * that holds a worker (sorted; {@code all} among them). The hub and groups of only the hub
     * are left out, since selecting them selects no worker.
     */
    public static List<Name> patternNames(Inventory inventory, String hubGroup, String workerGroup) {
        List<String> hubs = inventory.hostsOf(hubGroup);
        String hub = hubs.isEmpty() ? null : hubs.get(0);
        List<String> workers = inventory.hostsOf(workerGroup).stream().filter(h -> !h.equals(hub)).toList();
        Set<String> workerSet = Set.copyOf(workers);
        List<Name> names = new ArrayList<>();
        for (String w : workers) {
            Object ip = inventory.varsOf(w).get("wireguard_ip");
            names.add(new Name(w, ip == null ? "worker" : "worker " + ip));
        }
        for (String g : inventory.groups()) {
            long n = inventory.hostsOf(g).stream().filter(workerSet::contains).count();
            if (n > 0 && !workerSet.contains(g)) {
                names.add(new Name(g, "group of " + n + (n == 1 ? " worker" : " workers")));
            }
        }
        return names;
    }

    /** Every group of the inventory with its host count. */
    public static List<Name> groupNames(Inventory inventory) {
        List<Name> names = new ArrayList<>();
        for (String g : inventory.groups()) {
            int n = inventory.hostsOf(g).size();
            names.add(new Name(g, "group of " + n + (n == 1 ? " host" : " hosts")));
        }
        return names;
    }

    /**
     * The themes {@code --theme} takes: those bundled, then any {@code themes/NAME.properties} in
     * {@code workingDir}, where the dashboard looks first.
     */
    public static List<Name> themeNames(java.nio.file.Path workingDir) {
        List<Name> names = new ArrayList<>();
        for (String t : dev.wgtui.tui.Theme.BUNDLED) {
            names.add(new Name(t, "theme"));
        }
        java.nio.file.Path dir = workingDir.resolve("themes");
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var files = java.nio.file.Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[A-Za-z0-9_-]+\\.properties"))
                        .map(n -> n.substring(0, n.length() - ".properties".length())).sorted()
                        .filter(n -> !dev.wgtui.tui.Theme.BUNDLED.contains(n))
                        .forEach(n -> names.add(new Name(n, "theme in themes/")));
            } catch (java.io.IOException e) {
                // an unreadable directory offers the bundled themes only
            }
        }
        return names;
    }

    /** The hub's backups, newest first as the hub lists them, with their peer counts. */
    public static List<Name> backupNames(List<Backup> backups) {
        return backups.stream().map(b -> new Name(b.name(), b.peers() + " peers")).toList();
    }
}
