package dev.wgtui.tui;

import dev.wgtui.core.live.LiveState.LivePeer;
import dev.wgtui.core.plan.PeerRow;
import dev.wgtui.core.plan.PeerStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The peer table as data: the rows as last read, the filter and sort that make the visible
 * rows, the cursor, the marks (the selected workers) and a range being marked. No terminal in
 * it: the view draws it, the keys change it, tests read it.
 *
 * <p>The marks mirror the session's selection. A key changes them here at once and the session
 * a moment later, on its own thread; rows read by a job that started before that change are
 * shown with these marks, not the ones they were read with.
 */
final class PeerTable {

    /** The orders the table can be shown in; {@code s} cycles them. */
    enum Sort {
        HUB("as read"), NAME("name"), STATUS("status"), HANDSHAKE("handshake"), TRANSFER("transfer");

        final String label;

        Sort(String label) {
            this.label = label;
        }

        Sort next() {
            return values()[(ordinal() + 1) % values().length];
        }
    }

    private List<PeerRow> rows = List.of();
    private long readAt;
    private PeerFilter filter = PeerFilter.NONE;
    private Sort sort = Sort.HUB;
    private long sortedAt;
    private List<PeerRow> visible = List.of();
    private Map<String, Integer> visibleIndex = Map.of();
    private final Set<String> marks = new LinkedHashSet<>();
    private final Map<PeerStatus, Integer> counts = new EnumMap<>(PeerStatus.class);
    private Set<String> workerNames = Set.of();
    private String cursor;
    private String anchor;
    /** The first visible row on screen; the view keeps the cursor inside the window. */
    int scroll;
    /** Rows the view showed last time (for paging). */
    int pageRows = 10;

    /** Replaces the rows, keeping the marks this table has (see the class comment). */
    void setRows(List<PeerRow> read, long readAt) {
        setRows(read, readAt, false);
    }

    /**
     * Replaces the rows; with {@code adoptSelection} the marks become the selection they were
     * read with (after a command that may have changed it, e.g. {@code :select}).
     */
    void setRows(List<PeerRow> read, long readAt, boolean adoptSelection) {
        if (adoptSelection) {
            marks.clear();
            for (PeerRow r : read) {
                if (r.selected()) {
                    marks.add(r.name());
                }
            }
        }
        List<PeerRow> out = new ArrayList<>(read.size());
        for (PeerRow r : read) {
            out.add(withMark(r, marks.contains(r.name())));
        }
        this.rows = List.copyOf(out);
        this.readAt = readAt;
        workerNames = new HashSet<>();
        for (PeerRow r : rows) {
            if (r.worker().isPresent()) {
                workerNames.add(r.name());
            }
        }
        marks.retainAll(workerNames);
        recount();
        refilter(readAt);
    }

    private static PeerRow withMark(PeerRow r, boolean marked) {
        if (r.worker().isEmpty() || r.selected() == marked) {
            return r;
        }
        PeerStatus status = r.status();
        if (status == PeerStatus.MISSING && marked) {
            status = PeerStatus.NEW;  // as the status table says: a selected worker not on the hub is new
        } else if (status == PeerStatus.NEW && !marked) {
            status = PeerStatus.MISSING;
        }
        return new PeerRow(r.name(), status, marked, r.named(), r.worker(), r.onHub(), r.live(), r.differences());
    }

    private void recount() {
        counts.clear();
        for (PeerRow r : rows) {
            counts.merge(r.status(), 1, Integer::sum);
        }
    }

    List<PeerRow> rows() {
        return rows;
    }

    long readAt() {
        return readAt;
    }

    int count(PeerStatus status) {
        return counts.getOrDefault(status, 0);
    }

    int workerCount() {
        return workerNames.size();
    }

    int markedCount() {
        return marks.size();
    }

    /** The selected workers the filter hides. */
    int hiddenMarks() {
        int hidden = 0;
        for (String m : marks) {
            if (!visibleIndex.containsKey(m)) {
                hidden++;
            }
        }
        return hidden;
    }

    Set<String> marks() {
        return Set.copyOf(marks);
    }

    boolean marked(PeerRow r) {
        return marks.contains(r.name());
    }

    boolean isMarked(String name) {
        return marks.contains(name);
    }

    // ---- filter and sort --------------------------------------------------------------------

    PeerFilter filter() {
        return filter;
    }

    void setFilter(String text) {
        filter = PeerFilter.of(text);
        refilter(sortedAt == 0 ? readAt : sortedAt);
        scroll = 0;
    }

    Sort sort() {
        return sort;
    }

    /** The next order ({@code s}); {@code now} ranks handshakes. */
    void cycleSort(long now) {
        sort = sort.next();
        refilter(now);
    }

