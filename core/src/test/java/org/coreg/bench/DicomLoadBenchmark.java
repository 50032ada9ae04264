package org.coreg.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.coreg.image.Volume;
import org.coreg.io.dicom.DicomReadOptions;
import org.coreg.io.dicom.DicomReader;

/**
 * Times loading DICOM folders into volumes in one JVM: 2 warm-up loads, then {@code runs} measured loads (scan,
 * sort, decode, geometry). Prints one line per folder: {@code FOLDER median_ms min_ms max_ms (checksum N) cpu
 * median_cpu_ms}, the last being the process CPU time of a load (all threads; a fair peer figure on a busy machine).
 * Usage: DicomLoadBenchmark RUNS DIR [DIR ...]
 */
public final class DicomLoadBenchmark {
    private DicomLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        DicomReader reader = new DicomReader(DicomReadOptions.STRICT);
        for (int a = 1; a < args.length; a++) {
            Path dir = Path.of(args[a]);
            long checksum = 0;
            for (int w = 0; w < 2; w++) {
                checksum += reader.read(dir).voxels().length();
            }
            double[] ms = new double[runs];
            double[] cpu = new double[runs];
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int r = 0; r < runs; r++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                Volume v = reader.read(dir);
                ms[r] = (System.nanoTime() - t0) / 1e6;
                cpu[r] = (os.getProcessCpuTime() - c0) / 1e6;
                checksum += v.voxels().length();
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf(java.util.Locale.ROOT, "%s %.0f %.0f %.0f (checksum %d) cpu %.0f%n", dir, ms[runs / 2],
                    ms[0], ms[runs - 1], checksum, cpu[runs / 2]);
        }
    }
}
