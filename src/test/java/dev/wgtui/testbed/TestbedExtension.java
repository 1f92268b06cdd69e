package dev.wgtui.testbed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the sample cluster once per test class and hands it to tests as a {@link Testbed}
 * parameter (in {@code @BeforeAll}, {@code @BeforeEach}, {@code @Test} methods or the
 * constructor); tears it down after the class. Skips the class, saying why, when the machine
 * cannot run a testbed (not root, a tool missing).
 *
 * <pre>{@code
 * @Tag("testbed")
 * @ExtendWith(TestbedExtension.class)
 * class ApplyTest {
 *     @Test
 *     void addsAWorker(Testbed bed) {
 *         TestHost hub = bed.host(TestbedExtension.HUB);
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class TestbedExtension implements BeforeAllCallback, ParameterResolver {

    /** The control plane: the WireGuard hub. */
    public static final String HUB = "k8s";
    /** The hub's WireGuard listen port in the sample cluster. */
    public static final int HUB_PORT = 51820;
    /** The workers, in inventory order. */
    public static final List<String> WORKERS = List.of("cm4", "s2204", "k8s-proxy");

    /** The sample cluster: the hub and its workers with their WireGuard addresses. */
    public static final List<TestHost> SAMPLE = List.of(
            TestHost.wanted("k8s", "10.0.0.20"),
            TestHost.wanted("cm4", "10.0.0.3"),
            TestHost.wanted("s2204", "10.0.0.4"),
            TestHost.wanted("k8s-proxy", "10.0.0.21"));

    /**
     * The sample cluster as an Ansible YAML inventory on {@code bed}: the hub in control_plane,
     * the workers in workers, each with its ansible_host and wireguard_ip, reached as {@code user}
     * with the operator key ({@code become}: ansible_become).
     */
    public static String sampleInventory(Testbed bed, String user, boolean become) {
        StringBuilder yml = new StringBuilder("all:\n  vars:\n    ansible_user: " + user + "\n    ansible_become: "
                + become + "\n    ansible_ssh_private_key_file: " + bed.operatorKey() + "\n  children:\n");
        yml.append("    control_plane:\n      hosts:\n").append(inventoryHost(bed, HUB));
        yml.append("    workers:\n      hosts:\n");
        for (String w : WORKERS) {
            yml.append(inventoryHost(bed, w));
        }
        return yml.toString();
    }

    private static String inventoryHost(Testbed bed, String name) {
        TestHost h = bed.host(name);
        return "        " + name + ":\n          ansible_host: " + h.underlayIp() + "\n          wireguard_ip: " + h.wgIp() + "\n";
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestbedExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        List<String> missing = Testbed.missingPrerequisites();
        assumeTrue(missing.isEmpty(), () -> "testbed cannot run here: " + String.join(", ", missing));
        // The store closes the Testbed (it is AutoCloseable) when the class's context ends.
        context.getStore(NAMESPACE).getOrComputeIfAbsent(Testbed.class,
                key -> Testbed.start(Testbed.newDir(context.getRequiredTestClass().getSimpleName()), SAMPLE),
                Testbed.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Testbed.class;
    }

    @Override
    public Testbed resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Testbed bed = context.getStore(NAMESPACE).get(Testbed.class, Testbed.class);
        if (bed == null) {
            throw new TestbedException("no testbed: TestbedExtension starts it in beforeAll");
        }
        return bed;
    }
}
