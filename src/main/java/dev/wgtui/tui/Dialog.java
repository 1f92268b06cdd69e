package dev.wgtui.tui;

import java.util.List;

/** A yes/no question over the screen: title, text, and what each answer does. */
record Dialog(String title, List<Line> body, String yesLabel, String noLabel, Runnable onYes, Runnable onNo) {
}
