package dev.wgtui.tui;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The pane below (or beside) the table: a stack, so a backup's diff, help or an error opens over
 * what was there and esc goes back to it; and which of table and pane has the focus.
 */
final class Panes {

    enum Focus { TABLE, PANE }

    private final Deque<Pane> stack = new ArrayDeque<>();
    private Focus focus = Focus.TABLE;

    /** Shows {@code pane} in place of whatever was shown; it gets the focus. */
    void open(Pane pane) {
        stack.clear();
        push(pane);
    }

    /** Shows {@code pane} over the current one (one of a kind: it replaces the same kind on top). */
    void push(Pane pane) {
        if (!stack.isEmpty() && stack.peek().kind == pane.kind) {
            stack.pop();
        }
        stack.push(pane);
        focus = Focus.PANE;
    }

    /** Replaces the top pane without moving the focus (a pane that follows the cursor). */
    void replaceTop(Pane pane) {
        if (!stack.isEmpty()) {
            stack.pop();
        }
        stack.push(pane);
    }

    Pane top() {
        return stack.peek();
    }

    boolean isEmpty() {
        return stack.isEmpty();
    }

    Iterable<Pane> all() {
        return stack;
    }

    /** Closes the top pane; false when there was none. */
    boolean back() {
        if (stack.isEmpty()) {
            return false;
        }
        stack.pop();
        if (stack.isEmpty()) {
            focus = Focus.TABLE;
        }
        return true;
    }

    Focus focus() {
        return stack.isEmpty() ? Focus.TABLE : focus;
    }

    void focus(Focus f) {
        focus = f;
    }

    void switchFocus() {
        focus = focus() == Focus.TABLE ? Focus.PANE : Focus.TABLE;
    }
}
