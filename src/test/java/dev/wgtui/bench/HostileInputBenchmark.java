package dev.wgtui.bench;

import dev.wgtui.core.config.ConfigCheck;
import dev.wgtui.core.config.WgConfig;
import dev.wgtui.core.inventory.Inventory;
import dev.wgtui.core.inventory.InventoryException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Review of the core (REVIEW.md F15, F16): inputs whose cost grows with the square of their
 * size. Doubling {@code n} should double the time; here it quadruples. Run:
 * {@code mvn -Pbench test-compile exec:exec -Djmh.args='HostileInputBenchmark'}.
 *
 * <ul>
 * <li>{@code parseUnmatchedOpeningMarkers}: a run of n PiVPN opening markers with no closing
 *     one (WgConfig.disabledBlockEnd scans forward from every one of them);</li>
 * <li>{@code loadInventoryWithOneGroupPerHost}: an {@code ansible-inventory --list} export where
 *     every host also has a group of its own, as cloud plugins make them (Inventory's
 *     constructor filters the whole host list once per group).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class HostileInputBenchmark {

    @Param({"4000", "8000", "16000"})
    int n;

    String markers;
    Path inventory;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringBuilder sb = new StringBuilder("[Interface]\nListenPort = 51820\n");
        for (int i = 0; i < n; i++) {
            sb.append("#[disabled] ### begin x ###\n");
        }
        sb.append("[Peer]\nPublicKey = UHvBNQmvJ84Knx+0WvwkQYO4tI8k+ZJjVZFOCga9ygk=\nAllowedIPs = 10.0.0.2/32\n");
        markers = sb.toString();

        StringBuilder json = new StringBuilder("{\"_meta\": {\"hostvars\": {");
        for (int i = 0; i < n; i++) {
            json.append(i > 0 ? "," : "").append("\"h").append(i).append("\": {\"wireguard_ip\": \"10.")
                    .append(i / 65536).append('.').append(i / 256 % 256).append('.').append(i % 256).append("\"}");
        }
        json.append("}}, \"workers\": {\"hosts\": [");
        for (int i = 0; i < n; i++) {
            json.append(i > 0 ? "," : "").append("\"h").append(i).append('"');
        }
        json.append("]}");
        for (int i = 0; i < n; i++) {
            json.append(", \"i_").append(i).append("\": {\"hosts\": [\"h").append(i).append("\"]}");
        }
        json.append('}');
        inventory = Files.createTempFile("wgtui-bench", ".json");
        Files.writeString(inventory, json);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(inventory);
    }

    @Benchmark
    public int parseUnmatchedOpeningMarkers() {
        WgConfig c = WgConfig.parse("hub", markers);
        return c.peers().size() + ConfigCheck.problems(c).size();
    }

    @Benchmark
    public int loadInventoryWithOneGroupPerHost() throws InventoryException {
        return Inventory.load(inventory).hostsOf("workers").size();
    }
}
