package org.coreg.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.image.RasLps;
import org.coreg.image.Volume;

/**
 * Test-only reader for the uncompressed NIfTI-1 files dcm2niix writes (the NIfTI reader is not on main yet): the
 * sform as an LPS index-to-world map, the real voxel values, and a comparison with a Coreg volume that allows any
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

    static NiftiOracle read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer h = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != 348) {
            throw new IOException(file + ": not a little-endian NIfTI-1 file");
        }
        int[] size = {h.getShort(42), h.getShort(44), h.getShort(46)};
        int datatype = h.getShort(70);
        int voxOffset = (int) h.getFloat(108);
        double slope = h.getFloat(112);
        double inter = h.getFloat(116);
        if (slope == 0) {
            slope = 1;
            inter = 0;
        }
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = h.getFloat(280 + 4 * i);
        }
        AffineMap ras = AffineMap.ofRowMajor3x4(srow);
        AffineMap lps = RasLps.flipOutput(ras);
        int n = size[0] * size[1] * size[2];
        double[] real = new double[n];
        ByteBuffer d = ByteBuffer.wrap(all, voxOffset, all.length - voxOffset).slice().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            double v = switch (datatype) {
                case 2 -> d.get(i) & 0xFF;
                case 4 -> d.getShort(2 * i);
                case 512 -> d.getShort(2 * i) & 0xFFFF;
                case 16 -> d.getFloat(4 * i);
                default -> throw new IOException(file + ": datatype " + datatype + " not handled by the test oracle");
            };
            real[i] = v * slope + inter;
        }
        return new NiftiOracle(size, lps, real);
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
