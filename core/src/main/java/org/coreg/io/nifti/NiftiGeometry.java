package org.coreg.io.nifti;

import java.nio.file.Path;
import java.util.Arrays;
import org.coreg.image.ImageGeometry;
import org.coreg.image.InvalidGeometryException;
import org.coreg.image.RasLps;
import org.coreg.io.ImageIOException;

/**
 * Places a NIfTI grid in the world the way ITK 5.2's NiftiImageIO does, so that Coreg, elastix, transformix and
 * plastimatch (all ITK) agree on every voxel's LPS position; and encodes a geometry as qform and sform.
 *
 * <p>Reading (all matrices index to RAS mm, as the header stores them), as ITK 5.2 resolves it (its NIfTI reader
 * since ITK pull request 1868; later ITK versions add more cases, which 5.2 does not have):
 * <ol>
 *   <li>qform_code and sform_code both 0: origin 0, identity direction (LPS), spacing from pixdim.</li>
 *   <li>The sform is used when it is a finite, invertible affine whose normalised columns are orthonormal (within
 *       1e-4), whose column lengths equal pixdim[1..3] (within 1e-3), and either there is no qform (code 0) or the
 *       sform_code is 1 (scanner anatomical).</li>
 *   <li>Else the qform, if its code is non-zero; else the file is rejected (ITK throws too).</li>
 *   <li>Spacing is |pixdim[1..3]| (scaled to mm by xyzt_units), not the lengths of the chosen matrix's columns;
 *       the direction is the chosen matrix's columns normalised; the origin its translation; both go RAS to LPS
 *       through {@link RasLps}.</li>
 * </ol>
 * The precedence tests check every branch against ITK 5.2.1 itself (plastimatch). For NIfTI-1 the qform matrix
 * is rounded to float, as nifti_clib stores it. Known difference: ITK 5.2.1 also refuses sforms whose 3x3 part is
 * tiny (determinant below about 1e-5, e.g. sub-0.02 mm voxels) or tiny relative to a large offset (a numerical
 * invertibility test); Coreg takes those sforms (or, where ITK then falls back to the qform, the sform's geometry,
 * which in files written consistently differs from the qform's only at float precision).
 */
final class NiftiGeometry {
    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private NiftiGeometry() {
    }

    /** Which header transform placed the grid. */
    enum Source { NONE, QFORM, SFORM }

    /** The LPS geometry and the transform it came from. */
    record Resolved(ImageGeometry geometry, Source source) {
    }

    static Resolved resolve(NiftiHeader h, NiftiHeaderCheck.Grid grid, Path file) throws ImageIOException {
        boolean hasQ = h.qformCode() > 0;
        boolean hasS = h.sformCode() > 0;
        if (!hasQ && !hasS) {
            return new Resolved(build(grid, new double[3], IDENTITY, "pixdim", file), Source.NONE);
        }
        double[] q = qformMatrix(h);
        double[] s = hasS ? h.srow().clone() : new double[12];
        boolean preferS = hasS && orthonormalAffine(s) && scalesMatchPixdim(s, h.pixdim())
                && (!hasQ || h.sformCode() == 1);
        if (preferS) {
            return new Resolved(fromMatrix(s, grid, "srow_x/srow_y/srow_z", file), Source.SFORM);
        }
        if (hasQ) {
            return new Resolved(fromMatrix(q, grid, "quatern_b/c/d", file), Source.QFORM);
        }
        throw ImageIOException.badField(file, "srow_x/srow_y/srow_z (sform_code " + h.sformCode() + ", no qform)",
                "an invertible sform with orthonormal directions", Arrays.toString(s));
    }

