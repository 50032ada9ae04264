package org.coreg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.registration.Phantom;
import org.coreg.registration.PhantomRegistrationTest;
import org.coreg.registration.Registration;
import org.coreg.registration.RegistrationResult;
import org.coreg.registration.RegistrationSettings;
import org.coreg.io.ImageFormats;

/**
 * The registration benchmark's two steps. {@code prepare DATA OUT}: writes two pairs, each as PAIR-fixed.mha,
 * PAIR-moving.mha, PAIR-truth.txt (the true fixed-to-moving map, 12 numbers, LPS mm) and PAIR-corners.txt: "mni"
 * (MNI T1 fixed; the MNI CT placed through a known rigid transform, 30 degrees about the image centre and 40 mm)
 * and "phantom" (the synthetic head phantom, MR-like fixed, CT-like moving, exact truth). {@code register OUT PAIR}:
 * registers with Coreg's defaults and writes OUT/PAIR-coreg.txt (the found map, 12 numbers).
 */
public final class RegistrationBench {
    private RegistrationBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("prepare")) {
            Path data = Path.of(args[1]);
            Path out = Path.of(args[2]);
            Files.createDirectories(out);
            Volume t1 = ImageFormats.standard().read(data.resolve("mni-ct-mr-templates/MNI152_T1_2mm.nii.gz"));
            Volume ct = ImageFormats.standard().read(data.resolve("mni-ct-mr-templates/scct.nii"));
            double[] axis = {0.6, -0.48, 0.64};
            double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
            double[] rot = axisAngle(new double[] {axis[0] / n, axis[1] / n, axis[2] / n}, Math.toRadians(30));
            double[] c = t1.geometry().center();
            double[] rc = AffineMap.of(rot, new double[3]).apply(c);
            AffineMap truth = AffineMap.of(rot, new double[] {c[0] - rc[0] + 24, c[1] - rc[1] - 24, c[2] - rc[2] + 20.78});
            writeMha(t1, out.resolve("mni-fixed.mha"));
            writeMha(moved(ct, truth), out.resolve("mni-moving.mha"));
            // The CT where the template puts it: each tool's answer on this pair is its own MI optimum, against which
            // its answer on the moved pair is checked (the pair's MI optimum is not the identity).
            writeMha(ct, out.resolve("mni-unmoved.mha"));
            Files.writeString(out.resolve("mni-truth.txt"), numbers(truth));
            Files.writeString(out.resolve("mni-corners.txt"), brainBoxCorners(t1));
            // The synthetic head phantom: exact ground truth (an MR-like and a CT-like rendering, 12 deg / 14 mm).
            AffineMap ptruth = Phantom.rigid(8, -5, 12, new double[] {7, -11, 5}, new double[] {3, -4, 6});
            writeMha(Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1),
                    out.resolve("phantom-fixed.mha"));
            writeMha(Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, ptruth, 6, 2),
                    out.resolve("phantom-moving.mha"));
            Files.writeString(out.resolve("phantom-truth.txt"), numbers(ptruth));
            StringBuilder pc = new StringBuilder();
            for (int s = 0; s < 8; s++) {
                pc.append(String.format(Locale.ROOT, "%d %d %d%n", (s & 1) == 0 ? -60 : 60, (s & 2) == 0 ? -60 : 60,
                        (s & 4) == 0 ? -60 : 60));
            }
            Files.writeString(out.resolve("phantom-corners.txt"), pc.toString());
        } else if (args[0].equals("warm")) {
            // Registrations repeated in one JVM, as the workstation runs them: median of runs 2..N.
            Path out = Path.of(args[1]);
            String pair = args[2];
            int n = Integer.parseInt(args[3]);
            Volume f = ImageFormats.standard().read(out.resolve(pair + "-fixed.mha"));
            Volume m = ImageFormats.standard().read(out.resolve(pair + "-moving.mha"));
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                new Registration(RegistrationSettings.defaults()).run(f, m);
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
            double[] later = java.util.Arrays.copyOfRange(t, 1, n);
            java.util.Arrays.sort(later);
            System.out.printf(Locale.ROOT, "%.2f%n", later[later.length / 2]);
        } else {
            Path out = Path.of(args[1]);
            String pair = args[2];
            long r0 = System.nanoTime();
            Volume f = ImageFormats.standard().read(out.resolve(pair + "-fixed.mha"));
            Volume m = ImageFormats.standard().read(out.resolve(pair + "-moving.mha"));
            long t0 = System.nanoTime();
            System.out.printf(Locale.ROOT, "JVM up %d ms before main; read %.2f s%n", System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() - (t0 - r0) / 1_000_000,
                    (t0 - r0) / 1e9);
            RegistrationResult r = new Registration(RegistrationSettings.defaults()).run(f, m);
            System.out.printf(Locale.ROOT, "coreg registration %.2f s%n", (System.nanoTime() - t0) / 1e9);
            r.log().forEach(System.out::println);
            Files.writeString(out.resolve(pair + "-coreg.txt"), numbers(r.fixedToMoving()));
        }
    }

    /** The 8 corners (LPS mm, one per line) of the box around voxels above 30% of the maximum. */
    private static String brainBoxCorners(Volume v) {
        float[] f = v.toFloatArray();
        float max = Float.NEGATIVE_INFINITY;
        for (float x : f) {
            max = Math.max(max, x);
        }
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        ImageGeometry g = v.geometry();
        int idx = 0;
        for (int k = 0; k < g.size(2); k++) {
            for (int j = 0; j < g.size(1); j++) {
                for (int i = 0; i < g.size(0); i++, idx++) {
                    if (f[idx] > 0.3 * max) {
                        double[] p = g.indexToWorld(i, j, k);
                        for (int d = 0; d < 3; d++) {
                            lo[d] = Math.min(lo[d], p[d]);
                            hi[d] = Math.max(hi[d], p[d]);
                        }
                    }
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < 8; s++) {
            sb.append(String.format(Locale.ROOT, "%.3f %.3f %.3f%n", (s & 1) == 0 ? lo[0] : hi[0],
                    (s & 2) == 0 ? lo[1] : hi[1], (s & 4) == 0 ? lo[2] : hi[2]));
        }
        return sb.toString();
    }

    private static String numbers(AffineMap m) {
        StringBuilder sb = new StringBuilder();
        for (double v : m.rowMajor3x4()) {
            sb.append(String.format(Locale.ROOT, "%.9f ", v));
        }
        return sb.toString().trim() + "\n";
    }

    private static Volume moved(Volume v, AffineMap fixedToMoving) {
        AffineMap i2w = fixedToMoving.after(v.geometry().indexToWorld());
        double[] a = i2w.linear();
        double[] spacing = v.geometry().spacing();
        double[] dir = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                dir[3 * r + c] = a[3 * r + c] / spacing[c];
            }
        }
        return v.withGeometry(ImageGeometry.of(v.geometry().size(), spacing, i2w.translation(), dir));
    }

    private static double[] axisAngle(double[] u, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
        return new double[] {
            t * u[0] * u[0] + c, t * u[0] * u[1] - s * u[2], t * u[0] * u[2] + s * u[1],
            t * u[0] * u[1] + s * u[2], t * u[1] * u[1] + c, t * u[1] * u[2] - s * u[0],
            t * u[0] * u[2] - s * u[1], t * u[1] * u[2] + s * u[0], t * u[2] * u[2] + c
        };
    }

    private static void writeMha(Volume v, Path file) throws IOException {
        ImageFormats.standard().write(v, file);
    }
}
