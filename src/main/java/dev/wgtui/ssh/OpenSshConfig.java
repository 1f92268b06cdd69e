package dev.wgtui.ssh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of an OpenSSH client configuration ({@code ~/.ssh/config}, ssh_config(5)) that decide
 * where and as whom wgtui connects: HostName, User, Port, IdentityFile, IdentityAgent, IdentitiesOnly,
 * ProxyJump, ProxyCommand, ConnectTimeout, inside {@code Host} blocks and {@code Include}d files.
 *
 * <p>As ssh does, the first value obtained for a keyword wins, except IdentityFile, which
 * accumulates. {@code Match all} applies everywhere; any other {@code Match} block is skipped,
 * since its criteria (exec, canonical, final, …) cannot be judged here. Other keywords are ignored.
 * Values are returned as written: tokens such as {@code %h}, {@code ${VAR}} and {@code ~} are expanded by
 * {@link SshTargets}, which knows the final host, user and home.
 */
public final class OpenSshConfig {

    private static final int MAX_INCLUDE_DEPTH = 16;

    /** The settings of one host, each empty where the configuration says nothing. */
    public record HostSettings(
            Optional<String> hostName,
            Optional<Integer> port,
            Optional<String> user,
            List<String> identityFiles,
            Optional<String> proxyJump,
            Optional<String> proxyCommand,
            Optional<Duration> connectTimeout,
            Optional<String> identityAgent,
            Optional<Boolean> identitiesOnly) {

        public HostSettings {
            identityFiles = List.copyOf(identityFiles);
        }

        /** Settings that say nothing about the agent. */
        public HostSettings(Optional<String> hostName, Optional<Integer> port, Optional<String> user,
                            List<String> identityFiles, Optional<String> proxyJump, Optional<String> proxyCommand,
                            Optional<Duration> connectTimeout) {
            this(hostName, port, user, identityFiles, proxyJump, proxyCommand, connectTimeout,
                    Optional.empty(), Optional.empty());
        }

        static HostSettings none() {
            return new HostSettings(Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Which hosts a block applies to: {@code Host} patterns, everything, or nothing. */
    private record Condition(List<String> patterns, boolean always) {
        static final Condition ALL = new Condition(List.of(), true);
        static final Condition NEVER = new Condition(List.of(), false);

        boolean matches(String host) {
            return always || matchesHostPatterns(patterns, host);
        }
    }

    private record Entry(Condition condition, String keyword, List<String> args, String raw, String where) {}

    private final List<Entry> entries;

    private OpenSshConfig(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** A configuration that says nothing about any host. */
    public static OpenSshConfig empty() {
        return new OpenSshConfig(List.of());
    }

    /** The current user's {@code ~/.ssh/config}, or an empty configuration if there is none. */
    public static OpenSshConfig loadDefault() throws IOException {
        return load(Path.of(System.getProperty("user.home"), ".ssh", "config"));
    }

    /**
     * Reads {@code file}; a missing file is an empty configuration. Relative {@code Include} paths
     * are taken from the file's directory, as ssh takes them from {@code ~/.ssh}.
     *
     * @throws IllegalArgumentException naming the file and line of a value ssh would reject
     */
    public static OpenSshConfig load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        Parser parser = new Parser(file.toAbsolutePath().getParent());
        parser.parseFile(file, 0);
        return new OpenSshConfig(parser.entries);
    }

    /** Parses configuration text; {@code origin} names it in errors and anchors relative Includes. */
    public static OpenSshConfig parse(String text, Path origin) throws IOException {
        Path base = origin.toAbsolutePath().getParent();
        Parser parser = new Parser(base);
        parser.parseText(text, origin.toString(), 0);
        return new OpenSshConfig(parser.entries);
    }

    /** What this configuration says about {@code host}, the name as given on the ssh command line. */
    public HostSettings lookup(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        String hostName = null;
        Integer port = null;
        String user = null;
        List<String> identityFiles = new ArrayList<>();
        String proxyJump = null;
        String proxyCommand = null;
        Duration connectTimeout = null;
        String identityAgent = null;
        Boolean identitiesOnly = null;
        boolean proxySet = false;
        for (Entry e : entries) {
            if (!e.condition().matches(name)) {
                continue;
            }
            String first = e.args().get(0);
            switch (e.keyword()) {
                case "hostname" -> hostName = hostName != null ? hostName : first;
                case "user" -> user = user != null ? user : first;
                case "port" -> port = port != null ? port : parsePort(first, e.where());
                case "identityfile" -> identityFiles.add(first);
                case "identityagent" -> identityAgent = identityAgent != null ? identityAgent : first;
                case "identitiesonly" -> identitiesOnly = identitiesOnly != null
                        ? identitiesOnly : parseYesNo(first, "IdentitiesOnly", e.where());
                case "connecttimeout" -> connectTimeout = connectTimeout != null
                        ? connectTimeout : Duration.ofSeconds(parseSeconds(first, e.where()));
                // ProxyJump and ProxyCommand share one slot in ssh: whichever comes first wins.
                case "proxyjump" -> {
                    if (!proxySet) {
                        proxySet = true;
                        proxyJump = first;
                    }
                }
                case "proxycommand" -> {
                    if (!proxySet) {
                        proxySet = true;
                        proxyCommand = e.raw();
                    }
                }
                default -> { }
            }
        }
        if ("none".equalsIgnoreCase(proxyCommand)) {
            proxyCommand = null;
        }
        return new HostSettings(Optional.ofNullable(hostName), Optional.ofNullable(port),
                Optional.ofNullable(user), identityFiles, Optional.ofNullable(proxyJump),
                Optional.ofNullable(proxyCommand), Optional.ofNullable(connectTimeout),
                Optional.ofNullable(identityAgent), Optional.ofNullable(identitiesOnly));
    }

    /**
     * Matches {@code host} against ssh {@code Host} patterns ({@code *}, {@code ?}, {@code !neg}):
     * true when some positive pattern matches and no negated one does. Case-insensitive.
     */
    public static boolean matchesHostPatterns(List<String> patterns, String host) {
        String name = host.toLowerCase(Locale.ROOT);
        boolean matched = false;
        for (String p : patterns) {
            String pattern = p.toLowerCase(Locale.ROOT);
            if (pattern.startsWith("!")) {
                if (glob(pattern.substring(1), name)) {
                    return false;
                }
            } else if (glob(pattern, name)) {
                matched = true;
            }
        }
        return matched;
    }

    /** Glob match with {@code *} (any run) and {@code ?} (one character), iterative backtracking. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    static int parsePort(String value, String where) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": Port '" + value + "' is not a port number (1-65535)");
    }

    /** A yes/no option as ssh reads it: yes or true, no or false, any case. */
    static boolean parseYesNo(String value, String keyword, String where) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> {
                return true;
            }
            case "no", "false" -> {
                return false;
            }
            default -> throw new IllegalArgumentException(where + ": " + keyword + " '" + value
                    + "' is not yes or no");
        }
    }

    /**
     * Checks an IdentityAgent value as ssh does when it reads it: {@code ${…}} closed and a legacy
     * {@code $NAME} a valid variable name.
     */
    static void checkIdentityAgent(String value, String where) {
        int open = value.indexOf("${");
        while (open >= 0) {
            int close = value.indexOf('}', open);
            if (close < 0 || !validEnvName(value.substring(open + 2, close))) {
                throw new IllegalArgumentException(where + ": IdentityAgent '" + value
                        + "': invalid environment expansion");
            }
            open = value.indexOf("${", close);
        }
        if (value.startsWith("$") && !value.startsWith("${") && !validEnvName(value.substring(1))) {
            throw new IllegalArgumentException(where + ": IdentityAgent '" + value
                    + "': invalid environment variable name");
        }
    }

    static boolean validEnvName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static long parseSeconds(String value, String where) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": ConnectTimeout '" + value + "' is not a number of seconds");
    }

    /**
     * Splits a line's arguments as ssh does: whitespace separates, double quotes group, and an
     * unquoted token starting with {@code #} begins a comment.
     */
    static List<String> splitArgs(String s, String where) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (s.charAt(i) == '#') {
                break;
            }
            StringBuilder token = new StringBuilder();
            boolean quoted = false;
            while (i < n && (quoted || !Character.isWhitespace(s.charAt(i)))) {
                char c = s.charAt(i++);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    token.append(c);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException(where + ": unterminated quote");
            }
            out.add(token.toString());
        }
        return out;
    }

    private static final class Parser {
        final Path includeBase;
        final List<Entry> entries = new ArrayList<>();
        Condition condition = Condition.ALL;

        Parser(Path includeBase) {
            this.includeBase = includeBase;
        }

        void parseFile(Path file, int depth) throws IOException {
            parseText(Files.readString(file), file.toString(), depth);
        }

        void parseText(String text, String origin, int depth) throws IOException {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                parseLine(lines[i], origin + ":" + (i + 1), depth);
            }
        }

        private void parseLine(String raw, String where, int depth) throws IOException {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            int k = 0;
            while (k < line.length() && !Character.isWhitespace(line.charAt(k)) && line.charAt(k) != '=') {
                k++;
            }
            String keyword = line.substring(0, k).toLowerCase(Locale.ROOT);
            String rest = line.substring(k).strip();
            if (rest.startsWith("=")) {
                rest = rest.substring(1).strip();
            }
            List<String> args = splitArgs(rest, where);
            switch (keyword) {
                case "host" -> {
                    if (args.isEmpty()) {
                        throw new IllegalArgumentException(where + ": Host needs at least one pattern");
                    }
                    condition = new Condition(args, false);
                }
                case "match" -> condition = args.size() == 1 && args.get(0).equalsIgnoreCase("all")
                        ? Condition.ALL : Condition.NEVER;
                case "include" -> include(args, where, depth);
                default -> {
                    if (args.isEmpty()) {
                        throw new IllegalArgumentException(where + ": " + keyword + " needs a value");
                    }
                    switch (keyword) {
                        case "port" -> parsePort(args.get(0), where);
                        case "identitiesonly" -> parseYesNo(args.get(0), "IdentitiesOnly", where);
                        case "identityagent" -> checkIdentityAgent(args.get(0), where);
                        default -> { }
                    }
                    entries.add(new Entry(condition, keyword, args, rest, where));
                }
            }
        }

        private void include(List<String> args, String where, int depth) throws IOException {
            if (depth >= MAX_INCLUDE_DEPTH) {
                throw new IllegalArgumentException(where + ": Include nested too deeply");
            }
            Condition saved = condition;
            for (String arg : args) {
                for (Path file : expandInclude(arg)) {
                    parseFile(file, depth + 1);
                }
                condition = saved;
            }
        }

        /** An Include argument as files: {@code ~} and relative paths resolved, a glob in the name. */
        private List<Path> expandInclude(String arg) throws IOException {
            String spec = arg.startsWith("~/")
                    ? System.getProperty("user.home") + arg.substring(1) : arg;
            Path path = Path.of(spec);
            if (!path.isAbsolute()) {
                path = includeBase.resolve(path);
            }
            String name = path.getFileName().toString();
            Path dir = path.getParent();
            List<Path> files = new ArrayList<>();
            if (name.contains("*") || name.contains("?") || name.contains("[")) {
                if (dir != null && Files.isDirectory(dir)) {
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, name)) {
                        ds.forEach(p -> {
                            if (Files.isRegularFile(p)) {
                                files.add(p);
                            }
                        });
                    }
                }
                files.sort(null);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            }
            return files;
        }
    }
}
