package dev.wgtui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Session work runs off the screen thread: the screen keeps drawing, shows a spinner, then the result. */
class BackgroundWorkTest {

    @TempDir
    Path dir;

    /** Holds submitted work until the test runs it: "the hub is still working". */
    static final class HeldExecutor implements Executor {
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    @Test
    void whileTheHubWorksTheStatusSpinsAndTheTableStillAnswers() throws Exception {
        HeldExecutor hub = new HeldExecutor();
        ScreenDriver s = new ScreenDriver(DemoCluster.local(dir).session, Theme.load("default"), 120, 35, hub,
                Dashboard.NO_COMMANDS).start();
        assertThat(s.statusLine()).isEqualTo("⠋ reading k8s…");
        assertThat(s.text()).contains("⠋ reading k8s…");
        hub.runAll();
        s.dashboard.pump();
        assertThat(s.peerRow("cm4")).contains("~ changed");

        s.type(" ");
        hub.runAll();
        s.dashboard.pump();
        s.type("d");

        assertThat(s.statusLine()).isEqualTo("⠋ planning cm4…");
        assertThat(s.text()).doesNotContain("Diff · cm4");

        s.type("j");  // moving the cursor still works
        assertThat(s.dashboard.table.cursorName()).isEqualTo("s2204");
        s.type("A");  // more hub work does not start
        assertThat(s.statusLine()).isEqualTo("⠋ planning cm4…");
        assertThat(hub.held).hasSize(1);

        hub.runAll();
        s.dashboard.pump();

        assertThat(s.text()).contains("Diff · cm4").contains("+PublicKey = " + DemoCluster.CM4_NEW_KEY);
        assertThat(s.statusLine()).startsWith("UPDATE EXISTING");
    }

    @Test
    void theFirstColonWhileTheFirstReadRunsOpensTheCommandLine() throws Exception {
        // Regression: at start the hub's first read is running; ':' was refused as busy (its warning
        // overwritten by the read's result), so ":apply cm4" ran as a (select all), p (prune), y (confirm).
        HeldExecutor hub = new HeldExecutor();
        ScreenDriver s = new ScreenDriver(DemoCluster.local(dir).session, Theme.load("default"), 120, 35, hub,
                line -> "ran: " + line).start();
        assertThat(s.dashboard.busy()).isEqualTo("reading k8s");

        s.type(":apply cm4");

        assertThat(s.dashboard.prompt.kind()).isEqualTo(PromptLine.Kind.COMMAND);
        assertThat(s.statusLine()).startsWith(":apply cm4");
        assertThat(s.dashboard.dialogs).isEmpty();
        assertThat(s.dashboard.panes.isEmpty()).isTrue();

        s.press(KeyType.Enter);  // still reading: the command waits for it
        assertThat(s.dashboard.prompt.isOpen()).isFalse();
        assertThat(s.statusLine()).isEqualTo("⠋ reading k8s… · then :apply cm4");
        assertThat(hub.held).hasSize(1);

        hub.runAll();  // the read ends, the command starts
        s.dashboard.pump();
        assertThat(s.statusLine()).isEqualTo("⠋ running :apply cm4…");
        hub.runAll();
        s.dashboard.pump();

        assertThat(s.statusLine()).isEqualTo("ran: apply cm4");
        assertThat(s.dashboard.dialogs).isEmpty();
        assertThat(s.peerRow("cm4")).startsWith("│ [ ]").as("a did not select all");
    }

    @Test
    void theSpinnerTurnsAndQuittingWhileBusyAsksFirst() throws Exception {
        HeldExecutor hub = new HeldExecutor();
        ScreenDriver s = new ScreenDriver(DemoCluster.local(dir).session, Theme.load("default"), 120, 35, hub,
                Dashboard.NO_COMMANDS).start();
        s.dashboard.work.spinnerFrame++;
        s.dashboard.pump();
        assertThat(s.statusLine()).startsWith("⠙ reading k8s");

        s.type("q");
        assertThat(s.text()).contains("Quit while reading k8s?");
        assertThat(s.dashboard.running()).isTrue();
        s.type("n");
        assertThat(s.dashboard.running()).isTrue();
        s.type("q").type("y");
        assertThat(s.dashboard.running()).isFalse();
    }

    @Test
    void onARealBackgroundThreadTheResultArrivesWhenTheWorkEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ScreenDriverOnThread s = new ScreenDriverOnThread(line -> {
            await(release);
            return "done: " + line;
        });
        s.waitFor(() -> s.driver.statusLine().contains("peers"));

        s.driver.type(":slow thing").press(KeyType.Enter);
        assertThat(s.driver.statusLine()).endsWith(":slow thing…");
        s.driver.type("j");
        assertThat(s.driver.dashboard.table.cursorName()).isEqualTo("s2204");

        release.countDown();
        s.waitFor(() -> s.driver.statusLine().equals("done: slow thing"));
        s.close();
    }

    @Test
    void anUnknownHostKeyIsAskedFromTheBackgroundThread() throws Exception {
        AtomicReference<Dashboard> dashboard = new AtomicReference<>();
        ScreenDriverOnThread s = new ScreenDriverOnThread(line -> "trusted: "
                + dashboard.get().confirmHostKey("cm4.example.internal", "ED25519",
                "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8"));
        dashboard.set(s.driver.dashboard);
        s.waitFor(() -> s.driver.statusLine().contains("peers"));

        s.driver.type(":connect").press(KeyType.Enter);
        s.waitFor(() -> s.driver.text().contains("Unknown host key: cm4.example.internal"));
        assertThat(s.driver.text()).contains("ED25519 key fingerprint is")
                .contains("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8").contains("y/enter  trust")
                .contains("n/esc  refuse");

        s.driver.type("y");
        s.waitFor(() -> s.driver.statusLine().equals("trusted: true"));

        s.driver.type(":connect").press(KeyType.Enter);
        s.waitFor(() -> s.driver.text().contains("Unknown host key"));
        s.driver.press(KeyType.Escape);
        s.waitFor(() -> s.driver.statusLine().equals("trusted: false"));
        s.close();
    }

    @Test
    void onTheScreenThreadTheHostKeyQuestionReadsKeysItself() throws Exception {
        ScreenDriver s = ScreenDriver.inline(DemoCluster.local(dir).session, 120, 35).start();
        long[] t = {0};
        s.dashboard.nanoClock = () -> t[0] += 1_000_000_000L;  // a slow reader: the confirm guard has passed

        s.terminal.addInput(new KeyStroke('n', false, false));
        assertThat(s.dashboard.confirmHostKey("k8s", "ED25519", "SHA256:abc")).isFalse();
        s.terminal.addInput(new KeyStroke(KeyType.Enter));
        assertThat(s.dashboard.confirmHostKey("k8s", "ED25519", "SHA256:abc")).isTrue();
        assertThat(s.text()).doesNotContain("Unknown host key");
    }

    /** A dashboard whose Session calls run on its own background thread, as in real use. */
    private final class ScreenDriverOnThread implements AutoCloseable {
        final ScreenDriver driver;

        ScreenDriverOnThread(Function<String, String> commands) throws Exception {
            driver = ScreenDriver.onBackgroundThread(DemoCluster.local(dir).session, commands).start();
        }

        void waitFor(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out; screen:\n" + driver.text());
                }
                Thread.sleep(5);
                driver.dashboard.pump();
            }
        }

        @Override
        public void close() throws Exception {
            driver.dashboard.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
