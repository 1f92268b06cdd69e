package dev.wgtui.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an inventory host to an {@link SshTarget} the way Ansible's ssh connection does: the
 * host vars become ssh options given before {@code ~/.ssh/config} is read, so they win, and the
 * config fills in what they leave unset.
 *
 * <p>Read vars: {@code ansible_host}, {@code ansible_port}, {@code ansible_user},
 * {@code ansible_ssh_private_key_file} (also the older {@code ansible_ssh_host},
 * {@code ansible_ssh_port}, {@code ansible_ssh_user}, {@code ansible_private_key_file}),
 * {@code ansible_timeout}, and ssh options in {@code ansible_ssh_common_args},
 * {@code ansible_ssh_extra_args} and {@code ansible_ssh_args}: {@code -o Key=Value}, {@code -J},
 * {@code -p}, {@code -l}, {@code -i}, including {@code -o ProxyCommand="ssh -W %h:%p jump"}.
 * As with ssh, {@code ~/.ssh/config} is matched against {@code ansible_host} when it is set, not
 * the inventory name. A jump host gets its settings from {@code ~/.ssh/config} only, as ssh gives
 * it none of the target's command-line options.
 *
 * <p>The ssh-agent is chosen as ssh chooses it: {@code IdentityAgent} (from {@code -o} or the
 * config) when set — {@code none}, {@code SSH_AUTH_SOCK}, {@code $VAR}, or a path with {@code ~},
 * {@code ${VAR}} and {@code %} tokens — else {@code SSH_AUTH_SOCK}. {@code IdentitiesOnly} is read
 * from the same places.
 */
public final class SshTargets {

    private static final int DEFAULT_PORT = 22;
    private static final int MAX_HOPS = 8;
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    /** ssh options that take an argument; every other option letter is a flag. */
    private static final String OPTIONS_WITH_ARGUMENT = "BbcDEeFIiJLlmOoPpQRSWw";

    private final Path home;
    private final String localUser;
    private final Map<String, String> env;

    /**
     * A resolver for the user {@code localUser} whose home (and {@code ~/.ssh}) is {@code home},
     * with an empty environment: no {@code SSH_AUTH_SOCK}, so no agent unless IdentityAgent names one.
     */
    public SshTargets(Path home, String localUser) {
        this(home, localUser, Map.of());
    }

    /** A resolver as above that reads {@code SSH_AUTH_SOCK} and {@code ${VAR}} from {@code env}. */
    public SshTargets(Path home, String localUser, Map<String, String> env) {
        this.home = home;
        this.localUser = localUser;
        this.env = Map.copyOf(env);
    }

    /** A resolver for the user running wgtui, in wgtui's environment. */
    public static SshTargets forCurrentUser() {
        return new SshTargets(Path.of(System.getProperty("user.home")), System.getProperty("user.name"),
                System.getenv());
    }

    /**
     * The connection settings for inventory host {@code inventoryName} with host vars {@code vars}.
     *
     * @throws IllegalArgumentException naming the host when a var or option cannot be understood,
     *                                  such as a port that is not a number or a ProxyCommand other
     *                                  than {@code ssh -W %h:%p …}
     */
    public SshTarget resolve(String inventoryName, Map<String, ?> vars, OpenSshConfig sshConfig) {
        String where = "host " + inventoryName;
        String hostArg = var(vars, where, "ansible_host", "ansible_ssh_host").orElse(inventoryName);

        List<String> argTokens = new ArrayList<>();
        for (String key : List.of("ansible_ssh_args", "ansible_ssh_common_args", "ansible_ssh_extra_args")) {
            var(vars, where, key).ifPresent(v -> argTokens.addAll(shellSplit(v, where + ": " + key)));
        }
        CommandLine args = CommandLine.parse(argTokens, where);
        if (args.destination != null) {
            throw new IllegalArgumentException(where + ": ssh args contain a stray argument '"
                    + args.destination + "'");
        }

        Options fromInventory = new Options();
        var(vars, where, "ansible_port", "ansible_ssh_port")
                .ifPresent(v -> fromInventory.port = OpenSshConfig.parsePort(v, where + ": ansible_port"));
        var(vars, where, "ansible_user", "ansible_ssh_user").ifPresent(v -> fromInventory.user = v);
        var(vars, where, "ansible_ssh_private_key_file", "ansible_private_key_file")
                .ifPresent(fromInventory.identityFiles::add);
        var(vars, where, "ansible_timeout")
                .ifPresent(v -> fromInventory.connectTimeout = Duration.ofSeconds(seconds(v, where + ": ansible_timeout")));

        return resolveHost(inventoryName, hostArg, fromInventory.then(args.options), sshConfig, 0);
    }

