package dev.wgtui.tui;

import com.googlecode.lanterna.input.KeyType;
import dev.wgtui.cli.Confirm;
import dev.wgtui.cli.WgtuiCommand;
import dev.wgtui.core.plan.Plan;
import dev.wgtui.repl.CommandRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code :} line through the real command tree (repl.CommandRunner on a --local copy of the
 * demo), as {@code wgtui} wires it: a write shows its plan in the pane, then asks in a dialog
 * naming the peers; what the command prints lands in the pane or the status line, never on stderr.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ColonWritesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream err;
    private PrintStream out;
    private ScreenDriver s;

    @BeforeEach
    void holdTheStreams() {
        err = System.err;
        out = System.out;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws Exception {
        System.setErr(err);
        System.setOut(out);
        if (s != null) {
            s.dashboard.close();
        }
    }

    private ScreenDriver dashboard() throws Exception {
        for (String name : new String[] {"inventory.yml", "wg0.conf"}) {
            try (InputStream in = WgtuiCommand.class.getResourceAsStream("/demo/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        AtomicReference<Dashboard> open = new AtomicReference<>();
        WgtuiCommand root = new WgtuiCommand(Clock.systemUTC(), Confirm.terminal());
        WgtuiCommand.commandLine(root).parseArgs("-i", dir.resolve("inventory.yml").toString(), "--local",
                dir.resolve("wg0.conf").toString(), "--preview", dir.resolve("preview").toString());
        CommandRunner runner = new CommandRunner(root, new Confirm() {
            @Override
            public boolean ask(String question) {
                return open.get().confirm(question);
            }

            @Override
            public boolean ask(String question, Plan plan) {
                return open.get().confirmPlan(question, plan);
            }
        });
        var terminal = new com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal(
                new com.googlecode.lanterna.TerminalSize(120, 35));
        Dashboard real = Dashboard.create(root.context().session(), Theme.load("default"), line -> {
            CommandRunner.Captured c = runner.capture(line);
            return new Commands.Result(c.out(), c.err(), c.exitCode(), c.quit());
        }, new com.googlecode.lanterna.screen.TerminalScreen(terminal));
        ScreenDriver driver = new ScreenDriver(terminal, real);
        open.set(real);
        return driver.start();
    }

    private void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; screen:\n" + s.text());
            }
            Thread.sleep(10);
            s.dashboard.pump();
        }
    }

    @Test
    void colonApplyShowsThePlanThenAsksAndARefusalLeavesNoStrayText() throws Exception {
        s = dashboard();
        waitFor(() -> s.text().contains("old-laptop"));
        String before = Files.readString(dir.resolve("wg0.conf"));

        s.type(":apply cm4").press(KeyType.Enter);
        waitFor(() -> s.text().contains("Apply this plan to k8s:"));

        assertThat(s.text()).as("the plan is in the pane under the dialog").contains("+PublicKey = OafIbEHd");
        int named = s.rowOf("updated (1)");
        assertThat(s.row(named)).contains("cm4");
        assertThat(s.rowOf("Apply this plan to k8s:")).isGreaterThan(named);

        s.type("n");
        waitFor(() -> s.dashboard.busy() == null && s.statusLine().contains("not confirmed"));
        assertThat(s.statusLine()).startsWith("✗ not confirmed; nothing written");
        assertThat(Files.readString(dir.resolve("wg0.conf"))).isEqualTo(before);

        s.type(":diff cm4 k8s").press(KeyType.Enter);
        waitFor(() -> s.dashboard.busy() == null && s.statusLine().contains("k8s"));
        assertThat(s.text()).contains("+PublicKey = OafIbEHd");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("nothing on stderr").isEmpty();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).as("nothing on stdout").isEmpty();
    }

    @Test
    void colonApplyConfirmedIsReportedAndLoggedLikeAKey() throws Exception {
        s = dashboard();
        waitFor(() -> s.text().contains("old-laptop"));

        s.type(":apply cm4").press(KeyType.Enter);
        waitFor(() -> s.text().contains("Apply this plan to k8s:"));
        s.type("y");
        waitFor(() -> s.dashboard.busy() == null && s.statusLine().contains("apply done"));

        assertThat(s.statusLine()).contains("file written, interface not reloaded");
        assertThat(s.text()).contains("Apply · k8s").contains("Checked against the plan");
        assertThat(s.dashboard.log.writes()).hasSize(1);
        assertThat(s.peerRow("cm4")).contains("ok");

        s.type(":quit").press(KeyType.Enter);
        waitFor(() -> !s.dashboard.running());
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
