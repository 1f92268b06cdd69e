package dev.wgtui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.hub.Hub;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerKeys;
import dev.wgtui.local.DemoInterface;
import dev.wgtui.local.LocalHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's habits on the dashboard, drawn into an in-memory terminal: the selection
 * model, sort and filter, the live table, the write path and its log, terminals and sizes.
 */
class DashboardFlowTest {

    @TempDir
    Path dir;

    private ScreenDriver demo(int columns, int rows) throws Exception {
        return ScreenDriver.inline(DemoCluster.local(dir).session, columns, rows).start();
    }

    private ScreenDriver demo() throws Exception {
        return demo(120, 35);
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = DemoCluster.NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The demo's simulated interface over a copy of the sample, on a clock the test moves. */
    private Session simulated(MovingClock clock) throws Exception {
        DemoCluster demo = DemoCluster.local(dir);
        Hub hub = new DemoInterface(new LocalHub("k8s", demo.config, dir.resolve("wg0.conf.preview"), clock), clock);
        return new Session(DemoCluster.cluster(), hub, DemoCluster.limitFunction(), WorkerKeys.NONE,
                Session.Options.defaults(), clock);
    }

    // ---- 1: the selection model ------------------------------------------------------------------

    @Test
    void aSelectsOnlyTheRowsTheFilterShowsAndTheMarksSurviveIt() throws Exception {
        ScreenDriver s = demo();

        s.type("/cm").press(KeyType.Enter).type("a");

        assertThat(s.row(1)).contains("selected 1/3 workers");
        assertThat(s.statusLine()).contains("selected 1 worker(s) shown (filter /cm)");
        s.press(KeyType.Escape);
        assertThat(s.peerRow("cm4")).startsWith("│ [x]");
        assertThat(s.peerRow("s2204")).startsWith("│ [ ]");
        assertThat(s.dashboard.session.selectedWorkers()).containsExactly("cm4");

        s.type("/s2").press(KeyType.Enter).type("a");
        assertThat(s.statusLine()).contains("2 of 3 workers selected (1 hidden by the filter)");
        s.press(KeyType.Escape).type("j");  // off the cursor, the marked row is drawn as marked
        Theme theme = Theme.load("default");
        int row = s.rowOf("cm4");
        assertThat(s.cell(10, row).getForegroundColor()).isEqualTo(theme.style(Theme.Element.TABLE_MARKED).fg());
    }

    @Test
    void vMarksARangeAndShiftMoveMarksAsItGoes() throws Exception {
        ScreenDriver s = demo();

        s.type("V").type("jj");
        assertThat(s.text()).contains("· range 3");
        s.type("V");
        assertThat(s.row(1)).contains("selected 3/3 workers");
        assertThat(s.dashboard.session.selectedWorkers()).containsExactly("cm4", "s2204", "k8s-proxy");

        s.type("a");  // all shown are selected: a unselects them
        assertThat(s.row(1)).contains("selected 0/3 workers");

        s.press(KeyType.Home).shift(KeyType.ArrowDown).shift(KeyType.ArrowDown);
        assertThat(s.dashboard.session.selectedWorkers()).containsExactly("cm4", "s2204");
        assertThat(s.dashboard.table.cursorName()).isEqualTo("k8s-proxy");
    }

    @Test
    void selectingInsideAStatusFilterKeepsTheRowInView() throws Exception {
        ScreenDriver s = demo();

        s.type("/missing").press(KeyType.Enter).type(" ");

        assertThat(s.peerRow("k8s-proxy")).startsWith("│ [x]").contains("+ new");
        assertThat(s.text()).contains("Peers [1/4] /missing");
    }

    // ---- 10: sort, filter, jump ------------------------------------------------------------------

    @Test
    void sKeyCyclesTheOrderAndNJumpsToRowsThatAreNotOk() throws Exception {
        ScreenDriver s = demo();

        s.type("s");
        assertThat(s.text()).contains("Peers [4] · by name");
        assertThat(s.rowOf("k8s-proxy")).isLessThan(s.rowOf("s2204"));
        s.type("ss");  // status, then handshake
        s.type("sss");  // transfer, as read, name
        assertThat(s.row(1)).contains("sorted by name");

        s.press(KeyType.Home).type("n");
        assertThat(s.dashboard.table.cursorName()).isEqualTo("k8s-proxy");
        assertThat(s.statusLine()).contains("k8s-proxy: missing");
        s.type("N");
        assertThat(s.dashboard.table.cursorName()).isEqualTo("cm4");

        s.type("/cm4|old").press(KeyType.Enter);
        assertThat(s.text()).contains("old-laptop").doesNotContain("│ [ ]  s2204");
    }

    // ---- 2, 4: one plan → confirm → report path ---------------------------------------------------

    @Test
    void pruneNamesThePeersItRemovesBeforeTheQuestion() throws Exception {
        ScreenDriver s = demo();

        s.type("p");

        int named = s.rowOf("removed (1)");
        assertThat(s.row(named)).contains("old-laptop");
        assertThat(s.rowOf("Prune 1 peer(s) from k8s?")).isGreaterThan(named);
        assertThat(s.rowOf("-# old-laptop")).as("the diff in the pane").isPositive();
    }

    @Test
    void theCommandLogListsEveryWriteAndUUndoesTheLastThroughTheSamePath() throws Exception {
        ScreenDriver s = demo();
        String before = Files.readString(dir.resolve("wg0.conf"));
        s.type("L");
        assertThat(s.text()).contains("No writes yet in this session");

        s.press(KeyType.Escape).type(" A").type("y");
        String backup = backups().get(0).getFileName().toString();
        s.type("L");
        assertThat(s.text()).contains("Command log").contains("apply").contains(backup)
                .contains("validation passed").contains("03:15:00Z");

        s.type("u");
        assertThat(s.text()).contains("Undo the apply of 03:15:00Z: restore " + backup + "?")
                .contains("updated (1)").contains("+PublicKey = " + DemoCluster.CM4_OLD_KEY);
        assertThat(Files.readString(dir.resolve("wg0.conf"))).as("nothing before yes").isNotEqualTo(before);
        s.type("y");

        assertThat(Files.readString(dir.resolve("wg0.conf"))).isEqualTo(before);
        assertThat(s.statusLine()).contains("undo done");
        s.type("L");
        assertThat(s.text()).contains("restore");
        assertThat(s.dashboard.log.writes()).extracting(Session.Write::verb).containsExactly("apply", "restore");
    }

    @Test
    void aRestoreSaysWhatItCheckedAgainstWhat() throws Exception {
        ScreenDriver s = demo();
        s.type(" A").type("y");
        s.type("b").type("R").type("y");

        String screen = s.text();
        assertThat(screen).contains("Checked against the backup").contains("Checked against the inventory (what v checks)")
                .contains("Validation FAILED");
        assertThat(s.statusLine()).contains("restore done").contains("the backup's peers: passed")
                .contains("against the inventory: FAILED (v shows it)");

        s.type("v");
        assertThat(s.statusLine()).contains("Validation FAILED");
    }

    // ---- 9: verdict first -------------------------------------------------------------------------

    @Test
    void reportsLeadWithTheVerdictAndListOnlyWhatIsNotOkUntilAsked() throws Exception {
        ScreenDriver s = demo();
        s.type("a").type("A").type("y");  // every worker: all ok after the apply

        assertThat(s.text()).contains("Validation passed").contains("3 ok not listed; o lists every peer")
                .doesNotContain("✓ s2204");
        s.type("o");
        assertThat(s.text()).contains("✓ s2204").contains("✓ cm4");
    }

    // ---- 3: nothing on stderr; errors in the status line or the pane; ctrl-l ----------------------

    @Test
    void aCommandsErrorsGoToTheStatusLineAndItsOutputToThePane() throws Exception {
        ScreenDriver s = new ScreenDriver(DemoCluster.local(dir).session, 120, 35,
                line -> new Commands.Result("line one\nline two\n", "wgtui: not workers, ignored: k8s\n", 0, false))
                .start();

        s.type(":diff cm4 k8s").press(KeyType.Enter);

        assertThat(s.statusLine()).isEqualTo("! not workers, ignored: k8s");
        assertThat(s.text()).contains("line one").contains("line two").contains("wgtui: not workers, ignored: k8s");
        s.ctrl('l');
        assertThat(s.text()).contains("line one");
    }

    // ---- 11: quit ---------------------------------------------------------------------------------

    @Test
    void qInHelpClosesHelpAndColonQQuits() throws Exception {
        ScreenDriver s = new ScreenDriver(DemoCluster.local(dir).session, 120, 35,
                line -> new Commands.Result("", "", 0, line.equals("q"))).start();

        s.type("?");
        assertThat(s.text()).contains("Help · keys");
        s.type("q");
        assertThat(s.text()).doesNotContain("Help · keys");
        assertThat(s.dashboard.running()).isTrue();

        s.type(":q").press(KeyType.Enter);
        assertThat(s.dashboard.running()).isFalse();
    }

    // ---- 8: the live table ------------------------------------------------------------------------

    @Test
    void theTableRefreshesByItselfAgesTickAndFPausesIt() throws Exception {
        MovingClock clock = new MovingClock();
        ScreenDriver s = ScreenDriver.inline(simulated(clock), 120, 35).start();
        assertThat(s.peerRow("s2204")).contains("4m50s stale");
        String cm4 = s.peerRow("cm4");

        clock.now = clock.now.plusSeconds(7);
        s.wait(6);  // a refresh is due

        assertThat(s.peerRow("s2204")).contains("4m57s stale");
        assertThat(s.peerRow("cm4")).isNotEqualTo(cm4);
        assertThat(s.row(0)).contains("read 03:15:07Z");

        s.type("f");
        clock.now = clock.now.plusSeconds(10);
        s.wait(6);
        assertThat(s.row(0)).contains("read 03:15:07Z").contains("paused");
        assertThat(s.peerRow("s2204")).as("ages tick between reads").contains("5m07s stale");
    }

    @Test
    void aDiffThatReadsAWorkersKeyShowsItsRowAsTheKeySaysWithoutARefresh() throws Exception {
        // cm4 without a key in the inventory: its key comes from the worker, read by the plan
        Cluster demo = DemoCluster.cluster();
        List<dev.wgtui.core.cluster.Node> workers = new java.util.ArrayList<>(demo.workers());
        workers.set(0, dev.wgtui.core.cluster.NodeReader.read("inventory.yml", "cm4", java.util.Map.of(
                "ansible_host", "cm4.example.internal", "wireguard_ip", "10.0.0.3", "wireguard_port", 51820)));
        DemoCluster files = DemoCluster.local(dir);
        Session session = new Session(new Cluster("inventory.yml", demo.hub(), workers),
                new LocalHub("k8s", files.config, dir.resolve("wg0.conf.preview"), files.clock),
                DemoCluster.limitFunction(), nodes -> java.util.Map.of("cm4", DemoCluster.CM4_NEW_KEY),
                Session.Options.defaults(), files.clock);
        ScreenDriver s = ScreenDriver.inline(session, 120, 35).start();
        assertThat(s.peerRow("cm4")).contains("✓ ok");   // nothing says otherwise yet

        s.type(" ").type("d");

        assertThat(s.text()).contains("+PublicKey = " + DemoCluster.CM4_NEW_KEY);
        assertThat(s.peerRow("cm4")).contains("~ changed").contains("public key differs");
    }

    @Test
    void theDetailPaneFollowsTheCursorAndOldMessagesFade() throws Exception {
        ScreenDriver s = demo();

        s.press(KeyType.Enter);
        assertThat(s.text()).contains("Peer · cm4");
        s.press(KeyType.Tab).type("j");
        assertThat(s.text()).contains("Peer · s2204").doesNotContain("Peer · cm4");

        s.type("x");  // nothing: the message of the last key stays a while
        s.wait(31);
        assertThat(s.statusLine()).contains("k8s · 4 peers · live refresh every 5s");
    }

    @Test
    void backupAgesCountOnWhileTheListIsOpen() throws Exception {
        MovingClock clock = new MovingClock();
        ScreenDriver s = ScreenDriver.inline(simulated(clock), 120, 35).start();
        s.type(" A").type("y").type("b");
        assertThat(s.row(s.rowOf(".backup"))).containsPattern("\\s0s\\s");

        clock.now = clock.now.plusSeconds(65);
        s.wait(1);

        assertThat(s.row(s.rowOf(".backup"))).contains("1m05s");
    }

    @Test
    void theDemoInterfaceShowsEveryColumnAndADrift() throws Exception {
        MovingClock clock = new MovingClock();
        ScreenDriver s = ScreenDriver.inline(simulated(clock), 120, 35).start();

        assertThat(s.peerRow("cm4")).containsPattern("\\d+s ago").contains("192.168.1.");
        assertThat(s.peerRow("old-laptop")).contains("never");
        s.type("D");
        assertThat(s.text()).contains("in the running interface, not in the file");
        s.type("h");
        assertThat(s.text()).contains("stale").contains("s2204");
        s.type("P");
        assertThat(s.statusLine()).contains("not answering ping");
    }

    // ---- 6, 13: terminals and sizes ---------------------------------------------------------------

    @Test
    void withoutUtf8TheScreenIsAscii() throws Exception {
        ScreenDriver s = ScreenDriver.inline(DemoCluster.local(dir).session, 120, 35);
        s.dashboard.unicode = false;
        s.start();

        String screen = s.text();
        assertThat(screen).contains("= ok").contains("~ changed").contains("! missing").contains("? extra")
                .contains("+- Peers");
        assertThat(screen.chars().allMatch(c -> c < 0x80)).as("only ASCII on the screen:\n" + screen).isTrue();
        s.type("?").press(KeyType.End);
        assertThat(s.text()).contains("= ok");
        assertThat(Ascii.of("↑/k  shift-↓  …  ·")).isEqualTo("Up/k  shift-Dn  ~  -");
        assertThat(s.text().chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    void at80ColumnsNoteStaysAndAt60QuitStays() throws Exception {
        ScreenDriver s = demo(80, 24);
        assertThat(s.peerRow("cm4")).contains("public key differs");
        assertThat(s.text()).doesNotContain("ENDPOINT").contains("NOTE");

        s.terminal.setTerminalSize(new TerminalSize(60, 24));
        s.dashboard.pump();
        String footer = s.row(22) + s.row(23);
        assertThat(footer).contains("q quit").contains("? help");

        s.terminal.setTerminalSize(new TerminalSize(20, 8));
        s.dashboard.pump();
        assertThat(s.text()).contains("20x8").contains("at least 50x12");
    }

    @Test
    void theBackupsFooterListsDOnce() throws Exception {
        ScreenDriver s = demo(240, 35);
        s.type(" A").type("y").type("b");

        String footer = s.row(33) + s.row(34);
        assertThat(footer).contains("enter/d diff").doesNotContain(" d diff");
    }

    @Test
    void theHeaderShowsTheReadTimeAt120Columns() throws Exception {
        ScreenDriver s = demo();

        assertThat(s.row(0)).contains("read 03:15:00Z").contains("inventory inventory.yml").contains("wg0.conf");
    }

    private List<Path> backups() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".backup")).sorted().toList();
        }
    }
}
