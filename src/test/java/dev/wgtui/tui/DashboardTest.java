package dev.wgtui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.Node;
import dev.wgtui.core.cluster.NodeReader;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerKeys;
import dev.wgtui.local.LocalHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard over the demo sample, drawn into an in-memory terminal and read back as text.
 * Session calls run inline, so each key's work is on screen when the key returns.
 */
class DashboardTest {

    @TempDir
    Path dir;

    private ScreenDriver demo() throws Exception {
        return ScreenDriver.inline(DemoCluster.local(dir).session, 120, 35).start();
    }

    private ScreenDriver liveDemo() throws Exception {
        return ScreenDriver.inline(DemoCluster.live(dir).session, 120, 35).start();
    }

    @Test
    void theTableShowsEveryMarkerOfTheDemo() throws Exception {
        ScreenDriver s = demo();

        assertThat(s.peerRow("cm4")).contains("~ changed").contains("10.0.0.3").contains("UHvBNQmv…")
                .contains("public key differs");
        assertThat(s.peerRow("s2204")).contains("✓ ok");
        assertThat(s.peerRow("k8s-proxy")).contains("! missing");
        assertThat(s.peerRow("old-laptop")).contains("? extra").contains("10.0.0.50");
        assertThat(s.row(1)).contains("peers 4").contains("✓ 1").contains("~ 1").contains("! 1").contains("? 1")
                .contains("selected 0/3 workers");
        assertThat(s.row(0)).contains("hub k8s").contains("interface wg0").contains("/wg0.conf")
                .contains("inventory inventory.yml");

        s.type("jj ");  // down to k8s-proxy, select it: a missing worker that is selected is new

        assertThat(s.peerRow("k8s-proxy")).startsWith("│ [x]").contains("+ new");
        assertThat(s.row(1)).contains("+ 1").contains("selected 1/3 workers");
    }

    @Test
    void liveColumnsShowHandshakesAndMarkStaleOnes() throws Exception {
        ScreenDriver s = liveDemo();

        assertThat(s.peerRow("cm4")).contains("192.168.1.23:51820").contains("42s ago").contains("1.2M")
                .contains("340K");
        assertThat(s.peerRow("s2204")).contains("5m00s stale");
        assertThat(s.peerRow("old-laptop")).contains("never");
        assertThat(s.row(0)).contains("wg0 up");
        int col = s.row(s.rowOf("5m00s stale")).indexOf("5m00s stale");
        assertThat(s.cell(col, s.rowOf("5m00s stale")).isBold()).as("stale handshakes stand out").isTrue();
    }

    @Test
    void spaceSelectsTheWorkerUnderTheCursorAndOnlyWorkers() throws Exception {
        ScreenDriver s = demo();

        s.type(" ");
        assertThat(s.peerRow("cm4")).startsWith("│ [x]");
        assertThat(s.statusLine()).contains("cm4 selected").contains("1 of 3 workers");

        s.type(" ");
        assertThat(s.peerRow("cm4")).startsWith("│ [ ]");

        s.press(KeyType.End).type(" ");  // old-laptop is not in the inventory
        assertThat(s.statusLine()).contains("old-laptop is not a worker");
        assertThat(s.peerRow("old-laptop")).startsWith("│    ");

        s.type("a");
        assertThat(s.row(1)).contains("selected 3/3 workers");
        s.type("a");
        assertThat(s.row(1)).contains("selected 0/3 workers");
    }

    @Test
    void diffShowsCm4sChangeWithSecretsHidden() throws Exception {
        ScreenDriver s = demo();

        s.type(" d");

        String screen = s.text();
        assertThat(screen).contains("Diff · cm4").contains("Status:        UPDATE EXISTING")
                .contains("Updated:       cm4")
                .contains("-PublicKey = " + DemoCluster.CM4_OLD_KEY)
                .contains("+PublicKey = " + DemoCluster.CM4_NEW_KEY)
                .doesNotContain(DemoCluster.HUB_PRIVATE_KEY);
        int plus = s.rowOf("+PublicKey");
        int minus = s.rowOf("-PublicKey");
        int hunk = s.rowOf("@@ -");
        Theme theme = Theme.load("default");
        assertThat(s.cell(2, plus).getForegroundColor()).isEqualTo(theme.style(Theme.Element.DIFF_ADD).fg());
        assertThat(s.cell(2, minus).getForegroundColor()).isEqualTo(theme.style(Theme.Element.DIFF_REMOVE).fg());
        assertThat(s.cell(2, hunk).getForegroundColor()).isEqualTo(theme.style(Theme.Element.DIFF_HUNK).fg());
        assertThat(Files.exists(dir.resolve("wg0.conf.preview"))).as("dry-run leaves the preview").isTrue();
    }