    /** One host: explicit options first, then the ssh config for {@code hostArg}, then ssh defaults. */
    private SshTarget resolveHost(String name, String hostArg, Options explicit, OpenSshConfig config, int depth) {
        String where = "host " + name;
        if (depth > MAX_HOPS) {
            throw new IllegalArgumentException(where + ": more than " + MAX_HOPS
                    + " jump hosts; is there a ProxyJump loop in ~/.ssh/config?");
        }
        OpenSshConfig.HostSettings cfg = config.lookup(hostArg);
        String hostname = explicit.hostName != null ? explicit.hostName
                : cfg.hostName().map(h -> expandHostName(h, hostArg)).orElse(hostArg);
        int port = explicit.port != null ? explicit.port : cfg.port().orElse(DEFAULT_PORT);
        String user = explicit.user != null ? explicit.user : cfg.user().orElse(localUser);

        List<String> keySpecs = new ArrayList<>(explicit.identityFiles);
        keySpecs.addAll(cfg.identityFiles());
        Tokens tokens = new Tokens(hostname, hostArg, port, user, where);
        List<Path> keys = new ArrayList<>();
        for (String spec : keySpecs) {
            keys.add(Path.of(expand(spec, tokens, "IdentityFile")));
        }
        if (keySpecs.isEmpty()) {
            for (String file : DEFAULT_KEYS) {
                Path key = home.resolve(".ssh").resolve(file);
                // a key whose private half lives only in the agent keeps its .pub here
                if (Files.isRegularFile(key) || Files.isRegularFile(key.resolveSibling(file + ".pub"))) {
                    keys.add(key);
                }
            }
        }
        IdentityAgent agent = identityAgent(explicit.identityAgent != null
                ? explicit.identityAgent : cfg.identityAgent().orElse(null), tokens);
        boolean identitiesOnly = explicit.identitiesOnly != null
                ? explicit.identitiesOnly : cfg.identitiesOnly().orElse(false);

        Optional<Duration> timeout = explicit.connectTimeout != null
                ? Optional.of(explicit.connectTimeout) : cfg.connectTimeout();

        Optional<SshTarget> jump;
        if (explicit.proxyJump != null || explicit.proxyCommand != null) {
            jump = proxy(explicit.proxyJump, explicit.proxyCommand, config, depth, where);
        } else if (cfg.proxyJump().filter(j -> isSelf(j, hostArg)).isPresent()) {
            // "Host * / ProxyJump bastion" also matches bastion itself: a jump to oneself means none.
            jump = Optional.empty();
        } else {
            jump = proxy(cfg.proxyJump().orElse(null), cfg.proxyCommand().orElse(null), config, depth, where);
        }
        return new SshTarget(name, hostname, port, user, keys, jump, timeout, agent, identitiesOnly);
    }

    /** The agent as ssh picks it from an IdentityAgent value ({@code null}: not set). */
    private IdentityAgent identityAgent(String spec, Tokens tokens) {
        if (spec == null || spec.equals(IdentityAgent.SSH_AUTH_SOCK)) {
            return IdentityAgent.fromEnvironment(env);
        }
        if (spec.equals("none")) {
            return IdentityAgent.none("IdentityAgent none");
        }
        OpenSshConfig.checkIdentityAgent(spec, tokens.where());
        if (spec.startsWith("$") && !spec.startsWith("${")) {
            return IdentityAgent.fromVariable(env, spec.substring(1));
        }
        return IdentityAgent.at(Path.of(expand(spec, tokens, "IdentityAgent")), "IdentityAgent " + spec);
    }

    private Optional<SshTarget> proxy(String proxyJump, String proxyCommand, OpenSshConfig config,
                                      int depth, String where) {
        if (proxyJump != null) {
            return proxyJump.equalsIgnoreCase("none")
                    ? Optional.empty() : Optional.of(resolveJumpList(proxyJump, config, depth + 1));
        }
        if (proxyCommand != null && !proxyCommand.equalsIgnoreCase("none")) {
            return Optional.of(resolveProxyCommand(proxyCommand, config, depth + 1, where));
        }
        return Optional.empty();
    }

