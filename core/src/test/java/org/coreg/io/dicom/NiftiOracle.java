package org.coreg.io.dicom;

import java.io.IOException;
import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;

/**
 * dcm2niix's NIfTI output read by Coreg's NIfTI reader, and a comparison with a Coreg DICOM volume that allows any
 * permutation or flip of the axes (dcm2niix flips rows) but requires the same world position for every voxel.
 */
final class NiftiOracle {
    final int[] size;
    final AffineMap indexToWorldLps;
    final double[] real;

    private NiftiOracle(int[] size, AffineMap indexToWorldLps, double[] real) {
        this.size = size;
        this.indexToWorldLps = indexToWorldLps;
        this.real = real;
    }

    /** dcm2niix's NIfTI as Coreg's NIfTI reader sees it (geometry in LPS, real values). */
    static NiftiOracle read(Path file) throws IOException {
        Volume v = ImageFormats.standard().read(file);
        double[] real = new double[v.voxels().length()];
        for (int i = 0; i < real.length; i++) {
            real[i] = v.realValue(i);
        }
        return new NiftiOracle(v.geometry().size(), v.geometry().indexToWorld(), real);
    }

    /**
     * Asserts that {@code v} has a voxel at the world position (within {@code tolMm}) of every oracle voxel, and
     * that real values agree within {@code tolValue}.
     */
    void assertSameAs(Volume v, double tolMm, double tolValue) {
        AffineMap m = v.geometry().worldToIndex().after(indexToWorldLps);
        double[] lin = m.linear();
        int[] perm = new int[3];
        int[] sign = new int[3];
        for (int r = 0; r < 3; r++) {
            int found = -1;
            for (int c = 0; c < 3; c++) {
                double x = lin[3 * r + c];
                if (Math.abs(Math.abs(x) - 1) < 1e-4) {
                    found = c;
                    sign[r] = x > 0 ? 1 : -1;
                } else if (Math.abs(x) > 1e-4) {
                    throw new AssertionError("index map Coreg<-dcm2niix is not a permutation/flip: " + m);
                }
            }
            if (found < 0) {
                throw new AssertionError("index map Coreg<-dcm2niix is not a permutation/flip: " + m);
            }
            perm[r] = found;
        }
        double[] t = m.translation();
        int[] shift = new int[3];
        for (int r = 0; r < 3; r++) {
            shift[r] = (int) Math.round(t[r]);
            double errMm = Math.abs(t[r] - shift[r]) * v.geometry().spacing(r);
            if (errMm > tolMm) {
                throw new AssertionError("voxel centres differ by " + errMm + " mm along Coreg axis " + r + ": " + m);
            }
        }
        for (int r = 0; r < 3; r++) {
            if (v.geometry().size(r) != size[perm[r]]) {
                throw new AssertionError("size along Coreg axis " + r + ": " + v.geometry().size(r) + " vs dcm2niix "
                        + size[perm[r]]);
            }
        }
        int[] idx = new int[3];
        int[] mine = new int[3];
        for (idx[2] = 0; idx[2] < size[2]; idx[2]++) {
            for (idx[1] = 0; idx[1] < size[1]; idx[1]++) {
                for (idx[0] = 0; idx[0] < size[0]; idx[0]++) {
                    for (int r = 0; r < 3; r++) {
                        mine[r] = sign[r] * idx[perm[r]] + shift[r];
                    }
                    double e = real[idx[0] + size[0] * (idx[1] + size[1] * idx[2])];
                    double a = v.realValue(mine[0], mine[1], mine[2]);
                    if (Math.abs(e - a) > tolValue) {
                        throw new AssertionError("dcm2niix voxel " + java.util.Arrays.toString(idx) + " = " + e
                                + ", Coreg voxel " + java.util.Arrays.toString(mine) + " = " + a);
                    }
                }
            }
        }
    }
}
