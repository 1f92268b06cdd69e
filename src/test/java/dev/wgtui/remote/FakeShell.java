package dev.wgtui.remote;

import dev.wgtui.core.host.ExecResult;
import dev.wgtui.core.host.HostException;
import dev.wgtui.core.host.HostShell;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted {@link HostShell}: expects commands in order (each matched by a pattern) and
 * answers each with canned output, which may use the frame boundary of the script it got.
 * {@link #done()} fails the test when an expected command never came.
 */
final class FakeShell implements HostShell {

    /** Builds the reply to one command from the boundary in its script. */
    interface Reply {
        ExecResult to(String boundary) throws HostException;
    }

    private record Expectation(Pattern pattern, Reply reply) {
    }

    private static final Pattern BOUNDARY = Pattern.compile("(wgtui-[0-9a-f]{32})");

    private final String name;
    private final Deque<Expectation> expected = new ArrayDeque<>();
    final List<String> commands = new ArrayList<>();
    final List<byte[]> stdins = new ArrayList<>();

    FakeShell(String name) {
        this.name = name;
    }

    FakeShell expect(String regex, Reply reply) {
        expected.add(new Expectation(Pattern.compile(regex, Pattern.DOTALL), reply));
        return this;
    }

    /** Output made of frames: name, body, name, body, ... (a body may be null for none). */
    static Reply frames(String... namesAndBodies) {
        return b -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < namesAndBodies.length; i += 2) {
                s.append('\n').append(b).append(':').append(namesAndBodies[i]).append('\n');
                if (namesAndBodies[i + 1] != null) {
                    s.append(namesAndBodies[i + 1]);
                }
            }
            return new ExecResult(0, s.toString().getBytes(StandardCharsets.UTF_8), new byte[0]);
        };
    }

    static Reply exit(int code, String stdout, String stderr) {
        return b -> new ExecResult(code, stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8));
    }

    static Reply fails(HostException e) {
        return b -> {
            throw e;
        };
    }

    @Override
    public String hostName() {
        return name;
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, Duration timeout) throws HostException {
        commands.add(command);
        stdins.add(stdin);
        assertThat(expected).as("no more commands expected, got: " + command.lines().findFirst().orElse("")).isNotEmpty();
        Expectation e = expected.poll();
        assertThat(e.pattern().matcher(command).find()).as("command matches " + e.pattern()).isTrue();
        Matcher m = BOUNDARY.matcher(command);
        return e.reply().to(m.find() ? m.group(1) : "no-boundary");
    }

    void done() {
        assertThat(expected).as("expected commands that never came").isEmpty();
    }

    @Override
    public void close() {
    }
}