    private static boolean isSelf(String proxyJump, String hostArg) {
        return !proxyJump.contains(",") && !proxyJump.equalsIgnoreCase("none")
                && Hop.parse(proxyJump.strip()).host().equalsIgnoreCase(hostArg);
    }

    /** {@code [user@]host[:port],…}: each hop tunnels through the one before it. */
    private SshTarget resolveJumpList(String spec, OpenSshConfig config, int depth) {
        SshTarget previous = null;
        String[] hops = spec.split(",");
        for (int i = 0; i < hops.length; i++) {
            String hopSpec = hops[i].strip();
            Hop hop = Hop.parse(hopSpec);
            Options explicit = new Options();
            explicit.user = hop.user();
            explicit.port = hop.port();
            if (i > 0) {
                explicit.proxyJump = "none";
            }
            SshTarget target = resolveHost(hopSpec, hop.host(), explicit, config, depth + i);
            previous = previous == null ? target : target.via(previous);
        }
        return previous;
    }

    /** Only {@code ssh [options] -W %h:%p jump} is understood: it is a ProxyJump written longhand. */
    private SshTarget resolveProxyCommand(String command, OpenSshConfig config, int depth, String where) {
        String unsupported = where + ": ProxyCommand '" + command + "' is not supported; "
                + "use ProxyJump, or a ProxyCommand of the form 'ssh -W %h:%p [user@]jumphost'";
        List<String> tokens = shellSplit(command, where + ": ProxyCommand");
        if (tokens.isEmpty() || !(tokens.get(0).equals("ssh") || tokens.get(0).endsWith("/ssh"))) {
            throw new IllegalArgumentException(unsupported);
        }
        CommandLine line = CommandLine.parse(tokens.subList(1, tokens.size()), where + ": ProxyCommand");
        if (line.forward == null || line.destination == null
                || !(line.forward.equals("%h:%p") || line.forward.equals("[%h]:%p"))) {
            throw new IllegalArgumentException(unsupported);
        }
        Hop hop = Hop.parse(line.destination);
        Options explicit = new Options();
        explicit.user = hop.user();
        explicit.port = hop.port();
        return resolveHost(line.destination, hop.host(), explicit.then(line.options), config, depth);
    }

    /** What ssh_config(5) TOKENS stand for, for one host. */
    private record Tokens(String hostname, String originalHost, int port, String user, String where) {}