    /** The qform as a row-major 3x4 index-to-RAS matrix (nifti_clib's qto_xyz; diag(pixdim) when code 0). */
    static double[] qformMatrix(NiftiHeader h) {
        double[] p = h.pixdim();
        double[] m = new double[12];
        if (h.qformCode() <= 0) {
            m[0] = p[1];
            m[5] = p[2];
            m[10] = p[3];
            return m;
        }
        double[] r = NiftiQuaternion.toRotation(h.quatern()[0], h.quatern()[1], h.quatern()[2], p[0]);
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                double len = p[c + 1] > 0 ? p[c + 1] : 1; // nifti_clib takes non-positive pixdim as 1 here
                m[4 * row + c] = r[3 * row + c] * len;
            }
            m[4 * row + 3] = h.qoffset()[row];
        }
        if (h.version() == NiftiVersion.NIFTI1) {
            for (int i = 0; i < 12; i++) {
                m[i] = (float) m[i];
            }
        }
        return m;
    }

    /** ITK 5.2.1 also wants each sform column as long as pixdim says (within 1e-3, raw pixdim: no units). */
    private static boolean scalesMatchPixdim(double[] m, double[] pixdim) {
        double[] len = columnLengths(m);
        for (int c = 0; c < 3; c++) {
            if (!(Math.abs(pixdim[c + 1] - len[c]) <= 1e-3)) {
                return false;
            }
        }
        return true;
    }

    /** Finite, invertible, and orthonormal (1e-4) once each column is normalised. */
    private static boolean orthonormalAffine(double[] m) {
        for (double v : m) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        double[] n = normalisedColumns(m);
        double[] lin = {m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]};
        double scale = 0;
        for (double v : lin) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0 || Math.abs(det(lin)) <= 1e-15 * scale * scale * scale || n == null) {
            return false;
        }
        return ImageGeometry.orthonormalityError(n) <= 1e-4;
    }

    private static ImageGeometry fromMatrix(double[] m, NiftiHeaderCheck.Grid grid, String field, Path file)
            throws ImageIOException {
        double[] n = normalisedColumns(m);
        if (n == null) {
            throw ImageIOException.badField(file, field, "three non-zero direction columns", Arrays.toString(m));
        }
        double[] origin = RasLps.rasToLps(new double[] {m[3], m[7], m[11]});
        return build(grid, origin, RasLps.flipRows(n), field, file);
    }

    private static ImageGeometry build(NiftiHeaderCheck.Grid grid, double[] originLps, double[] directionLps,
                                       String field, Path file) throws ImageIOException {
        try {
            return ImageGeometry.of(grid.size(), grid.spacing(), originLps, directionLps);
        } catch (InvalidGeometryException e) {
            String f = switch (e.field()) {
                case "spacing" -> "pixdim";
                case "size" -> "dim";
                default -> field;
            };
            throw new ImageIOException(file, ImageIOException.Problem.BAD_FIELD,
                    "field " + f + ": " + e.getMessage(), e);
        }
    }

    /** Columns of the 3x3 part divided by their lengths (row-major 3x3), or null if one is zero or not finite. */
    private static double[] normalisedColumns(double[] m) {
        double[] len = columnLengths(m);
        double[] n = new double[9];
        for (int c = 0; c < 3; c++) {
            if (!(len[c] > 0) || !Double.isFinite(len[c])) {
                return null;
            }
            for (int r = 0; r < 3; r++) {
                n[3 * r + c] = m[4 * r + c] / len[c];
            }
        }
        return n;
    }

    private static double[] columnLengths(double[] m) {
        double[] len = new double[3];
        for (int c = 0; c < 3; c++) {
            len[c] = Math.sqrt(m[c] * m[c] + m[4 + c] * m[4 + c] + m[8 + c] * m[8 + c]);
        }
        return len;
    }

    private static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
                + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    /** Header transform fields for a geometry: qform and sform both describe it exactly (to the field precision). */
    record Fields(double[] quatern, double qfac, double[] qoffset, double[] srow, double[] spacing) {
    }

    /** Encodes {@code g} (LPS) as NIfTI's RAS qform (quaternion, qfac, offset) and sform rows. */
    static Fields encode(ImageGeometry g) {
        double[] dRas = RasLps.flipRows(g.direction());
        double[] oRas = RasLps.lpsToRas(g.origin());
        double[] bcdq = NiftiQuaternion.fromDirection(dRas);
        double[] srow = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                srow[4 * r + c] = dRas[3 * r + c] * g.spacing(c);
            }
            srow[4 * r + 3] = oRas[r];
        }
        return new Fields(new double[] {bcdq[0], bcdq[1], bcdq[2]}, bcdq[3], oRas, srow, g.spacing());
    }
}
