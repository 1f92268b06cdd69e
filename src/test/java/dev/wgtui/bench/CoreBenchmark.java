package dev.wgtui.bench;

import dev.wgtui.core.config.ConfigCheck;
import dev.wgtui.core.config.PeerMerge;
import dev.wgtui.core.config.PeerSpec;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.plan.Plan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The core on a 10,000-peer hub: parse, merge of a partial selection, write, the refuse-rule
 * check, and the redacted diff. Run: {@code mvn -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreBenchmark {

    public static final int PEERS = 10_000;

    String text;
    WgConfig parsed;
    List<PeerSpec> selection;
    String merged;

    /** A hub with {@code peers} named peers, as a generator for benchmarks and the end-to-end timing. */
    public static String hub(int peers, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("[Interface]\nAddress = 10.0.0.1/16\nListenPort = 51820\n"
                + "PostUp = wg set %i private-key /etc/wireguard/privatekey\n");
        for (int i = 0; i < peers; i++) {
            sb.append("\n[Peer]\n# node").append(String.format("%05d", i)).append('\n')
                    .append("PublicKey = ").append(key(rnd)).append('\n')
                    .append("AllowedIPs = 10.0.").append(i / 250).append('.').append(i % 250 + 2).append("/32\n");
        }
        return sb.toString();
    }

    static String key(Random rnd) {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Setup
    public void setUp() {
        text = hub(PEERS, 42);
        parsed = WgConfig.parse("wg0.conf", text);
        Random rnd = new Random(7);
        // a partial run: one existing worker with a rotated key, one new worker
        selection = List.of(new PeerSpec("node04242", key(rnd), List.of("10.0.16.244/32"), null, null),
                new PeerSpec("zz-new", key(rnd), List.of("10.0.200.2/32"), null, 25));
        merged = PeerMerge.merge(parsed, selection).config().render();
    }

    @Benchmark
    public WgConfig parse() {
        return WgConfig.parse("wg0.conf", text);
    }

    @Benchmark
    public WgConfig merge() {
        return PeerMerge.merge(parsed, selection).config();
    }

    @Benchmark
    public String write() {
        return parsed.render();
    }

    @Benchmark
    public String parseMergeWrite() {
        return PeerMerge.merge(WgConfig.parse("wg0.conf", text), selection).config().render();
    }

    @Benchmark
    public int check() {
        return ConfigCheck.problems(parsed).size();
    }

    @Benchmark
    public String diff() {
        return Plan.unifiedDiff(text, merged, "current", "preview");
    }
}