    /** ssh_config(5) HostName TOKENS: only {@code %%} and {@code %h} (the host as given). */
    private static String expandHostName(String value, String originalHost) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%' || i + 1 >= value.length()) {
                out.append(c);
                continue;
            }
            char t = value.charAt(++i);
            switch (t) {
                case '%' -> out.append('%');
                case 'h' -> out.append(originalHost);
                default -> out.append('%').append(t);
            }
        }
        return out.toString();
    }

    /**
     * A path value (IdentityFile, IdentityAgent) expanded as ssh does: a leading {@code ~} or
     * {@code ~user}, then {@code ${VAR}} from the environment and the TOKENS %%, %C, %d, %h, %i,
     * %k, %L, %l, %n, %p, %r, %u.
     *
     * @throws IllegalArgumentException naming the host when a variable is not set, a user is unknown,
     *                                  or a token is not one ssh accepts here
     */
    private String expand(String value, Tokens t, String keyword) {
        String s = expandTilde(value, t, keyword);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i);
                String name = close < 0 ? "" : s.substring(i + 2, close);
                if (!OpenSshConfig.validEnvName(name)) {
                    throw new IllegalArgumentException(t.where() + ": " + keyword + " '" + value
                            + "': invalid environment expansion");
                }
                String v = env.get(name);
                if (v == null) {
                    throw new IllegalArgumentException(t.where() + ": " + keyword + " '" + value
                            + "': environment variable " + name + " is not set");
                }
                out.append(v);
                i = close;
                continue;
            }
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                throw new IllegalArgumentException(t.where() + ": " + keyword + " '" + value + "' ends in %");
            }
            char token = s.charAt(++i);
            switch (token) {
                case '%' -> out.append('%');
                case 'C' -> out.append(connectionHash(t));
                case 'd' -> out.append(home);
                case 'h' -> out.append(t.hostname());
                case 'i' -> out.append(LocalUser.uid());
                case 'k', 'n' -> out.append(t.originalHost());
                case 'L' -> out.append(LocalUser.hostname().split("\\.", 2)[0]);
                case 'l' -> out.append(LocalUser.hostname());
                case 'p' -> out.append(t.port());
                case 'r' -> out.append(t.user());
                case 'u' -> out.append(localUser);
                default -> throw new IllegalArgumentException(t.where() + ": " + keyword + " '" + value
                        + "': unknown token %" + token);
            }
        }
        return out.toString();
    }

    private String expandTilde(String value, Tokens t, String keyword) {
        if (!value.startsWith("~")) {
            return value;
        }
        int slash = value.indexOf('/');
        String name = slash < 0 ? value.substring(1) : value.substring(1, slash);
        String rest = slash < 0 ? "" : value.substring(slash);
        if (name.isEmpty()) {
            return home + rest;
        }
        return LocalUser.homeOf(name).map(h -> h + rest).orElseThrow(() -> new IllegalArgumentException(
                t.where() + ": " + keyword + " '" + value + "': no such user " + name));
    }

    /** %C: the SHA-1 of %l%h%p%r in hex, as ssh makes it for ControlPath and friends. */
    private static String connectionHash(Tokens t) {
        String text = LocalUser.hostname() + t.hostname() + t.port() + t.user();
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> var(Map<String, ?> vars, String where, String... keys) {
        for (String key : keys) {
            Object value = vars.get(key);
            if (value == null) {
                continue;
            }
            String s = String.valueOf(value).strip();
            if (s.contains("{{") || s.contains("{%")) {
                throw new IllegalArgumentException(where + ": " + key + " is a Jinja template ('" + s
                        + "'); give the value itself, or use the JSON of ansible-inventory --list");
            }
            if (!s.isEmpty()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static long seconds(String value, String where) {
        try {
            long s = Long.parseLong(value);
            if (s > 0) {
                return s;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(where + " '" + value + "' is not a number of seconds");
    }

    /** Splits a command line as sh does: whitespace, single and double quotes, backslash escapes. */
    static List<String> shellSplit(String s, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '\'') {
                int end = s.indexOf('\'', i);
                if (end < 0) {
                    throw new IllegalArgumentException(where + ": unterminated ' quote");
                }
                token.append(s, i, end);
                i = end + 1;
                inToken = true;
            } else if (c == '"') {
                inToken = true;
                while (true) {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException(where + ": unterminated \" quote");
                    }
                    char d = s.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && i < s.length() && "\"\\$`".indexOf(s.charAt(i)) >= 0) {
                        d = s.charAt(i++);
                    }
                    token.append(d);
                }
            } else if (c == '\\') {
                if (i < s.length()) {
                    token.append(s.charAt(i++));
                }
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
            } else {
                token.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            out.add(token.toString());
        }
        return out;
    }

    /** Options for one host given explicitly (inventory vars, command line); null where unset. */
    private static final class Options {
        String hostName;
        Integer port;
        String user;
        final List<String> identityFiles = new ArrayList<>();
        String proxyJump;
        String proxyCommand;
        Duration connectTimeout;
        String identityAgent;
        Boolean identitiesOnly;

        /** These options, with {@code later} filling what they leave unset (first value wins). */
        Options then(Options later) {
            Options o = new Options();
            o.hostName = hostName != null ? hostName : later.hostName;
            o.port = port != null ? port : later.port;
            o.user = user != null ? user : later.user;
            o.identityFiles.addAll(identityFiles);
            o.identityFiles.addAll(later.identityFiles);
            o.connectTimeout = connectTimeout != null ? connectTimeout : later.connectTimeout;
            o.identityAgent = identityAgent != null ? identityAgent : later.identityAgent;
            o.identitiesOnly = identitiesOnly != null ? identitiesOnly : later.identitiesOnly;
            if (proxyJump != null || proxyCommand != null) {
                o.proxyJump = proxyJump;
                o.proxyCommand = proxyCommand;
            } else {
                o.proxyJump = later.proxyJump;
                o.proxyCommand = later.proxyCommand;
            }
            return o;
        }
    }

    /** The ssh options wgtui understands in a list of ssh arguments. */
    private static final class CommandLine {
        final Options options = new Options();
        String destination;
        String forward;

        static CommandLine parse(List<String> tokens, String where) {
            CommandLine line = new CommandLine();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (token.length() < 2 || token.charAt(0) != '-') {
                    if (line.destination == null) {
                        line.destination = token;
                    }
                    continue;
                }
                for (int j = 1; j < token.length(); j++) {
                    char opt = token.charAt(j);
                    if (OPTIONS_WITH_ARGUMENT.indexOf(opt) < 0) {
                        continue;
                    }
                    String value;
                    if (j + 1 < token.length()) {
                        value = token.substring(j + 1);
                    } else if (i + 1 < tokens.size()) {
                        value = tokens.get(++i);
                    } else {
                        throw new IllegalArgumentException(where + ": ssh option -" + opt + " needs a value");
                    }
                    line.option(opt, value, where);
                    break;
                }
            }
            return line;
        }

        private void option(char opt, String value, String where) {
            switch (opt) {
                case 'p' -> setPort(value, where);
                case 'l' -> options.user = options.user != null ? options.user : value;
                case 'i' -> options.identityFiles.add(value);
                case 'J' -> setProxy(value, null);
                case 'W' -> forward = value;
                case 'o' -> config(value, where);
                default -> { }
            }
        }

        /** {@code -o Key=Value} or {@code -o "Key Value"}. */
        private void config(String option, String where) {
            int k = 0;
            while (k < option.length() && option.charAt(k) != '=' && !Character.isWhitespace(option.charAt(k))) {
                k++;
            }
            String key = option.substring(0, k).toLowerCase(Locale.ROOT);
            String value = option.substring(k).strip();
            if (value.startsWith("=")) {
                value = value.substring(1).strip();
            }
            switch (key) {
                case "hostname" -> options.hostName = options.hostName != null ? options.hostName : value;
                case "port" -> setPort(value, where);
                case "user" -> options.user = options.user != null ? options.user : value;
                case "identityfile" -> options.identityFiles.add(value);
                case "identityagent" -> {
                    if (options.identityAgent == null) {
                        OpenSshConfig.checkIdentityAgent(value, where);
                        options.identityAgent = value;
                    }
                }
                case "identitiesonly" -> {
                    if (options.identitiesOnly == null) {
                        options.identitiesOnly = OpenSshConfig.parseYesNo(value, "IdentitiesOnly", where);
                    }
                }
                case "proxyjump" -> setProxy(value, null);
                case "proxycommand" -> setProxy(null, value);
                case "connecttimeout" -> {
                    if (options.connectTimeout == null) {
                        options.connectTimeout = Duration.ofSeconds(seconds(value, where + ": ConnectTimeout"));
                    }
                }
                default -> { }
            }
        }

        private void setPort(String value, String where) {
            if (options.port == null) {
                options.port = OpenSshConfig.parsePort(value, where);
            }
        }

        private void setProxy(String jump, String command) {
            if (options.proxyJump == null && options.proxyCommand == null) {
                options.proxyJump = jump;
                options.proxyCommand = command;
            }
        }
    }

    /** One ProxyJump hop: {@code [ssh://][user@]host[:port]}, host possibly {@code [v6]}. */
    private record Hop(String user, String host, Integer port) {
        static Hop parse(String spec) {
            String s = spec.startsWith("ssh://") ? spec.substring("ssh://".length()) : spec;
            if (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            String user = null;
            int at = s.lastIndexOf('@');
            if (at >= 0) {
                user = s.substring(0, at);
                s = s.substring(at + 1);
            }
            String host = s;
            String port = null;
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("jump host '" + spec + "': missing ']'");
                }
                host = s.substring(1, close);
                if (s.length() > close + 1) {
                    if (s.charAt(close + 1) != ':') {
                        throw new IllegalArgumentException("jump host '" + spec + "' is not [user@]host[:port]");
                    }
                    port = s.substring(close + 2);
                }
            } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
                host = s.substring(0, s.indexOf(':'));
                port = s.substring(s.indexOf(':') + 1);
            }
            if (host.isEmpty() || (user != null && user.isEmpty())) {
                throw new IllegalArgumentException("jump host '" + spec + "' is not [user@]host[:port]");
            }
            return new Hop(user, host, port == null ? null : OpenSshConfig.parsePort(port, "jump host '" + spec + "'"));
        }
    }
}
