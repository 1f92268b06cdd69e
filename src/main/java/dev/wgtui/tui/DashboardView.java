package dev.wgtui.tui;

import com.googlecode.lanterna.TerminalPosition;
import dev.wgtui.core.live.LiveState.LivePeer;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;
import dev.wgtui.core.text.Printable;
import dev.wgtui.tui.Line.Span;
import dev.wgtui.tui.Theme.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws the dashboard: header, peer table, pane, status line, footer and any dialog on top.
 * A full frame is drawn each time; the screen sends only the cells that changed.
 */
final class DashboardView {

    static final int MIN_WIDTH = 50;
    static final int MIN_HEIGHT = 12;
    /** From this width the pane goes beside the table instead of below it. */
    static final int SIDE_BY_SIDE_WIDTH = 170;
    private static final String GAP = "  ";

    private TerminalPosition cursor;

    /** Where the terminal cursor goes (the prompt), or null to hide it. */
    TerminalPosition cursor() {
        return cursor;
    }

    void draw(Dashboard d, Canvas c) {
        cursor = null;
        c.fill(0, 0, c.width, c.height, Element.SCREEN);
        if (c.width < MIN_WIDTH || c.height < MIN_HEIGHT) {
            // one short line each, so even a very small terminal shows the size it needs
            String[] msg = {"terminal too small:", c.width + "x" + c.height + ";", "wgtui needs",
                "at least " + MIN_WIDTH + "x" + MIN_HEIGHT, "(q quits)"};
            int top = Math.max(0, (c.height - msg.length) / 2);
            for (int i = 0; i < msg.length && top + i < c.height; i++) {
                c.text(0, top + i, msg[i], Element.STATUS_WARN, c.width);
            }
            return;
        }
        List<List<Span>> footer = footer(d, c.width);
        int statusRow = c.height - footer.size() - 1;
        header(d, c);
        int top = 2;
        int bodyHeight = statusRow - top;
        Pane pane = d.pane();
        if (pane == null) {
            table(d, c, 0, top, c.width, bodyHeight);
        } else if (pane.kind == Pane.Kind.HELP) {
            pane(d, pane, c, 0, top, c.width, bodyHeight);
        } else if (c.width >= SIDE_BY_SIDE_WIDTH) {
            int paneWidth = c.width * 45 / 100;
            table(d, c, 0, top, c.width - paneWidth, bodyHeight);
            pane(d, pane, c, c.width - paneWidth, top, paneWidth, bodyHeight);
        } else {
            int wanted = d.table.visible().size() + 3;
            int tableHeight = Math.max(5, Math.min(wanted, bodyHeight * 2 / 5));
            table(d, c, 0, top, c.width, tableHeight);
            pane(d, pane, c, 0, top + tableHeight, c.width, bodyHeight - tableHeight);
        }
        status(d, c, statusRow);
        for (int i = 0; i < footer.size(); i++) {
            spans(c, 0, statusRow + 1 + i, footer.get(i), c.width);
        }
        if (!d.dialogs.isEmpty()) {
            dialog(d.dialogs.peek(), c);
        }
    }

    private static String label(PeerStatus s, boolean unicode) {
        return s.marker(unicode) + " " + s.word();
    }

    // ---- header --------------------------------------------------------------------------------

