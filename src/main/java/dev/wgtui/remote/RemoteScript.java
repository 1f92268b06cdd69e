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
 * The random frame boundary is variable {@code B}. The test hooks ({@link #HOOKS}) are always
 * assigned (empty unless a test sets them), so a script never takes them from the host's
 * environment.
 */
final class RemoteScript {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Variables only tests set: KILL_AT, PAUSE_AT and PAUSE_FILE (see prelude.sh) and LOCKER=mkdir. */
    static final java.util.List<String> HOOKS = java.util.List.of("KILL_AT", "PAUSE_AT", "PAUSE_FILE", "LOCKER");

    private final String body;
    private final String boundary;
    private final Map<String, String> vars = new LinkedHashMap<>();
    private RemoteScript job;

    private RemoteScript(String body, String boundary) {
        this.body = body;
        this.boundary = boundary;
        vars.put("B", boundary);
        HOOKS.forEach(h -> vars.put(h, ""));
    }

    /** The script whose body is resource {@code name} (e.g. {@code read.sh}). */
    static RemoteScript of(String name) {
        return new RemoteScript(resource(name), Frames.newBoundary());
    }

    /**
     * Gives this script a job: the script of resource {@code name}, in variable {@code JOB},
     * printing its frames with this script's boundary (this one relays them). The job has this
     * script's variables, those set so far and those set from now on.
     */
    RemoteScript withJob(String name) {
        job = new RemoteScript(resource(name), boundary);
        vars.forEach(job::set);
        return this;
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
        return new RemoteScript(body.substring(0, body.length() - end.length()) + resource(then), Frames.newBoundary());
    }

    RemoteScript set(String name, String value) {
        if (!NAME.matcher(name).matches() || name.equals("JOB")) {
            throw new IllegalArgumentException("not a script variable name: " + name);
        }
        vars.put(name, value);
        if (job != null) {
            job.set(name, value);
        }
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
        if (job != null) {
            s.append("JOB=").append(ShellQuote.quote(job.text())).append('\n');
        }
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
