package org.coreg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.io.transform.TransformFiles;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.Stage;
import org.coreg.registration.deformable.BSplineDeformation;
import org.coreg.registration.deformable.BSplineOptimizer;
import org.coreg.registration.deformable.BSplineSettings;
import org.coreg.registration.deformable.DeformableRegistration;
import org.coreg.registration.deformable.DeformableResult;
import org.coreg.registration.deformable.Deformations;
import org.coreg.registration.deformable.MultimodalCase;
import org.coreg.io.ImageFormats;
import org.coreg.transform.SpatialTransform;

/**
 * The B-spline benchmark's steps. {@code prepare DATA OUT}: OUT/moving.mha (MNI152 T1, 2 mm), OUT/fixed.mha (a
 * CT-like rendering of it through a known B-spline deformation, {@link MultimodalCase}). {@code register OUT}: Coreg's
 * rigid, affine and B-spline stages with defaults; writes OUT/coreg.tfm (ITK, fixed to moving); {@code register OUT
 * lbfgs[:N]} runs the B-spline stage with the L-BFGS option (full sampling; at most N iterations per level, default
 * 100) instead of stochastic descent. {@code score OUT FILE}:
 * reads any transform file (ITK or an elastix TransformParameters chain) and prints the mean residual displacement
 * (mm, vs the truth, inside the head) and the minimum Jacobian determinant and the fraction of fixed voxels where it
 * is not positive (central differences, 0.5 mm, on every fixed voxel: the same measure for both tools).
 */
public final class BSplineBench {
    private BSplineBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> {
                Path out = Path.of(args[2]);
                Files.createDirectories(out);
                Volume mr = ImageFormats.standard().read(Path.of(args[1])
                        .resolve("mni-ct-mr-templates/MNI152_T1_2mm.nii.gz"));
                Deformations.writeMha(mr, out.resolve("moving.mha"));
                Deformations.writeMha(MultimodalCase.fixed(mr, MultimodalCase.truth(mr.geometry()), 5),
                        out.resolve("fixed.mha"));
            }
            case "register" -> {
                Path out = Path.of(args[1]);
                Volume f = ImageFormats.standard().read(out.resolve("fixed.mha"));
                Volume m = ImageFormats.standard().read(out.resolve("moving.mha"));
                BSplineSettings b = BSplineSettings.defaults();
                if (args.length > 2 && args[2].startsWith("lbfgs")) {
                    b = b.withOptimizer(BSplineOptimizer.LBFGS);
                    if (args[2].startsWith("lbfgs:")) {
                        b = b.withLbfgsIterations(Integer.parseInt(args[2].substring(6)));
                    }
                }
                long t0 = System.nanoTime();
                DeformableResult r = new DeformableRegistration(RegistrationSettings.defaults()
                        .withStages(Stage.RIGID, Stage.AFFINE, Stage.BSPLINE), b, null, null)
                        .run(f, m);
                System.out.printf(Locale.ROOT, "coreg registration %.2f s%n", (System.nanoTime() - t0) / 1e9);
                r.log().forEach(System.out::println);
                TransformFiles.write(r.fixedToMoving(), out.resolve("coreg.tfm"));
            }
            case "score" -> {
                Path out = Path.of(args[1]);
                Volume mr = ImageFormats.standard().read(out.resolve("moving.mha"));
                ImageGeometry g = ImageFormats.standard().read(out.resolve("fixed.mha")).geometry();
                BSplineDeformation truth = MultimodalCase.truth(g);
                SpatialTransform found = TransformFiles.read(Path.of(args[2]));
                Predicate<double[]> inside = MultimodalCase.inside(mr, truth);
                double err = Deformations.meanError(g, truth.toTransform(), found, inside);
                double[] det = minDet(g, found);
                System.out.printf(Locale.ROOT, "%.4f %.4f %.6f%n", err, det[0], det[1]);
            }
            default -> throw new IllegalArgumentException("expected prepare, register or score, found " + args[0]);
        }
    }

    /** Minimum Jacobian determinant and fraction at most zero, by central differences of 0.5 mm. */
    private static double[] minDet(ImageGeometry g, SpatialTransform t) {
        AffineMap i2w = g.indexToWorld();
        double min = Double.MAX_VALUE;
        long bad = 0, n = 0;
        double h = 0.5;
        for (int k = 0; k < g.size(2); k++) {
            for (int j = 0; j < g.size(1); j++) {
                for (int i = 0; i < g.size(0); i++) {
                    double[] p = i2w.apply(new double[] {i, j, k});
                    double[] m = new double[9];
                    for (int c = 0; c < 3; c++) {
                        double[] u = p.clone();
                        double[] v = p.clone();
                        u[c] += h;
                        v[c] -= h;
                        double[] a = t.apply(u);
                        double[] b = t.apply(v);
                        for (int r = 0; r < 3; r++) {
                            m[3 * r + c] = (a[r] - b[r]) / (2 * h);
                        }
                    }
                    double d = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                            + m[2] * (m[3] * m[7] - m[4] * m[6]);
                    min = Math.min(min, d);
                    bad += d <= 0 ? 1 : 0;
                    n++;
                }
            }
        }
        return new double[] {min, (double) bad / n};
    }
}
