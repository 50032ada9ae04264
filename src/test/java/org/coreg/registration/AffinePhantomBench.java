package org.coreg.registration;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;

/**
 * The affine phantom pair of {@link PhantomRegistrationTest#recoversAffineTransformAfterRigid} for
 * bench/affine-vs-elastix.sh: {@code prepare DIR} writes fixed.mha and moving.mha (MetaImage, LPS); {@code score DIR
 * FILE} prints the worst error (mm) at the corners of a 100 mm cube of the fixed->moving transform in FILE (ITK .tfm
 * or an elastix TransformParameters chain) against the known one.
 */
public final class AffinePhantomBench {
    private AffinePhantomBench() {
    }

    public static void main(String[] args) throws Exception {
        String[] a = java.util.Arrays.copyOfRange(args, 1, args.length);
        if (!args[0].equals("prepare") && !args[0].equals("score")) {
            throw new IllegalArgumentException("expected prepare DIR or score DIR FILE, found " + args[0]);
        }
        Path out = Path.of(a[0]);
        Files.createDirectories(out);
        AffineMap rigid = Phantom.rigid(6, 4, -7, new double[] {-5, 8, 3}, new double[] {0, 0, 0});
        AffineMap scale = AffineMap.ofRowMajor3x4(1.06, 0.03, 0, 0, 0, 0.95, 0.02, 0, -0.02, 0, 1.04, 0);
        AffineMap truth = rigid.after(scale);
        if (a.length > 1) {
            org.coreg.transform.SpatialTransform t = org.coreg.io.transform.TransformFiles.read(Path.of(a[1]));
            double[] o = t.apply(0, 0, 0), x = t.apply(1, 0, 0), y = t.apply(0, 1, 0), z = t.apply(0, 0, 1);
            AffineMap found = AffineMap.ofRowMajor3x4(x[0] - o[0], y[0] - o[0], z[0] - o[0], o[0], x[1] - o[1], y[1] - o[1],
                    z[1] - o[1], o[1], x[2] - o[2], y[2] - o[2], z[2] - o[2], o[2]);
            System.out.printf(java.util.Locale.ROOT, "%.4f%n", Phantom.cornerError(found, truth, new double[] {0, 0, 0},
                    50));
            return;
        }
        Volume fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 3);
        Volume moving = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, 4);
        org.coreg.registration.deformable.Deformations.writeMha(fixed, out.resolve("fixed.mha"));
        org.coreg.registration.deformable.Deformations.writeMha(moving, out.resolve("moving.mha"));
    }
}
