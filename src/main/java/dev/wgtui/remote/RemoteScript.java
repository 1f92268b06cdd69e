package dev.wgtui.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One remote script: shell variables (each value single-quoted), the shared prelude
 * ({@code prelude.sh}: framing, failures, timeouts) and a body from this package's resources.
 * The random frame boundary is variable {@code B}.
 */
final class RemoteScript {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String body;
    private final String boundary = Frames.newBoundary();
    private final Map<String, String> vars = new LinkedHashMap<>();

    private RemoteScript(String body) {
        this.body = body;
        vars.put("B", boundary);
    }

    /** The script whose body is resource {@code name} (e.g. {@code read.sh}). */
    static RemoteScript of(String name) {
        return new RemoteScript(resource(name));
    }

    /**
     * Two scripts in one round trip: {@code first}'s body up to its closing {@code frame end},
     * then {@code then}'s; their frames come back in that order. Both see the same variables.
     */
    static RemoteScript of(String first, String then) {
        String body = resource(first);
        String end = "frame end\n";
        if (!body.endsWith(end)) {
            throw new IllegalStateException("script " + first + " does not close with " + end.strip());
        }
        return new RemoteScript(body.substring(0, body.length() - end.length()) + resource(then));
    }

    RemoteScript set(String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a script variable name: " + name);
        }
        vars.put(name, value);
        return this;
    }

    RemoteScript setAll(Map<String, String> more) {
        more.forEach(this::set);
        return this;
    }

    String boundary() {
        return boundary;
    }

    /** The whole script text, ready for {@code sh -c}. */
    String text() {
        StringBuilder s = new StringBuilder();
        vars.forEach((k, v) -> s.append(k).append('=').append(ShellQuote.quote(v)).append('\n'));
        return s.append(resource("prelude.sh")).append(body).toString();
    }

    /** Script texts by name, read from the jar once: a run over many workers builds hundreds of scripts. */
    private static final Map<String, String> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String resource(String name) {
        return TEXTS.computeIfAbsent(name, RemoteScript::read);
    }

    private static String read(String name) {
        try (InputStream in = RemoteScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing script resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
