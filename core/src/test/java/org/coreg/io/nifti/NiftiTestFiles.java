package org.coreg.io.nifti;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.testing.TestVolumes;

/** Hand-made NIfTI-1 files with chosen transform fields, for precedence, bad-input and fuzz tests. */
final class NiftiTestFiles {
    static final int[] SIZE = {4, 3, 2};

    private NiftiTestFiles() {
    }

    /** A rotation (RAS, row-major) and its quaternion (b, c, d). */
    static double[] bcd(double ax, double ay, double az) {
        double[] q = NiftiQuaternion.fromDirection(TestVolumes.rotation(ax, ay, az));
        return new double[] {q[0], q[1], q[2]};
    }

    /** srow (3x4 row-major) of rotation R(ax, ay, az) times diag(spacing), plus offset. */
    static double[] srow(double[] rotation, double[] spacing, double[] offset) {
        double[] s = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                s[4 * r + c] = rotation[3 * r + c] * spacing[c];
            }
            s[4 * r + 3] = offset[r];
        }
        return s;
    }

    static NiftiHeader header(int qcode, double[] quatern, double qfac, double[] qoffset, int scode, double[] srow,
                              double[] spacing) {
        long[] dim = {3, SIZE[0], SIZE[1], SIZE[2], 1, 1, 1, 1};
        double[] pixdim = {qfac, spacing[0], spacing[1], spacing[2], 0, 0, 0, 0};
        return new NiftiHeader(NiftiVersion.NIFTI1, ByteOrder.LITTLE_ENDIAN, true, dim, 4, 16, pixdim, 352, 0, 0, 2,
                qcode, scode, quatern, qoffset, srow, "test");
    }

    /** Writes header + int16 voxels 0, 1, 2, ... as a .nii file. */
    static Path write(Path file, NiftiHeader h) throws IOException {
        int n = SIZE[0] * SIZE[1] * SIZE[2];
        ByteBuffer b = ByteBuffer.allocate(352 + 2 * n).order(h.order());
        b.put(NiftiHeaderCodec.encode(h));
        b.position(352);
        for (int i = 0; i < n; i++) {
            b.putShort((short) i);
        }
        Files.write(file, b.array());
        return file;
    }
}
