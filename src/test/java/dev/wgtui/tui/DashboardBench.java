package dev.wgtui.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.wgtui.core.cluster.Cluster;
import dev.wgtui.core.cluster.ClusterLoader;
import dev.wgtui.core.inventory.Inventory;
import dev.wgtui.core.session.Session;
import dev.wgtui.core.session.WorkerKeys;
import dev.wgtui.local.LocalHub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A timing harness (not a test) for the dashboard on a big hub, in-process on Lanterna's virtual
 * terminal at 120x40: the table drawn after start, a frame after a key, {@code a}, a filter, a
 * sort, {@code v}, and the process's RSS after an apply. Run on a copy of DIR's inventory.yml
 * and wg0.conf (e.g. 10,000 hosts, see dev.wgtui.bench.GenerateHub):
 * <pre>
 * mvn -q test-compile
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     dev.wgtui.tui.DashboardBench /work/bench10k
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}); the JVM flags
 * are the launcher's.
 */
public final class DashboardBench {

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path source = Path.of(args.length > 0 ? args[0] : "/work/bench10k");
        Path dir = Files.createTempDirectory("wgtui-bench-");
        Files.copy(source.resolve("inventory.yml"), dir.resolve("inventory.yml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(source.resolve("wg0.conf"), dir.resolve("wg0.conf"), StandardCopyOption.REPLACE_EXISTING);
        // one worker the hub does not have yet, for an apply that writes
        Files.writeString(dir.resolve("inventory.yml"), "        zz-new: {wireguard_ip: 10.200.0.2, "
                + "wireguard_public_key: \"Enf+hoH/jWtZLBIoXuK8nqgd6F6m2iL/m3feMuENuW0=\"}\n",
                java.nio.file.StandardOpenOption.APPEND);

        Inventory inventory = Inventory.load(dir.resolve("inventory.yml"));
        Cluster cluster = ClusterLoader.load(inventory, Cluster.DEFAULT_HUB_GROUP, Cluster.DEFAULT_WORKER_GROUP);
        Session session = new Session(cluster, new LocalHub(cluster.hub().name(), dir.resolve("wg0.conf"),
                dir.resolve("preview"), Clock.systemUTC()), p -> {
                    try {
                        return inventory.limit(p);
                    } catch (Exception e) {
                        throw new IllegalArgumentException(e);
                    }
                }, WorkerKeys.NONE, Session.Options.defaults(), Clock.systemUTC());
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        Dashboard d = new Dashboard(session, Theme.load("default"), Commands.NONE, new TerminalScreen(terminal),
                Runnable::run);
        long[] clock = {0};
        d.nanoClock = () -> clock[0];
        long loaded = System.nanoTime();
        long startCpu = CPU.getCurrentThreadCpuTime();
        d.start();
        long drawn = System.nanoTime();
        long drawnCpu = CPU.getCurrentThreadCpuTime() - startCpu;
        System.out.printf(Locale.ROOT, "peers %d, workers %d%n", d.table.rows().size(), d.table.workerCount());
        System.out.printf(Locale.ROOT, "inventory read            %7.1f ms%n", ms(loaded - t0));
        System.out.printf(Locale.ROOT, "table drawn after start   wall %7.1f ms · cpu %7.1f ms (hub read, status "
                + "table, first frame)%n", ms(drawn - loaded), ms(drawnCpu));

        key(d, 'j');
        List<Long> frames = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            char c = i2c(i);
            frames.add(timed(() -> key(d, c)));
        }
        report("frame after j/k/G/g", frames);
        List<Long> renders = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("bench.renders", 100); i++) {
            renders.add(timed(d::render));
        }
        report("a frame alone (no key)", renders);

        List<Long> as = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("bench.a", 3); i++) {
            as.add(timed(() -> key(d, 'a')));
        }
        report("a (select every shown)", as);
        key(d, 'a');

        key(d, '/');
        List<Long> filter = new ArrayList<>();
        for (char c : "w0001".toCharArray()) {
            filter.add(timed(() -> key(d, c)));
        }
        report("filter, per character", filter);
        d.press(new KeyStroke(KeyType.Enter));
        report("a inside the filter", List.of(timed(() -> key(d, 'a'))));
        d.press(new KeyStroke(KeyType.Escape));

        List<Long> sort = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sort.add(timed(() -> key(d, 's')));
        }
        report("s (sort, each order)", sort);

        report("v (validate: read, check, draw)", List.of(timed(() -> key(d, 'v')), timed(() -> key(d, 'v'))));
        d.press(new KeyStroke(KeyType.Escape));

        // an apply that writes: the new worker alone (filter, a, A, y): plan, confirm, write, validate
        key(d, 'a');  // every worker, then none
        key(d, 'a');
        key(d, '/');
        for (char c : "zz-new".toCharArray()) {
            key(d, c);
        }
        d.press(new KeyStroke(KeyType.Enter));
        key(d, 'a');
        clock[0] += 1_000_000_000L;
        CPU_TIMES.clear();
        long apply = timed(() -> key(d, 'A'));
        clock[0] += 1_000_000_000L;
        apply += timed(() -> key(d, 'y'));
        long applyCpu = CPU_TIMES.stream().mapToLong(Long::longValue).sum();
        CPU_TIMES.clear();
        System.out.printf(Locale.ROOT, "A + y (apply %d worker)      wall %7.1f ms · cpu %7.1f ms · %s%n",
                d.table.markedCount(), ms(apply), ms(applyCpu), d.status.text());
        System.gc();
        System.out.printf(Locale.ROOT, "RSS after the apply       %7d MB (VmRSS of this JVM)%n", rssMb());
        d.close();
    }

    private static char i2c(int i) {
        return switch (i % 4) {
            case 0 -> 'j';
            case 1 -> 'k';
            case 2 -> 'G';
            default -> 'g';
        };
    }

    private static void key(Dashboard d, char c) {
        d.press(new KeyStroke(c, false, false));
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final List<Long> CPU_TIMES = new ArrayList<>();

    /** Wall time of {@code r}; its CPU time on this thread goes to {@link #CPU_TIMES} (less hurt by a busy machine). */
    private static long timed(Runnable r) {
        long c = CPU.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        r.run();
        long wall = System.nanoTime() - t;
        CPU_TIMES.add(CPU.getCurrentThreadCpuTime() - c);
        return wall;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        List<Long> cpu = new ArrayList<>(CPU_TIMES.subList(Math.max(0, CPU_TIMES.size() - nanos.size()), CPU_TIMES.size()));
        Collections.sort(cpu);
        CPU_TIMES.clear();
        System.out.printf(Locale.ROOT, "%-28s wall median %7.1f ms max %7.1f ms · cpu median %7.1f ms (n=%d)%n", what,
                ms(sorted.get(sorted.size() / 2)), ms(sorted.get(sorted.size() - 1)), ms(cpu.get(cpu.size() / 2)),
                sorted.size());
    }

    private static long rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