    private void header(Dashboard d, Canvas c) {
        var hub = d.session.hub();
        var cluster = d.session.cluster();
        List<Span> first = new ArrayList<>();
        first.add(new Span(" wgtui ", Element.HEADER_TITLE));
        first.add(new Span("  hub ", Element.HEADER_LABEL));
        first.add(new Span(Printable.of(hub.node()), Element.HEADER_VALUE));
        first.add(new Span("  interface ", Element.HEADER_LABEL));
        first.add(new Span(Printable.of(cluster.hub().interfaceName()), Element.HEADER_VALUE));
        first.add(new Span(!d.loaded ? "" : d.liveUp ? " up" : " no live state", d.liveUp
                ? Element.LIVE_FRESH : Element.DIM));
        // the time of the read always shows: the file's path gives way to it (its end stays)
        String read = !d.loaded ? "" : "read " + Format.clock(d.table.readAt())
                + (d.live.paused() ? " · paused " : d.work.quietRunning() ? " ⟳ " : " ");
        int rw = Canvas.width(read);
        String inventory = Printable.of(cluster.inventorySource());
        String path = Printable.of(hub.configPath());
        int room = c.width - rw - 1 - width(first) - Canvas.width("  file   inventory ") - Canvas.width(inventory);
        if (Canvas.width(path) > room && room > 12) {
            path = "…" + tail(path, room - 1);
        }
        first.add(new Span("  file ", Element.HEADER_LABEL));
        first.add(new Span(path, Element.HEADER_VALUE));
        first.add(new Span("  inventory ", Element.HEADER_LABEL));
        first.add(new Span(inventory, Element.HEADER_VALUE));
        spans(c, 0, 0, first, c.width - rw - (rw > 0 ? 1 : 0));
        if (rw > 0 && rw + 20 <= c.width) {
            c.text(c.width - rw, 0, read, d.live.paused() ? Element.STATUS_WARN : Element.DIM, rw);
        }

        List<Span> second = new ArrayList<>();
        PeerTable t = d.table;
        second.add(new Span(" peers ", Element.HEADER_LABEL));
        second.add(new Span(String.valueOf(t.rows().size()), Element.HEADER_VALUE));
        second.add(new Span("  ", Element.SCREEN));
        for (PeerStatus s : PeerStatus.values()) {
            int n = t.count(s);
            second.add(new Span(s.marker(c.unicode) + " " + n + "  ", n == 0 ? Element.DIM : Reports.marker(s)));
        }
        second.add(new Span("selected ", Element.HEADER_LABEL));
        second.add(new Span(t.markedCount() + "/" + d.workerCount(), Element.HEADER_VALUE));
        second.add(new Span(" workers", Element.HEADER_LABEL));
        if (!t.filter().isEmpty()) {
            second.add(new Span("  filter ", Element.HEADER_LABEL));
            second.add(new Span("/" + Printable.of(t.filter().text()), Element.PROMPT));
            second.add(new Span(" " + t.visible().size() + " of " + t.rows().size(), Element.DIM));
        }
        if (t.sort() != PeerTable.Sort.HUB) {
            second.add(new Span("  sorted by ", Element.HEADER_LABEL));
            second.add(new Span(t.sort().label, Element.HEADER_VALUE));
        }
        spans(c, 0, 1, second, c.width);
    }

    // ---- the peer table ------------------------------------------------------------------------

    private record Cell(String text, Element element) {
    }

    /** The columns, and in which order they give way when the terminal is narrow (NOTE last). */
    private static final String[] HEADINGS = {"", "NAME", "STATUS", "ADDRESS", "KEY", "ENDPOINT", "HANDSHAKE", "RX",
        "TX", "NOTE"};
    private static final boolean[] RIGHT = {false, false, false, false, false, false, false, true, true, false};
    private static final int NOTE = 9;
    private static final int[] LIVE = {5, 6, 7, 8};
    private static final int[] GIVE_WAY = {4, 5, 8, 7, 3, 6};

    /** Widths measured over every row, made again only when the rows change. */
    private List<PeerRow> measured;
    private boolean measuredUnicode;
    private int[] widths;
    private boolean anyLive;

    private void measure(List<PeerRow> rows, boolean unicode) {
        if (rows == measured && unicode == measuredUnicode) {
            return;
        }
        int[] w = new int[HEADINGS.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Canvas.width(HEADINGS[i]);
        }
        w[0] = 3;
        w[2] = Math.max(w[2], 9);
        w[4] = Math.max(w[4], 9);
        w[6] = Math.max(w[6], 11);
        w[7] = Math.max(w[7], 5);
        w[8] = Math.max(w[8], 5);
        boolean live = false;
        for (PeerRow r : rows) {
            w[1] = Math.max(w[1], Canvas.width(name(r)));
            w[3] = Math.max(w[3], Canvas.width(Format.address(r.address())));
            if (r.live().isPresent()) {
                live = true;
                String ep = r.live().get().endpoint();
                w[5] = Math.max(w[5], ep == null ? 6 : Canvas.width(Printable.of(ep)));
            }
            w[NOTE] = Math.max(w[NOTE], Canvas.width(note(r)));
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.min(w[i], i == NOTE ? 200 : 40);
        }
        measured = rows;
        measuredUnicode = unicode;
        widths = w;
        anyLive = live;
    }

