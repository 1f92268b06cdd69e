package dev.wgtui.tui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens the dashboard on the demo sample in this terminal, to look at it for real:
 * {@code java -cp ... dev.wgtui.tui.DashboardDemo [--local] [--theme NAME]}. The hub is a
 * copy of the demo's wg0.conf in a temporary directory (printed on exit); unless
 * {@code --local}, it has a pretend running interface so the live columns fill in.
 */
public final class DashboardDemo {

    private DashboardDemo() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        boolean local = a.contains("--local");
        int t = a.indexOf("--theme");
        Theme theme = Theme.load(t >= 0 && t + 1 < a.size() ? a.get(t + 1) : "default");
        Path dir = Files.createTempDirectory("wgtui-demo-");
        DemoCluster demo = local ? DemoCluster.local(dir) : DemoCluster.live(dir);
        Dashboard.run(demo.session, theme, Commands.printing(line -> {
            String[] words = line.strip().split("\\s+", 2);
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "select" -> {
                    List<String> ignored = demo.session.select(words.length > 1 ? words[1] : "");
                    return "selected " + String.join(", ", demo.session.selectedWorkers())
                            + (ignored.isEmpty() ? "" : " (not workers, ignored: " + String.join(", ", ignored) + ")");
                }
                case "sleep" -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "slept 3 s";
                }
                case "help" -> {
                    return "demo commands:\n  select PATTERN   select workers (names, commas, all)\n"
                            + "  sleep            take 3 seconds (watch the spinner)\n  help             this";
                }
                default -> {
                    return Dashboard.NO_COMMANDS.apply(line);
                }
            }
        }), d -> { });
        System.out.println("demo files left in " + dir);
    }
}
