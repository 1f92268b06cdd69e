package dev.wgtui.bench;

import dev.wgtui.core.config.ConfigCheck;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.RenderCheck;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.plan.Plan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code diff} of one changed peer on a big hub, sorted by name or not: the plan as a session
 * makes it (merge, render, parse again, check the text against the plan and the refuse rules)
 * and the redacted unified diff. Run:
 * {@code mvn -Pbench test-compile exec:exec -Djmh.args='DiffBenchmark'}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DiffBenchmark {

    @Param({"10000", "100000"})
    public int peers;

    @Param({"sorted", "unsorted"})
    public String order;

    WgConfig current;
    List<PeerSpec> change;

    /** A hub of {@code peers} named peers, in name order or shuffled. */
    public static String hub(int peers, boolean sorted, long seed) {
        Random rnd = new Random(seed);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < peers; i++) {
            ids.add(i);
        }
        if (!sorted) {
            Collections.shuffle(ids, rnd);
        }
        StringBuilder sb = new StringBuilder("[Interface]\nAddress = 10.0.0.1/8\nListenPort = 51820\n"
                + "PostUp = wg set %i private-key /etc/wireguard/privatekey\n");
        for (int i : ids) {
            sb.append("\n[Peer]\n# node").append(String.format("%06d", i)).append('\n')
                    .append("PublicKey = ").append(CoreBenchmark.key(new Random(i))).append('\n')
                    .append("AllowedIPs = ").append(address(i)).append("/32\n");
        }
        return sb.toString();
    }

    static String address(int i) {
        return "10." + (i / 62500) + "." + (i / 250 % 250) + "." + (i % 250 + 2);
    }

    @Setup
    public void setUp() {
        current = WgConfig.parse("wg0.conf", hub(peers, order.equals("sorted"), 42));
        int target = peers / 2;
        change = List.of(new PeerSpec(String.format("node%06d", target), CoreBenchmark.key(new Random(-1)),
                List.of(address(target) + "/32"), null, null));
    }

    /** The plan for one rotated key, checked as Session checks it. */
    @Benchmark
    public Plan plan() {
        PeerMerge.Result merge = PeerMerge.merge(current, change);
        WgConfig written = WgConfig.parse("wg0.conf", merge.config().render());
        if (!RenderCheck.mismatches(current, merge.config(), written,
                Map.of(change.get(0).name(), change.get(0)), Set.of()).isEmpty()
                || ConfigCheck.problems(written).stream().anyMatch(p -> p.isError())) {
            throw new IllegalStateException("the plan does not hold");
        }
        return new Plan("hub", "/etc/wireguard/wg0.conf", "/tmp/wg0.conf.preview", current, "x", written, merge);
    }

    /** The plan and its diff: what {@code wgtui diff} computes. */
    @Benchmark
    public String diff() {
        return plan().unifiedDiff();
    }
}
