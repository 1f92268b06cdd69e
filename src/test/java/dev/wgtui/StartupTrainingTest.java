package dev.wgtui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release's start-up cache is trained by running these paths; each must end as expected, or
 * `mvn package` fails late. Run here too, in a child JVM as the release build runs it.
 */
class StartupTrainingTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyTrainingPathEndsAsExpected(@TempDir Path state) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.wgtui.StartupTraining", state.toString())).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    /**
     * The checkout's {@code ./wgtui} records a class-data archive from the same training
     * ({@code -XX:ArchiveClassesAtExit}) on the JDK it runs on. JDK 17 crashed recording it while
     * a lambda implemented one of picocli's (Java 5) interfaces, leaving a JVM crash report in the
     * operator's directory on the README's first command.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theCheckoutLaunchersArchiveIsRecordedWithoutACrash(@TempDir Path dir) throws Exception {
        // CDS takes jars only: the main classes as a jar, then every jar of the class path
        List<String> jars = new ArrayList<>();
        jars.add(jarOf(mainClasses(), dir.resolve("wgtui.jar")).toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(entry);
            }
        }
        Path archive = dir.resolve("wgtui.jsa");
        Path state = Files.createDirectories(dir.resolve("state"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-XX:ArchiveClassesAtExit=" + archive,
                "-cp", String.join(File.pathSeparator, jars), "dev.wgtui.StartupTraining", state.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(archive).isNotEmptyFile();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }

    private static Path mainClasses() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Files.isRegularFile(Path.of(entry, "dev", "wgtui", "StartupTraining.class"))) {
                return Path.of(entry);
            }
        }
        throw new IllegalStateException("no directory of main classes on the class path");
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> all = Files.walk(classes)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