    /**
     * Which columns show at {@code width}: all when they fit; else the live columns go first
     * when nothing runs (they only say "-"), then key, endpoint, transfer, address, handshake,
     * so NOTE (the one explanation per peer) stays.
     */
    private boolean[] shown(int width) {
        boolean[] show = new boolean[HEADINGS.length];
        java.util.Arrays.fill(show, true);
        int noteWanted = Math.min(widths[NOTE], 24);
        List<Integer> order = new ArrayList<>();
        if (!anyLive) {
            for (int i : LIVE) {
                order.add(i);
            }
        }
        for (int i : GIVE_WAY) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        for (int drop : order) {
            if (used(show) + noteWanted <= width) {
                break;
            }
            show[drop] = false;
        }
        return show;
    }

    private int used(boolean[] show) {
        int used = 0;
        for (int i = 0; i < NOTE; i++) {
            if (show[i]) {
                used += widths[i] + GAP.length();
            }
        }
        return used;
    }

    private void table(Dashboard d, Canvas c, int x, int y, int w, int h) {
        PeerTable t = d.table;
        boolean focused = d.panes.focus() == Panes.Focus.TABLE || d.pane() == null;
        c.box(x, y, w, h, focused ? Element.BORDER_FOCUS : Element.BORDER);
        List<PeerRow> rows = t.visible();
        String title = " Peers " + (t.filter().isEmpty() ? "[" + rows.size() + "]"
                : "[" + rows.size() + "/" + t.rows().size() + "] /" + Printable.of(t.filter().text()))
                + (t.sort() == PeerTable.Sort.HUB ? "" : " · by " + t.sort().label)
                + (t.anchor().isPresent() ? " · range " + t.range().size() : "") + " ";
        c.text(x + 2, y, title, Element.TITLE, w - 4);
        int innerWidth = w - 4;
        int visible = Math.max(0, h - 3);
        t.pageRows = Math.max(1, visible);
        if (!d.loaded) {
            c.text(x + 2, y + 2, d.busy() != null ? d.work.spinner(c.unicode) + " " + d.busy() + "…" : "not read yet",
                    Element.DIM, innerWidth);
            return;
        }
        if (rows.isEmpty()) {
            String why = t.rows().isEmpty() ? "No peers: the hub has no file yet and the inventory no workers."
                    : "No peer matches /" + Printable.of(t.filter().text()) + " · esc clears the filter";
            c.text(x + 2, y + 2, why, Element.DIM, innerWidth);
            return;
        }
        long now = d.now();
        measure(t.rows(), c.unicode);
        boolean[] show = shown(innerWidth);
        int limit = x + 2 + innerWidth;
        // header
        int col = x + 2;
        for (int k = 0; k < HEADINGS.length && col < limit; k++) {
            if (!show[k]) {
                continue;
            }
            int cw = Math.min(widths[k], limit - col);
            String heading = Canvas.fit(HEADINGS[k], cw);
            int indent = RIGHT[k] ? cw - Canvas.width(heading) : 0;
            c.text(col + indent, y + 1, heading, Element.TABLE_HEADER, cw - indent);
            col += widths[k] + GAP.length();
        }
        // rows: only those on screen are made into cells
        int cursorIndex = t.cursorIndex();
        if (cursorIndex < t.scroll) {
            t.scroll = cursorIndex;
        } else if (cursorIndex >= t.scroll + visible) {
            t.scroll = cursorIndex - visible + 1;
        }
        t.scroll = Math.max(0, Math.min(t.scroll, Math.max(0, rows.size() - visible)));
        for (int i = 0; i < visible && t.scroll + i < rows.size(); i++) {
            int index = t.scroll + i;
            int row = y + 2 + i;
            PeerRow r = rows.get(index);
            Element rowStyle = null;
            if (index == cursorIndex) {
                rowStyle = focused ? Element.TABLE_CURSOR : Element.TABLE_CURSOR_INACTIVE;
            } else if (t.inRange(index)) {
                rowStyle = Element.TABLE_CURSOR_INACTIVE;
            } else if (r.selected()) {
                rowStyle = Element.TABLE_MARKED;
            }
            if (rowStyle != null) {
                c.fill(x + 1, row, w - 2, 1, rowStyle);
            }
            col = x + 2;
            Cell[] rc = cells(r, now, c.unicode);
            for (int k = 0; k < HEADINGS.length && col < limit; k++) {
                if (!show[k]) {
                    continue;
                }
                int cw = Math.min(k == NOTE ? limit - col : widths[k], limit - col);
                String text = RIGHT[k] ? Canvas.padLeft(rc[k].text(), cw) : Canvas.pad(rc[k].text(), cw);
                c.text(col, row, text, rowStyle != null ? rowStyle : rc[k].element(), cw);
                col += widths[k] + GAP.length();
            }
        }
        if (rows.size() > visible) {
            String pos = " " + (t.scroll + 1) + "-" + Math.min(rows.size(), t.scroll + visible) + " of "
                    + rows.size() + " ";
            c.text(x + w - 2 - Canvas.width(pos), y + h - 1, pos, Element.DIM, Canvas.width(pos));
        }
    }

