package org.coreg.testing;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code @Test} methods of one JUnit test class (or one of them) in this JVM, without JUnit: each on a new
 * instance whose {@code @TempDir} fields get a fresh folder, with its {@code @BeforeEach}/{@code @AfterEach}. Used to
 * run fuzz tests in a JVM of their own with a small heap, where an allocation a file only claims fails the test.
 * Prints one line per method and the peak heap and resident memory; exits 1 if any method failed.
 *
 * <p>Usage: {@code java -Xmx256m -cp CLASSPATH org.coreg.testing.ForkedTestClass CLASS [METHOD]}
 */
public final class ForkedTestClass {
    private ForkedTestClass() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        int failed = 0;
        int ran = 0;
        for (Method m : type.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(Test.class) || args.length > 1 && !m.getName().equals(args[1])) {
                continue;
            }
            ran++;
            Path tmp = Files.createTempDirectory("coreg-forked-");
            long t0 = System.nanoTime();
            try {
                var ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                Object test = ctor.newInstance();
                for (Field f : type.getDeclaredFields()) {
                    if (f.isAnnotationPresent(TempDir.class) && !Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        f.set(test, Files.createTempDirectory(tmp, f.getName()));
                    }
                }
                invokeAll(type, test, BeforeEach.class);
                m.setAccessible(true);
                try {
                    m.invoke(test);
                } finally {
                    invokeAll(type, test, AfterEach.class);
                }
                System.out.printf("PASS %s.%s (%.1f s)%n", type.getSimpleName(), m.getName(),
                        (System.nanoTime() - t0) / 1e9);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause != null && cause.getClass().getName().equals("org.opentest4j.TestAbortedException")) {
                    System.out.printf("SKIP %s.%s: %s%n", type.getSimpleName(), m.getName(), cause.getMessage());
                } else {
                    failed++;
                    System.out.printf("FAIL %s.%s: %s%n", type.getSimpleName(), m.getName(), cause);
                    if (cause != null) {
                        cause.printStackTrace(System.out);
                    }
                }
            } finally {
                delete(tmp);
            }
        }
        System.out.printf("PEAK heap %d MiB of %d MiB max; resident %s%n", peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, residentPeak());
        System.out.flush();
        System.exit(failed == 0 && ran > 0 ? 0 : 1);
    }

    private static void invokeAll(Class<?> type, Object test, Class<? extends java.lang.annotation.Annotation> a)
            throws Exception {
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(a)) {
                m.setAccessible(true);
                m.invoke(test);
            }
        }
    }

    /** Sum over the heap pools of their peak use. */
    private static long peakHeap() {
        long sum = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The process's peak resident set (VmHWM), where /proc has it. */
    private static String residentPeak() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip()).findFirst()
                    .orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temporary folder
        }
    }
}
