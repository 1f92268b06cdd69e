package dev.wgtui.tui;

import com.googlecode.lanterna.TerminalPosition;
import dev.wgtui.core.live.LiveState.LivePeer;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;
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
            String msg = "terminal too small: " + c.width + "x" + c.height + ", wgtui needs " + MIN_WIDTH + "x"
                    + MIN_HEIGHT;
            c.text(0, c.height / 2, Canvas.fit(msg, c.width), Element.STATUS_WARN, c.width);
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
            int wanted = d.visibleRows().size() + 3;
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

    // ---- header --------------------------------------------------------------------------------

    private void header(Dashboard d, Canvas c) {
        var hub = d.session.hub();
        var cluster = d.session.cluster();
        List<Span> first = new ArrayList<>();
        first.add(new Span(" wgtui ", Element.HEADER_TITLE));
        first.add(new Span("  hub ", Element.HEADER_LABEL));
        first.add(new Span(hub.node(), Element.HEADER_VALUE));
        first.add(new Span("  interface ", Element.HEADER_LABEL));
        first.add(new Span(cluster.hub().interfaceName(), Element.HEADER_VALUE));
        first.add(new Span(!d.loaded ? "" : d.snapshot.liveUp() ? " up" : " no live state", d.snapshot.liveUp()
                ? Element.LIVE_FRESH : Element.DIM));
        first.add(new Span("  file ", Element.HEADER_LABEL));
        first.add(new Span(hub.configPath(), Element.HEADER_VALUE));
        first.add(new Span("  inventory ", Element.HEADER_LABEL));
        first.add(new Span(cluster.inventorySource(), Element.HEADER_VALUE));
        spans(c, 0, 0, first, c.width);
        if (d.loaded) {
            String read = "read " + Format.clock(d.snapshot.readAt()) + " ";
            int w = Canvas.width(read);
            if (width(first) + w + 2 <= c.width) {
                c.text(c.width - w, 0, read, Element.DIM, w);
            }
        }

        List<Span> second = new ArrayList<>();
        List<PeerRow> rows = d.snapshot.rows();
        second.add(new Span(" peers ", Element.HEADER_LABEL));
        second.add(new Span(String.valueOf(rows.size()), Element.HEADER_VALUE));
        second.add(new Span("  ", Element.SCREEN));
        for (PeerStatus s : PeerStatus.values()) {
            long n = rows.stream().filter(r -> r.status() == s).count();
            second.add(new Span(s.marker() + " " + n + "  ", n == 0 ? Element.DIM : Reports.marker(s)));
        }
        second.add(new Span("selected ", Element.HEADER_LABEL));
        second.add(new Span(d.selectedCount() + "/" + d.workerCount(), Element.HEADER_VALUE));
        second.add(new Span(" workers", Element.HEADER_LABEL));
        if (!d.filter.isEmpty()) {
            second.add(new Span("  filter ", Element.HEADER_LABEL));
            second.add(new Span("/" + d.filter, Element.PROMPT));
            second.add(new Span(" " + d.visibleRows().size() + " of " + rows.size(), Element.DIM));
        }
        spans(c, 0, 1, second, c.width);
    }

    // ---- the peer table ------------------------------------------------------------------------

    /** One column: heading, width, right-aligned or not. */
    private record Column(String heading, int width, boolean right) {
    }

    private record Cell(String text, Element element) {
    }

    private void table(Dashboard d, Canvas c, int x, int y, int w, int h) {
        boolean focused = d.focus == Dashboard.Focus.TABLE || d.pane() == null;
        c.box(x, y, w, h, focused ? Element.BORDER_FOCUS : Element.BORDER);
        List<PeerRow> rows = d.visibleRows();
        String title = " Peers " + (d.filter.isEmpty() ? "[" + rows.size() + "]"
                : "[" + rows.size() + "/" + d.snapshot.rows().size() + "] /" + d.filter) + " ";
        c.text(x + 2, y, title, Element.TITLE, w - 4);
        int innerWidth = w - 4;
        int visible = Math.max(0, h - 3);
        d.tableVisibleRows = Math.max(1, visible);
        if (!d.loaded) {
            c.text(x + 2, y + 2, d.busy != null ? d.spinner() + " " + d.busy + "…" : "not read yet", Element.DIM,
                    innerWidth);
            return;
        }
        if (rows.isEmpty()) {
            String why = d.snapshot.rows().isEmpty() ? "No peers: the hub has no file yet and the inventory no workers."
                    : "No peer matches /" + d.filter + " · esc clears the filter";
            c.text(x + 2, y + 2, why, Element.DIM, innerWidth);
            return;
        }
        long now = d.snapshot.readAt();
        List<Cell[]> cells = new ArrayList<>();
        for (PeerRow r : rows) {
            cells.add(cells(r, now));
        }
        String[] headings = {"", "NAME", "STATUS", "ADDRESS", "KEY", "ENDPOINT", "HANDSHAKE", "RX", "TX", "NOTE"};
        boolean[] right = {false, false, false, false, false, false, false, true, true, false};
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headings.length; i++) {
            int width = Canvas.width(headings[i]);
            for (Cell[] row : cells) {
                width = Math.max(width, Canvas.width(row[i].text()));
            }
            columns.add(new Column(headings[i], Math.min(width, i == 9 ? 200 : 40), right[i]));
        }
        // header
        int col = x + 2;
        int limit = x + 2 + innerWidth;
        for (Column column : columns) {
            if (col >= limit) {
                break;
            }
            int cw = Math.min(column.width(), limit - col);
            String heading = Canvas.fit(column.heading(), cw);
            int indent = column.right() ? cw - Canvas.width(heading) : 0;
            c.text(col + indent, y + 1, heading, Element.TABLE_HEADER, cw - indent);
            col += column.width() + GAP.length();
        }
        // rows
        int cursorIndex = d.cursorIndex();
        if (cursorIndex < d.tableScroll) {
            d.tableScroll = cursorIndex;
        } else if (cursorIndex >= d.tableScroll + visible) {
            d.tableScroll = cursorIndex - visible + 1;
        }
        d.tableScroll = Math.max(0, Math.min(d.tableScroll, Math.max(0, rows.size() - visible)));
        for (int i = 0; i < visible && d.tableScroll + i < rows.size(); i++) {
            int index = d.tableScroll + i;
            int row = y + 2 + i;
            Element rowStyle = null;
            if (index == cursorIndex) {
                rowStyle = focused ? Element.TABLE_CURSOR : Element.TABLE_CURSOR_INACTIVE;
                c.fill(x + 1, row, w - 2, 1, rowStyle);
            }
            col = x + 2;
            Cell[] rc = cells.get(index);
            for (int k = 0; k < columns.size() && col < limit; k++) {
                Column column = columns.get(k);
                int cw = Math.min(column.width(), limit - col);
                String text = column.right() ? Canvas.padLeft(rc[k].text(), cw) : Canvas.pad(rc[k].text(), cw);
                c.text(col, row, text, rowStyle != null ? rowStyle : rc[k].element(), cw);
                col += column.width() + GAP.length();
            }
        }
        if (rows.size() > visible) {
            String pos = " " + (d.tableScroll + 1) + "-" + Math.min(rows.size(), d.tableScroll + visible) + " of "
                    + rows.size() + " ";
            c.text(x + w - 2 - Canvas.width(pos), y + h - 1, pos, Element.DIM, Canvas.width(pos));
        }
    }

    private Cell[] cells(PeerRow r, long now) {
        Cell mark = r.worker().isEmpty() ? new Cell("   ", Element.DIM)
                : r.selected() ? new Cell("[x]", Element.TABLE_MARK) : new Cell("[ ]", Element.DIM);
        String name = r.named() ? r.name() : r.name() + " (unnamed)";
        Optional<LivePeer> live = r.live();
        Cell endpoint = live.map(l -> new Cell(l.endpoint() == null ? "(none)" : l.endpoint(), Element.TABLE_ROW))
                .orElse(new Cell("-", Element.DIM));
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
        String note = String.join("; ", r.differences());
        if (note.isEmpty() && r.status() == PeerStatus.EXTRA) {
            note = "kept; p prunes";
        } else if (note.isEmpty() && r.status() == PeerStatus.MISSING) {
            note = "space, A adds it";
        } else if (note.isEmpty() && r.status() == PeerStatus.NEW) {
            note = "A adds it";
        }
        return new Cell[] {
            mark,
            new Cell(name, Element.TABLE_ROW),
            new Cell(r.status().label(), Reports.marker(r.status())),
            new Cell(Format.address(r.address()), Element.TABLE_ROW),
            new Cell(r.publicKey().map(Format::shortKey).orElse("-"), r.publicKey().isPresent() ? Element.TABLE_ROW
                    : Element.DIM),
            endpoint, handshake, rx, tx,
            new Cell(note, Element.DIM)
        };
    }

    // ---- the pane ------------------------------------------------------------------------------

    private void pane(Dashboard d, Pane p, Canvas c, int x, int y, int w, int h) {
        boolean focused = d.focus == Dashboard.Focus.PANE;
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
        if (d.prompt != null) {
            String lead = d.prompt == Dashboard.Prompt.FILTER ? "/" : ":";
            String text = lead + d.promptText;
            int w = c.text(0, row, " " + text, Element.PROMPT, c.width - 1);
            cursor = new TerminalPosition(Math.min(c.width - 1, w), row);
            String hint = d.prompt == Dashboard.Prompt.FILTER ? "filter by name or status (ok, changed, new, "
                    + "missing, extra, or a marker)" : "a wgtui command, e.g. select cm4 s2204";
            int hw = Canvas.width(hint) + 1;
            if (w + hw + 4 < c.width) {
                c.text(c.width - hw, row, hint, Element.DIM, hw);
            }
            return;
        }
        if (d.busy != null) {
            long s = d.busySeconds();
            c.text(0, row, " " + d.spinner() + " " + d.busy + "…" + (s > 0 ? " " + s + "s" : "")
                    + (d.pendingCommand != null ? " · then :" + d.pendingCommand : ""), Element.STATUS_BUSY, c.width);
            return;
        }
        Element e = switch (d.tone) {
            case INFO -> Element.STATUS_INFO;
            case OK -> Element.STATUS_OK;
            case WARN -> Element.STATUS_WARN;
            case ERROR -> Element.STATUS_ERROR;
        };
        String lead = switch (d.tone) {
            case OK -> "✓ ";
            case WARN -> "! ";
            case ERROR -> "✗ ";
            case INFO -> "";
        };
        c.text(0, row, " " + lead + d.status, e, c.width);
    }

    /** The footer's hints, {@code "key name"} each, for the keys that work in this state. */
    static List<KeyBinding> footerBindings(Dashboard d) {
        return d.activeBindings().stream().filter(KeyBinding::hint).toList();
    }

    /** The footer packed into at most two lines of {@code width}; hints that do not fit are left out. */
    static List<List<Span>> footer(Dashboard d, int width) {
        List<List<Span>> lines = new ArrayList<>();
        List<Span> line = new ArrayList<>();
        int used = 0;
        for (KeyBinding b : footerBindings(d)) {
            boolean disabled = b.disabled(d).isPresent();
            String key = b.key().label();
            String name = b.name();
            int w = Canvas.width(key) + 1 + Canvas.width(name) + 2;
            if (used + w > width + 1) {
                if (lines.size() == 1) {
                    break;
                }
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            line.add(new Span(" ", Element.FOOTER_TEXT));
            line.add(new Span(key, disabled ? Element.FOOTER_DISABLED : Element.FOOTER_KEY));
            line.add(new Span(" " + name + " ", disabled ? Element.FOOTER_DISABLED : Element.FOOTER_TEXT));
            used += w;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
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
        int y = Math.max(0, (c.height - h) / 2);
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

    private static int width(List<Span> spans) {
        return spans.stream().mapToInt(s -> Canvas.width(s.text())).sum();
    }
}