    private static String name(PeerRow r) {
        return Printable.of(r.name()) + (r.named() ? "" : " (unnamed)");
    }

    private static String note(PeerRow r) {
        String note = Printable.of(String.join("; ", r.differences()));
        if (note.isEmpty() && r.status() == PeerStatus.EXTRA) {
            note = "kept; p prunes";
        } else if (note.isEmpty() && r.status() == PeerStatus.MISSING) {
            note = "space, A adds it";
        } else if (note.isEmpty() && r.status() == PeerStatus.NEW) {
            note = "A adds it";
        }
        return note;
    }

    private Cell[] cells(PeerRow r, long now, boolean unicode) {
        Cell mark = r.worker().isEmpty() ? new Cell("   ", Element.DIM)
                : r.selected() ? new Cell("[x]", Element.TABLE_MARK) : new Cell("[ ]", Element.DIM);
        Optional<LivePeer> live = r.live();
        Cell endpoint = live.map(l -> new Cell(l.endpoint() == null ? "(none)" : Printable.of(l.endpoint()),
                        Element.TABLE_ROW)).orElse(new Cell("-", Element.DIM));
        Cell handshake = live.map(l -> {
            Optional<Long> age = l.handshakeAge(now);
            if (age.isEmpty()) {
                return new Cell("never", Element.LIVE_STALE);
            }
            return l.stale(now) ? new Cell(Format.age(age.get()) + " stale", Element.LIVE_STALE)
                    : new Cell(Format.age(age.get()) + " ago", Element.LIVE_FRESH);
        }).orElse(new Cell("-", Element.DIM));
        Cell rx = live.map(l -> new Cell(Format.bytesShort(l.rxBytes()), Element.TABLE_ROW))
                .orElse(new Cell("-", Element.DIM));
        Cell tx = live.map(l -> new Cell(Format.bytesShort(l.txBytes()), Element.TABLE_ROW))
                .orElse(new Cell("-", Element.DIM));
        return new Cell[] {
            mark,
            new Cell(name(r), Element.TABLE_ROW),
            new Cell(label(r.status(), unicode), Reports.marker(r.status())),
            new Cell(Format.address(r.address()), Element.TABLE_ROW),
            new Cell(r.publicKey().map(Format::shortKey).orElse("-"), r.publicKey().isPresent() ? Element.TABLE_ROW
                    : Element.DIM),
            endpoint, handshake, rx, tx,
            new Cell(note(r), Element.DIM)
        };
    }

    // ---- the pane ------------------------------------------------------------------------------