    private void refilter(long now) {
        sortedAt = now;
        List<PeerRow> out = new ArrayList<>();
        for (PeerRow r : rows) {
            if (filter.matches(r)) {
                out.add(r);
            }
        }
        Comparator<PeerRow> order = comparator(sort);
        if (order != null) {
            out.sort(order);
        }
        visible = List.copyOf(out);
        Map<String, Integer> index = new HashMap<>(visible.size() * 2);
        for (int i = 0; i < visible.size(); i++) {
            index.putIfAbsent(visible.get(i).name(), i);
        }
        visibleIndex = index;
        if (cursor == null || !visibleIndex.containsKey(cursor)) {
            cursor = visible.isEmpty() ? null : visible.get(0).name();
        }
        if (anchor != null && !visibleIndex.containsKey(anchor)) {
            anchor = null;
        }
    }

    private static Comparator<PeerRow> comparator(Sort sort) {
        return switch (sort) {
            case HUB -> null;
            case NAME -> Comparator.comparing((PeerRow r) -> r.name().toLowerCase(Locale.ROOT))
                    .thenComparing(PeerRow::name);
            // the rows that need a look first, ok last
            case STATUS -> Comparator.comparingInt(r -> severity(r.status()));
            // never shook hands first, then the oldest handshake; not running last
            case HANDSHAKE -> Comparator.comparingLong(r -> r.live().map(LivePeer::latestHandshake)
                    .orElse(Long.MAX_VALUE));
            // the busiest first
            case TRANSFER -> Comparator.comparingLong(r -> -r.live().map(l -> l.rxBytes() + l.txBytes()).orElse(-1L));
        };
    }

    private static int severity(PeerStatus s) {
        return switch (s) {
            case MISSING -> 0;
            case CHANGED -> 1;
            case NEW -> 2;
            case EXTRA -> 3;
            case OK -> 4;
        };
    }

    List<PeerRow> visible() {
        return visible;
    }

    // ---- cursor -----------------------------------------------------------------------------

    String cursorName() {
        return cursor;
    }

    int cursorIndex() {
        Integer i = cursor == null ? null : visibleIndex.get(cursor);
        return i != null ? i : visible.isEmpty() ? -1 : 0;
    }

    Optional<PeerRow> current() {
        int i = cursorIndex();
        return i < 0 ? Optional.empty() : Optional.of(visible.get(i));
    }

    void moveTo(int index) {
        if (visible.isEmpty()) {
            return;
        }
        cursor = visible.get(Math.max(0, Math.min(visible.size() - 1, index))).name();
    }

    void move(int delta) {
        long target = (long) cursorIndex() + delta;
        moveTo((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, target)));
    }

    void page(int pages) {
        move(pages * Math.max(1, pageRows - 1));
    }

    void toEnd(boolean end) {
        moveTo(end ? visible.size() - 1 : 0);
    }

    /** Not ok: a status other than ok, or a handshake gone stale while the interface runs. */
    static boolean notOk(PeerRow r, long now) {
        return r.status() != PeerStatus.OK || r.live().map(l -> l.stale(now)).orElse(false);
    }

    /**
     * Moves to the next ({@code direction} 1) or previous (-1) visible row that is not ok,
     * wrapping around; false when every visible row is ok.
     */
    boolean jumpNotOk(int direction, long now) {
        int n = visible.size();
        int from = cursorIndex();
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + direction * step, n);
            if (notOk(visible.get(i), now)) {
                cursor = visible.get(i).name();
                return true;
            }
        }
        return false;
    }

    // ---- marks ------------------------------------------------------------------------------

    /** The workers among the visible rows, in their visible order. */
    List<String> visibleWorkers() {
        return visible.stream().filter(r -> r.worker().isPresent()).map(PeerRow::name).toList();
    }

    /**
     * Marks or unmarks these workers here; the caller tells the session. Names that are not
     * workers in the rows are skipped; returns the names that changed.
     */
    List<String> setMarked(Collection<String> names, boolean marked) {
        List<String> changed = new ArrayList<>();
        for (String n : names) {
            if (workerNames.contains(n) && (marked ? marks.add(n) : marks.remove(n))) {
                changed.add(n);
            }
        }
        if (!changed.isEmpty()) {
            List<PeerRow> out = new ArrayList<>(rows.size());
            for (PeerRow r : rows) {
                out.add(withMark(r, marks.contains(r.name())));
            }
            rows = List.copyOf(out);
            recount();
            refilter(sortedAt);
        }
        return changed;
    }

    /** The start of a range being marked ({@code V}), if one is. */
    Optional<String> anchor() {
        return Optional.ofNullable(anchor);
    }

    void startRange() {
        anchor = cursor;
    }

    void cancelRange() {
        anchor = null;
    }

    /** The visible rows from the range's start to the cursor, in order; empty without a range. */
    List<PeerRow> range() {
        if (anchor == null || cursor == null) {
            return List.of();
        }
        int a = visibleIndex.getOrDefault(anchor, cursorIndex());
        int b = cursorIndex();
        return visible.subList(Math.min(a, b), Math.max(a, b) + 1);
    }

    boolean inRange(int visibleIndex) {
        if (anchor == null) {
            return false;
        }
        int a = this.visibleIndex.getOrDefault(anchor, -1);
        int b = cursorIndex();
        return a >= 0 && visibleIndex >= Math.min(a, b) && visibleIndex <= Math.max(a, b);
    }
}
