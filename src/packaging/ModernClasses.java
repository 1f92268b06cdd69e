import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Release build step (JDK 24+, run by release.sh as a source file): rewrites, inside the given
 * jars, every class compiled for Java 5 or older (class-file version below 50) as a Java 8 class
 * with stack maps, its code otherwise unchanged. The JVM's AOT cache leaves such old classes out
 * ("Old class has been linked"), and picocli ships as Java 5 classes: without this its ~170
 * classes load and verify from the jar on every start. Prints how many classes each jar had.
 *
 * <p>{@code java ModernClasses.java JAR...}
 */
public final class ModernClasses {

    private static final int OLDEST_KEPT = 50;
    private static final int WRITTEN_AS = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String jar : args) {
            urls.add(Path.of(jar).toUri().toURL());
        }
        try (URLClassLoader jars = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            // Stack maps name the common supertypes of merged values: look them up in these jars
            // as well as in the JDK.
            ClassFile files = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(jars))));
            ClassTransform rebuilt = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen(ClassTransform.endHandler(b -> b.withVersion(WRITTEN_AS, 0)));
            for (String jar : args) {
                int count = 0;
                try (FileSystem zip = FileSystems.newFileSystem(Path.of(jar));
                     Stream<Path> entries = Files.walk(zip.getPath("/"))) {
                    for (Path entry : entries.filter(p -> p.toString().endsWith(".class")).toList()) {
                        if (entry.toString().startsWith("/META-INF/")) {
                            continue;
                        }
                        ClassModel model = files.parse(Files.readAllBytes(entry));
                        if (model.majorVersion() < OLDEST_KEPT) {
                            Files.write(entry, files.transformClass(model, rebuilt));
                            count++;
                        }
                    }
                }
                if (count > 0) {
                    System.out.println(Path.of(jar).getFileName() + ": " + count + " classes older than Java 6 rewritten as Java 8");
                }
            }
        }
    }
}