    private void pane(Dashboard d, Pane p, Canvas c, int x, int y, int w, int h) {
        boolean focused = d.panes.focus() == Panes.Focus.PANE;
        p.refresh(d.now());
        c.box(x, y, w, h, focused ? Element.BORDER_FOCUS : Element.BORDER);
        c.text(x + 2, y, " " + p.title + " ", Element.TITLE, w - 4);
        p.visibleRows = Math.max(1, h - 2);
        p.scrollTo(p.scroll);
        for (int i = 0; i < p.visibleRows && p.scroll + i < p.lines.size(); i++) {
            Line line = p.lines.get(p.scroll + i);
            int row = y + 1 + i;
            if (line.highlight()) {
                Element e = focused ? Element.TABLE_CURSOR : Element.TABLE_CURSOR_INACTIVE;
                c.fill(x + 1, row, w - 2, 1, e);
                c.text(x + 2, row, line.text(), e, w - 4);
            } else {
                spans(c, x + 2, row, line.spans(), w - 4);
            }
        }
        if (p.lines.size() > p.visibleRows) {
            String pos = " " + (p.scroll + 1) + "-" + Math.min(p.lines.size(), p.scroll + p.visibleRows) + " of "
                    + p.lines.size() + " ";
            c.text(x + w - 2 - Canvas.width(pos), y + h - 1, pos, Element.DIM, Canvas.width(pos));
        }
    }

    // ---- status line and footer ----------------------------------------------------------------

    private void status(Dashboard d, Canvas c, int row) {
        if (d.prompt.isOpen()) {
            boolean filter = d.prompt.kind() == PromptLine.Kind.FILTER;
            String text = (filter ? "/" : ":") + d.prompt.text();
            int w = c.text(0, row, " " + text, Element.PROMPT, c.width - 1);
            cursor = new TerminalPosition(Math.min(c.width - 1, w), row);
            String hint = filter ? "name, status, address, key prefix or regex (cm4|s2)"
                    : "a wgtui command, e.g. select cm4 s2204 · :q quits";
            int hw = Canvas.width(hint) + 1;
            if (w + hw + 4 < c.width) {
                c.text(c.width - hw, row, hint, Element.DIM, hw);
            }
            return;
        }
        if (d.busy() != null) {
            long s = d.work.busySeconds();
            c.text(0, row, " " + d.work.spinner(c.unicode) + " " + d.busy() + "…" + (s > 0 ? " " + s + "s" : "")
                    + (d.pendingCommand != null ? " · then :" + d.pendingCommand : ""), Element.STATUS_BUSY, c.width);
            return;
        }
        if (!d.status.fresh(d.millisClock.getAsLong())) {
            c.text(0, row, " " + idle(d), Element.DIM, c.width);
            return;
        }
        Element e = switch (d.status.tone()) {
            case INFO -> Element.STATUS_INFO;
            case OK -> Element.STATUS_OK;
            case WARN -> Element.STATUS_WARN;
            case ERROR -> Element.STATUS_ERROR;
        };
        String lead = switch (d.status.tone()) {
            case OK -> "✓ ";
            case WARN -> "! ";
            case ERROR -> "✗ ";
            case INFO -> "";
        };
        c.text(0, row, " " + lead + d.status.text(), e, c.width);
    }

    /** The status line when no message is news: where things stand. */
    private static String idle(Dashboard d) {
        if (!d.loaded) {
            return "";
        }
        String live = d.live.paused() ? "live refresh paused (f resumes)"
                : "live refresh every " + d.live.everyMillis() / 1000 + "s (f pauses)";
        return Printable.of(d.session.hub().node()) + " · " + d.table.rows().size() + " peers · " + live
                + " · ? help";
    }

    /** The footer's hints, {@code "key name"} each, for the keys that work in this state. */
    static List<KeyBinding> footerBindings(Dashboard d) {
        return d.activeBindings().stream().filter(KeyBinding::hint).toList();
    }

