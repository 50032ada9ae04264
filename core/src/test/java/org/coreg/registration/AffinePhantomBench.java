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
        AffineMap truth = PhantomRegistrationTest.affineTruth();
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