    @Test
    void aDiffThatShowsThePrivateKeyLineShowsItHidden() throws Exception {
        // a hub file whose first peer sits right under [Interface], so the hunk's context has the PrivateKey line
        DemoCluster demo = DemoCluster.local(dir);
        String text = Files.readString(demo.config).replace(DemoCluster.HUB_PRIVATE_KEY + "\n\n",
                DemoCluster.HUB_PRIVATE_KEY + "\n");
        Files.writeString(demo.config, text);
        ScreenDriver s = ScreenDriver.inline(demo.session, 120, 35).start();

        s.type(" d");

        assertThat(s.text()).contains("PrivateKey = (hidden)").doesNotContain(DemoCluster.HUB_PRIVATE_KEY);
    }

    @Test
    void applyAsksWithTheSummaryThenWritesAndBacksUp() throws Exception {
        ScreenDriver s = demo();
        String before = Files.readString(dir.resolve("wg0.conf"));

        s.type(" A");

        int question = s.rowOf("Apply this plan to k8s?");
        assertThat(question).as("the question comes after the named peers").isGreaterThan(s.rowOf("updated (1)"));
        assertThat(s.row(s.rowOf("updated (1)"))).contains("cm4");
        assertThat(s.text()).contains("0 peer(s), 1 updated").contains("y/enter  apply")
                .contains("n/esc  cancel").contains("A local file: it is written, no interface is reloaded.");
        assertThat(s.rowOf("+PublicKey = ")).as("the diff is in the pane, below the dialog")
                .isGreaterThan(s.rowOf("y/enter  apply"));
        assertThat(Files.readString(dir.resolve("wg0.conf"))).as("nothing written before yes").isEqualTo(before);

        s.type("y");

        assertThat(Files.readString(dir.resolve("wg0.conf"))).contains(DemoCluster.CM4_NEW_KEY)
                .doesNotContain(DemoCluster.CM4_OLD_KEY).contains("# old-laptop");
        assertThat(backups()).hasSize(1);
        assertThat(Files.readString(backups().get(0))).isEqualTo(before);
        assertThat(s.text()).contains("Apply · k8s").contains("Validation passed")
                .doesNotContain("Apply this plan to k8s?");
        assertThat(s.statusLine()).contains("apply done").contains("file written, interface not reloaded")
                .contains("validation passed");
        assertThat(s.rowOf("Apply done")).as("the verdict leads the report").isEqualTo(s.rowOf("─ Apply · k8s") + 1);
        assertThat(s.peerRow("cm4")).contains("✓ ok");
    }

    @Test
    void aConfirmKeyTypedAsTheDialogOpensIsIgnored() throws Exception {
        // ":apply cm4" with its ':' lost once ran as a: select all, p: prune dialog, y: confirm.
        // Keys of one burst arrive within the confirm guard, so the y cannot confirm.
        ScreenDriver s = demo();
        String before = Files.readString(dir.resolve("wg0.conf"));

        s.type("py\n");

        assertThat(s.text()).contains("Prune 1 peer(s) from k8s?");
        assertThat(s.statusLine()).contains("ignored a confirm key");
        assertThat(Files.readString(dir.resolve("wg0.conf"))).as("nothing pruned").isEqualTo(before);
        assertThat(backups()).isEmpty();

        s.type("n");  // cancel works at once
        assertThat(s.text()).doesNotContain("Prune 1 peer(s) from k8s?");

        s.type("p").type("y");  // read, then confirmed: the guard has passed
        assertThat(Files.readString(dir.resolve("wg0.conf"))).doesNotContain("old-laptop");
    }

