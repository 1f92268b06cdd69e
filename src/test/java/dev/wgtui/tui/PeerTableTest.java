package dev.wgtui.tui;

import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The table's model as plain data: rows of the demo, no terminal. */
class PeerTableTest {

    @TempDir
    Path dir;

    private PeerTable table(boolean live) throws Exception {
        DemoCluster demo = live ? DemoCluster.live(dir) : DemoCluster.local(dir);
        PeerTable t = new PeerTable();
        t.setRows(demo.session.rows(), DemoCluster.NOW.getEpochSecond());
        return t;
    }

    private static List<String> names(List<PeerRow> rows) {
        return rows.stream().map(PeerRow::name).toList();
    }

    @Test
    void theFilterMatchesNameStatusAddressKeyPrefixAndRegex() throws Exception {
        PeerTable t = table(false);

        t.setFilter("cm4|s2");
        assertThat(names(t.visible())).containsExactly("cm4", "s2204");
        t.setFilter("10.0.0.2");
        assertThat(names(t.visible())).containsExactly("k8s-proxy");
        t.setFilter(DemoCluster.S2204_KEY.substring(0, 6));
        assertThat(names(t.visible())).containsExactly("s2204");
        t.setFilter("extra");
        assertThat(names(t.visible())).containsExactly("old-laptop");
        t.setFilter("?");
        assertThat(names(t.visible())).containsExactly("old-laptop");
        assertThat(t.filter().why()).isEmpty();
        t.setFilter("cm4(");
        assertThat(t.filter().why()).hasValueSatisfying(w -> assertThat(w).contains("not a regular expression"));
        assertThat(t.visible()).isEmpty();
        t.setFilter("");
        assertThat(t.visible()).hasSize(4);
    }

    @Test
    void selectingInsideAStatusFilterKeepsTheRow() throws Exception {
        PeerTable t = table(false);
        t.setFilter("missing");
        assertThat(names(t.visible())).containsExactly("k8s-proxy");

        assertThat(t.setMarked(List.of("k8s-proxy"), true)).containsExactly("k8s-proxy");

        assertThat(t.visible()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("k8s-proxy");
            assertThat(r.status()).isEqualTo(PeerStatus.NEW);
            assertThat(r.selected()).isTrue();
        });
    }

    @Test
    void marksSurviveAFilterAndOnlyWorkersAreMarked() throws Exception {
        PeerTable t = table(false);
        t.setMarked(List.of("cm4", "old-laptop"), true);
        assertThat(t.marks()).containsExactly("cm4");

        t.setFilter("s2204");
        assertThat(t.hiddenMarks()).isEqualTo(1);
        assertThat(t.visibleWorkers()).containsExactly("s2204");
        t.setFilter("");
        assertThat(t.marks()).containsExactly("cm4");
    }

    @Test
    void rowsReadBeforeAChangeKeepTheMarksUnlessTheSelectionIsTaken() throws Exception {
        DemoCluster demo = DemoCluster.local(dir);
        PeerTable t = new PeerTable();
        List<PeerRow> read = demo.session.rows();  // nothing selected
        t.setRows(read, 0);
        t.setMarked(List.of("cm4"), true);

        t.setRows(read, 1);  // a read that started before the mark
        assertThat(t.marks()).containsExactly("cm4");
        t.setRows(read, 2, true);  // a command changed the selection: the session's wins
        assertThat(t.marks()).isEmpty();
    }

    @Test
    void sortCyclesNameStatusHandshakeTransferAndBack() throws Exception {
        PeerTable t = table(true);
        long now = DemoCluster.NOW.getEpochSecond();
        assertThat(names(t.visible())).containsExactly("cm4", "s2204", "k8s-proxy", "old-laptop");

        t.cycleSort(now);
        assertThat(t.sort()).isEqualTo(PeerTable.Sort.NAME);
        assertThat(names(t.visible())).containsExactly("cm4", "k8s-proxy", "old-laptop", "s2204");
        t.cycleSort(now);
        assertThat(names(t.visible())).as("missing, changed, new, extra, ok")
                .containsExactly("k8s-proxy", "cm4", "old-laptop", "s2204");
        t.cycleSort(now);
        assertThat(names(t.visible())).as("never, oldest handshake first, not running last")
                .containsExactly("old-laptop", "s2204", "cm4", "k8s-proxy");
        t.cycleSort(now);
        assertThat(names(t.visible())).as("busiest first").containsExactly("s2204", "cm4", "old-laptop", "k8s-proxy");
        t.cycleSort(now);
        assertThat(t.sort()).isEqualTo(PeerTable.Sort.HUB);
    }

    @Test
    void nextNotOkJumpsOverOkRowsAndWraps() throws Exception {
        PeerTable t = table(true);
        long now = DemoCluster.NOW.getEpochSecond();
        assertThat(t.cursorName()).isEqualTo("cm4");

        assertThat(t.jumpNotOk(1, now)).isTrue();
        assertThat(t.cursorName()).as("s2204 is ok but its handshake is stale").isEqualTo("s2204");
        t.jumpNotOk(1, now);
        assertThat(t.cursorName()).isEqualTo("k8s-proxy");
        t.jumpNotOk(1, now);
        t.jumpNotOk(1, now);
        assertThat(t.cursorName()).isEqualTo("cm4");
        t.jumpNotOk(-1, now);
        assertThat(t.cursorName()).isEqualTo("old-laptop");

        t.setFilter("s2204");
        PeerTable ok = table(false);
        ok.setFilter("s2204");
        assertThat(ok.jumpNotOk(1, now)).as("a table of ok rows").isFalse();
    }

    @Test
    void aRangeRunsFromItsStartToTheCursor() throws Exception {
        PeerTable t = table(false);
        t.move(1);
        t.startRange();
        t.move(2);

        assertThat(names(t.range())).containsExactly("s2204", "k8s-proxy", "old-laptop");
        assertThat(t.inRange(0)).isFalse();
        assertThat(t.inRange(2)).isTrue();
        t.move(-3);
        assertThat(names(t.range())).containsExactly("cm4", "s2204");
        t.cancelRange();
        assertThat(t.range()).isEmpty();
    }
}
