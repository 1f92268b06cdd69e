package dev.wgtui.bench;

import dev.wgtui.repl.ShellOnTestbed;
import dev.wgtui.testbed.Testbed;
import dev.wgtui.testbed.TestbedExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An apply in an open shell at the speed of the work, on the testbed (needs root): the shell's
 * connections already open, and before each {@code apply cm4 --yes} the hub's file changed by
 * someone else and cm4's key rotated, so every apply reads afresh. Prints each apply's time and
 * SSH round trips, then the median. Not a test: a harness to run by hand,
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.wgtui.bench.ShellApplyBenchmark [-Dexec.args=ROUNDS]}.
 */
public final class ShellApplyBenchmark {

    private ShellApplyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> missing = Testbed.missingPrerequisites();
        if (!missing.isEmpty()) {
            System.err.println("cannot run a testbed here: " + String.join(", ", missing));
            System.exit(2);
        }
        Path dir = Testbed.newDir("ShellApplyBenchmark");
        try (Testbed bed = Testbed.start(dir, TestbedExtension.SAMPLE);
             ShellOnTestbed shell = ShellOnTestbed.open(bed, Files.createDirectories(dir.resolve("operator-files")))) {
            ShellOnTestbed.Run deploy = shell.run("apply all --workers --yes");
            if (deploy.exitCode() != 0) {
                throw new IllegalStateException("deploy failed:\n" + deploy.output());
            }
            List<Double> millis = new ArrayList<>();
            List<String> trips = List.of();
            for (int i = 1; i <= rounds; i++) {
                shell.changeHubFileOutside();
                String key = shell.rotateKey("cm4");
                ShellOnTestbed.Run apply = shell.run("apply cm4 --yes");
                if (apply.exitCode() != 0 || !apply.output().contains("+PublicKey = " + key)) {
                    throw new IllegalStateException("apply " + i + " failed:\n" + apply.output());
                }
                millis.add(apply.millis());
                trips = apply.roundTrips();
                System.out.printf("apply %2d: %6.1f ms, %d SSH round trips, started at %s, last came back at %.1f ms%n",
                        i, apply.millis(), apply.roundTrips().size(), String.join(", ", apply.roundTrips().stream()
                                .map(t -> t.substring(0, t.indexOf(" ms") + 3).strip()).toList()), apply.lastStepMillis());
            }
            List<Double> sorted = millis.stream().sorted().toList();
            System.out.printf("%d applies: median %.1f ms, min %.1f ms, max %.1f ms (first apply included)%n", rounds,
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
            System.out.println("round trips of the last apply:");
            trips.forEach(t -> System.out.println("  " + t));
        }
    }
}