    @Test
    void cancellingTheApplyWritesNothing() throws Exception {
        ScreenDriver s = demo();
        String before = Files.readString(dir.resolve("wg0.conf"));

        s.type(" A").press(KeyType.Escape);

        assertThat(s.text()).doesNotContain("Apply this plan to k8s?");
        assertThat(s.statusLine()).contains("apply cancelled; nothing written");
        assertThat(Files.readString(dir.resolve("wg0.conf"))).isEqualTo(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void applyWithoutASelectionSaysWhy() throws Exception {
        ScreenDriver s = demo();

        s.type("A");

        assertThat(s.statusLine()).contains("A apply: select workers first");
        assertThat(s.text()).doesNotContain("Apply this plan");
    }

    @Test
    void diffWithoutASelectionSaysWhyInsteadOfAnEmptyPlan() throws Exception {
        ScreenDriver s = demo();

        s.type("d");

        assertThat(s.statusLine()).contains("d diff: select workers first");
        assertThat(s.text()).doesNotContain("Diff ·");
        assertThat(dir.resolve("wg0.conf.preview")).doesNotExist();
    }

    @Test
    void backupsListsTheBackupAndRestorePutsItBack() throws Exception {
        ScreenDriver s = demo();
        String before = Files.readString(dir.resolve("wg0.conf"));
        s.type(" A").type("y");
        String backup = backups().get(0).getFileName().toString();

        s.type("b");
        assertThat(s.text()).contains("Backups ·").contains(backup).contains("2026-11-26 03:15:00Z");

        s.press(KeyType.Enter);  // what restoring it would change
        assertThat(s.text()).contains("Backup · " + backup)
                .contains("-PublicKey = " + DemoCluster.CM4_NEW_KEY)
                .contains("+PublicKey = " + DemoCluster.CM4_OLD_KEY);

        s.type("R");
        assertThat(s.text()).contains("Restore " + backup + " on k8s?").contains("A backup is taken first")
                .contains("updated (1)");

        s.type("y");
        assertThat(Files.readString(dir.resolve("wg0.conf"))).isEqualTo(before);
        assertThat(backups()).as("the file is backed up before the restore").hasSize(2);
        assertThat(s.statusLine()).contains("restore done");
        assertThat(s.peerRow("cm4")).contains("~ changed");
    }

    @Test
    void pruneShowsTheDiffAndRemovesExtraPeersAfterConfirmation() throws Exception {
        ScreenDriver s = demo();

        s.type("p");
        assertThat(s.text()).contains("Prune 1 peer(s) from k8s?");
        assertThat(s.row(s.rowOf("removed (1)"))).contains("old-laptop");

        s.type("n");
        assertThat(Files.readString(dir.resolve("wg0.conf"))).contains("old-laptop");
        assertThat(s.text()).contains("-# old-laptop");

        s.type("p").type("y");
        assertThat(Files.readString(dir.resolve("wg0.conf"))).doesNotContain("old-laptop").contains("# cm4");
        assertThat(backups()).hasSize(1);
        assertThat(s.text()).doesNotContain("│      old-laptop");
    }

    @Test
    void filterNarrowsTheRowsAndEscClearsIt() throws Exception {
        ScreenDriver s = demo();

        s.type("/cm");
        assertThat(s.text()).contains("cm4").doesNotContain("s2204").doesNotContain("old-laptop");
        assertThat(s.statusLine()).startsWith("/cm");

        s.press(KeyType.Enter);
        assertThat(s.row(1)).contains("filter /cm 1 of 4");
        assertThat(s.text()).doesNotContain("s2204");

        s.press(KeyType.Escape);
        assertThat(s.text()).contains("s2204").contains("old-laptop");

        s.type("/missing").press(KeyType.Enter);
        assertThat(s.text()).contains("k8s-proxy").doesNotContain("│ [ ]  cm4");

        s.type("/").press(KeyType.Escape);
        assertThat(s.text()).contains("cm4").contains("k8s-proxy");
    }

    @Test
    void helpIsGeneratedFromTheBindings() throws Exception {
        ScreenDriver s = ScreenDriver.inline(DemoCluster.local(dir).session, 130, 120).start();

        s.type("?");

        String screen = s.text();
        assertThat(screen).contains("Help · keys");
        for (KeyBinding b : Dashboard.bindings()) {
            assertThat(screen).as(b.key().label() + " " + b.name())
                    .containsPattern("\\Q" + b.key().label() + "\\E +\\Q" + b.description() + "\\E");
        }
        for (KeyContext c : KeyContext.values()) {
            assertThat(screen).contains(c.title());
        }

        s.type("?");
        assertThat(s.text()).doesNotContain("Help · keys");
    }

    @Test
    void footerHintsAreTheBindingsThatWorkNow() throws Exception {
        ScreenDriver s = ScreenDriver.inline(DemoCluster.local(dir).session, 240, 35).start();

        assertThat(s.row(34).strip()).isEqualTo(hints(KeyContext.TABLE, KeyContext.GLOBAL));

        s.type("b");
        assertThat(s.row(34).strip()).isEqualTo(hints(KeyContext.BACKUPS, KeyContext.PANE, KeyContext.GLOBAL));

        s.type("p");
        assertThat(s.row(34).strip()).isEqualTo(hints(KeyContext.DIALOG));

        s.type("n/");
        assertThat(s.row(34).strip()).isEqualTo(hints(KeyContext.FILTER));
    }

    /** The footer as the bindings say it should read: "key name" of each hint, most specific context first. */
    private static String hints(KeyContext... contexts) {
        List<String> out = new java.util.ArrayList<>();
        List<KeyBinding> taken = new java.util.ArrayList<>();
        for (KeyContext c : contexts) {
            for (KeyBinding b : DashboardKeys.bindings(c)) {
                if (taken.stream().noneMatch(t -> t.key().overlaps(b.key()))) {
                    taken.add(b);
                    if (b.hint()) {
                        out.add(b.key().label() + " " + b.name());
                    }
                }
            }
        }
        return String.join("  ", out);
    }

    @Test
    void theFooterWrapsOnNarrowTerminalsAndKeepsItsOrder() throws Exception {
        ScreenDriver s = demo();

        String footer = s.row(33).strip() + "  " + s.row(34).strip();

        assertThat(footer).isEqualTo(hints(KeyContext.TABLE, KeyContext.GLOBAL));
    }

    @Test
    void disabledKeysAreDimmedInTheFooter() throws Exception {
        ScreenDriver s = ScreenDriver.inline(DemoCluster.local(dir).session, 240, 35).start();
        Theme theme = Theme.load("default");
        int col = s.row(34).indexOf("A apply");

        assertThat(s.cell(col, 34).getForegroundColor()).isEqualTo(theme.style(Theme.Element.FOOTER_DISABLED).fg());
        s.type(" ");
        assertThat(s.cell(col, 34).getForegroundColor()).isEqualTo(theme.style(Theme.Element.FOOTER_KEY).fg());
    }

    @Test
    void resizingRedrawsAtTheNewSize() throws Exception {
        ScreenDriver s = demo();

        s.terminal.setTerminalSize(new TerminalSize(90, 24));
        s.dashboard.pump();

        assertThat(s.row(2)).startsWith("╭─ Peers").endsWith("╮").hasSize(90);
        assertThat(s.row(23).strip() + "  " + s.row(22).strip()).contains("q quit");
        assertThat(s.peerRow("cm4")).endsWith("│");

        s.terminal.setTerminalSize(new TerminalSize(200, 40));
        s.dashboard.pump();
        assertThat(s.row(2)).startsWith("╭─ Peers").endsWith("╮").hasSize(200);
        assertThat(s.row(39).strip()).endsWith("q quit");

        s.terminal.setTerminalSize(new TerminalSize(30, 8));
        s.dashboard.pump();
        assertThat(s.text()).contains("terminal too small");
    }

    @Test
    void validateHealthAndDriftOpenTheirPanes() throws Exception {
        ScreenDriver s = liveDemo();

        s.type("v");
        assertThat(s.text()).contains("Validation · k8s").contains("✗ cm4").contains("✗ k8s-proxy")
                .contains("? old-laptop: not in the inventory, preserved");
        assertThat(s.statusLine()).contains("Validation FAILED");

        s.type("h");
        assertThat(s.text()).contains("Health · k8s").contains("5m00s ago !").contains("42s ago");

        s.type("P");
        assertThat(s.statusLine()).contains("cannot ping");

        s.type("D");
        assertThat(s.text()).contains("Drift · k8s").contains("nothing to compare");

        s.press(KeyType.Escape);
        assertThat(s.text()).doesNotContain("Drift · k8s");
    }

    @Test
    void enterShowsThePeersDetail() throws Exception {
        ScreenDriver s = liveDemo();

        s.press(KeyType.Enter);

        assertThat(s.text()).contains("Peer · cm4").contains(DemoCluster.CM4_NEW_KEY).contains(DemoCluster.CM4_OLD_KEY)
                .contains("cm4.example.internal").contains("42s ago");
    }

    @Test
    void hubErrorsShowInTheStatusLineAndTheDashboardGoesOn() throws Exception {
        DemoCluster demo = DemoCluster.local(dir);
        Files.writeString(demo.config, Files.readString(demo.config)
                .replace("# s2204\nPublicKey = " + DemoCluster.S2204_KEY,
                        "# s2204\nPublicKey = " + DemoCluster.CM4_OLD_KEY));
        ScreenDriver s = ScreenDriver.inline(demo.session, 120, 35).start();

        s.type(" d");

        assertThat(s.statusLine()).startsWith("✗").contains("wg0.conf:").contains("duplicate");
        assertThat(s.dashboard.running()).isTrue();

        s.type("j");
        assertThat(s.dashboard.running()).isTrue();
    }

    @Test
    void commandLinePassesTheLineToTheRunner() throws Exception {
        ScreenDriver s = demo();

        s.type(":frobnicate").press(KeyType.Enter);
        assertThat(s.statusLine()).contains("unknown command: frobnicate");

        DemoCluster demo = DemoCluster.local(Files.createDirectory(dir.resolve("second")));
        ScreenDriver t = new ScreenDriver(demo.session, Theme.load("default"), 120, 35, Runnable::run, line -> {
            demo.session.select(line.replace("select ", ""));
            return "selected " + demo.session.selectedWorkers() + "\nsecond line\nPrivateKey = "
                    + DemoCluster.HUB_PRIVATE_KEY;
        }).start();
        t.type(":select cm4,s2204").press(KeyType.Enter);
        assertThat(t.row(1)).as("the table is read again after a command").contains("selected 2/3 workers");
        assertThat(t.text()).contains(":select cm4,s2204").contains("second line")
                .contains("PrivateKey = (hidden)").doesNotContain(DemoCluster.HUB_PRIVATE_KEY);

        t.type(":").press(KeyType.ArrowUp);
        assertThat(t.statusLine()).startsWith(":select cm4,s2204");
        t.press(KeyType.Escape);
    }

    @Test
    void aLongTableScrollsWithTheCursorAndSaysWhereItIs() throws Exception {
        DemoCluster demo = DemoCluster.local(dir);
        List<Node> workers = new java.util.ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            workers.add(NodeReader.read("big.yml", String.format("node%02d", i),
                    Map.of("wireguard_ip", "10.1.0." + i)));
        }
        Cluster big = new Cluster("big.yml", DemoCluster.cluster().hub(), workers);
        Session session = new Session(big, new LocalHub("k8s", demo.config, dir.resolve("p"), demo.clock),
                p -> List.of(), WorkerKeys.NONE, Session.Options.defaults(), demo.clock);
        ScreenDriver s = ScreenDriver.inline(session, 120, 35).start();

        assertThat(s.text()).contains("node01").contains(" 1-27 of 63 ").doesNotContain("node60");

        s.press(KeyType.End);
        assertThat(s.text()).contains("old-laptop").contains(" 37-63 of 63 ").doesNotContain("node01 ");

        s.press(KeyType.PageUp).press(KeyType.Home);
        assertThat(s.text()).contains("node01").contains(" 1-27 of 63 ");
        assertThat(s.dashboard.table.cursorName()).isEqualTo("node01");
    }

    @Test
    void aRefusedPlanShowsWhyInTheStatusLineAndThePane() throws Exception {
        DemoCluster demo = DemoCluster.local(dir);
        Node keyless = NodeReader.read("inventory.yml", "rpi5", Map.of("wireguard_ip", "10.0.0.9"));
        Cluster cluster = new Cluster("inventory.yml", DemoCluster.cluster().hub(), List.of(keyless));
        Session session = new Session(cluster, new LocalHub("k8s", demo.config, dir.resolve("p"), demo.clock),
                p -> List.of(), WorkerKeys.NONE, Session.Options.defaults(), demo.clock);
        ScreenDriver s = ScreenDriver.inline(session, 120, 35).start();

        s.type(" d");

        assertThat(s.statusLine()).isEqualTo("✗ cannot plan: a selected worker has no key");
        assertThat(s.text()).contains("Error").contains("host rpi5: no public key");
        s.press(KeyType.Escape);
        assertThat(s.text()).doesNotContain("host rpi5: no public key");
    }

    @Test
    void aFailingCommandIsAnErrorNotACrash() throws Exception {
        ScreenDriver s = new ScreenDriver(DemoCluster.local(dir).session, Theme.load("default"), 120, 35,
                Runnable::run, line -> {
                    if (line.equals("npe")) {
                        throw new NullPointerException("oops");
                    }
                    throw new IllegalStateException("hub k8s: wg syncconf failed");
                }).start();

        s.type(":reload").press(KeyType.Enter);
        assertThat(s.statusLine()).isEqualTo("✗ hub k8s: wg syncconf failed");

        s.type(":npe").press(KeyType.Enter);
        assertThat(s.statusLine()).isEqualTo("✗ internal error: NullPointerException: oops");
        assertThat(s.dashboard.running()).isTrue();
        s.type("j");
        assertThat(s.dashboard.table.cursorName()).isEqualTo("s2204");
    }

    @Test
    void quitEndsTheLoop() throws Exception {
        ScreenDriver s = demo();

        s.type("q");

        assertThat(s.dashboard.running()).isFalse();
    }

    private List<Path> backups() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".backup")).sorted().toList();
        }
    }
}