    /**
     * The footer packed into at most two lines of {@code width}, in the bindings' order. When
     * not every hint fits, the last ones are left out, but never help and quit.
     */
    static List<List<Span>> footer(Dashboard d, int width) {
        List<KeyBinding> hints = footerBindings(d);
        boolean all = fitsInTwo(hints, width);
        List<KeyBinding> essential = all ? List.of() : hints.stream().filter(DashboardView::essential).toList();
        int essentialWidth = essential.stream().mapToInt(DashboardView::hintWidth).sum();
        List<List<Span>> lines = new ArrayList<>();
        List<Span> line = new ArrayList<>();
        int used = 0;
        for (KeyBinding b : hints) {
            if (essential.contains(b)) {
                continue;
            }
            int w = hintWidth(b);
            // the last line keeps room for help and quit
            int room = width + 1 - (lines.size() == 1 ? essentialWidth : 0);
            if (used + w > room) {
                if (lines.size() == 1) {
                    break;
                }
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
                if (w > width + 1 - essentialWidth) {
                    break;
                }
            }
            addHint(d, line, b);
            used += w;
        }
        for (KeyBinding b : essential) {
            addHint(d, line, b);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static boolean essential(KeyBinding b) {
        return b.name().equals("quit") || b.name().equals("help") || b.context() == KeyContext.HELP;
    }

    private static int hintWidth(KeyBinding b) {
        return Canvas.width(b.key().label()) + 1 + Canvas.width(b.name()) + 2;
    }

    private static boolean fitsInTwo(List<KeyBinding> hints, int width) {
        int lines = 1;
        int used = 0;
        for (KeyBinding b : hints) {
            int w = hintWidth(b);
            if (used + w > width + 1) {
                lines++;
                used = 0;
            }
            used += w;
        }
        return lines <= 2;
    }

    private static void addHint(Dashboard d, List<Span> line, KeyBinding b) {
        boolean disabled = b.disabled(d).isPresent();
        line.add(new Span(" ", Element.FOOTER_TEXT));
        line.add(new Span(b.key().label(), disabled ? Element.FOOTER_DISABLED : Element.FOOTER_KEY));
        line.add(new Span(" " + b.name() + " ", disabled ? Element.FOOTER_DISABLED : Element.FOOTER_TEXT));
    }

    // ---- dialogs ---------------------------------------------------------------------------------

    private void dialog(Dialog dialog, Canvas c) {
        List<KeyBinding> keys = DashboardKeys.bindings(KeyContext.DIALOG);
        List<Span> answer = List.of(
                new Span(" " + keys.get(0).key().label() + " ", Element.DIALOG_KEY),
                new Span(" " + dialog.yesLabel() + "     ", Element.DIALOG_TEXT),
                new Span(" " + keys.get(1).key().label() + " ", Element.DIALOG_KEY),
                new Span(" " + dialog.noLabel(), Element.DIALOG_TEXT));
        int content = Math.max(width(answer), Canvas.width(dialog.title()) + 2);
        for (Line l : dialog.body()) {
            content = Math.max(content, Canvas.width(l.text()));
        }
        int w = Math.min(c.width - 2, Math.max(44, content + 6));
        int h = Math.min(c.height - 2, dialog.body().size() + 5);
        int x = (c.width - w) / 2;
        // high, over the table: the pane below keeps showing the plan's diff, the status line its line
        int y = Math.min(2, Math.max(0, c.height - h - 3));
        c.fill(x, y, w, h, Element.DIALOG_TEXT);
        c.box(x, y, w, h, Element.DIALOG_BORDER);
        c.text(x + 2, y, " " + dialog.title() + " ", Element.DIALOG_TITLE, w - 4);
        int row = y + 2;
        for (Line l : dialog.body()) {
            if (row >= y + h - 3) {
                break;
            }
            spans(c, x + 3, row++, dialogSpans(l), w - 6);
        }
        spans(c, x + 3, y + h - 2, answer, w - 6);
    }

    private static List<Span> dialogSpans(Line l) {
        List<Span> out = new ArrayList<>();
        for (Span s : l.spans()) {
            out.add(s.element() == Element.PANE_TEXT ? new Span(s.text(), Element.DIALOG_TEXT) : s);
        }
        return out;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static int spans(Canvas c, int x, int row, List<Span> spans, int max) {
        int col = x;
        for (Span s : spans) {
            int left = max - (col - x);
            if (left <= 0) {
                break;
            }
            col += c.text(col, row, s.text(), s.element(), left);
        }
        return col - x;
    }

    /** The last {@code columns} columns of {@code s}. */
    private static String tail(String s, int columns) {
        int i = s.length();
        while (i > 0 && Canvas.width(s.substring(i - 1)) <= columns) {
            i--;
        }
        return s.substring(i);
    }

    private static int width(List<Span> spans) {
        return spans.stream().mapToInt(s -> Canvas.width(s.text())).sum();
    }
}
