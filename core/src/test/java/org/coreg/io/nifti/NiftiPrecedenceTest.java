package org.coreg.io.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which of qform and sform places the grid, case by case, with ITK 5.2 (plastimatch) as the oracle for every case:
 * the two transforms are made to disagree so that choosing the wrong one moves the grid by centimetres.
 */
class NiftiPrecedenceTest {
    private static final double[] SPACING = {0.8, 1.1, 2.4};
    private static final double[] Q_OFFSET = {-20.5, 31.25, 7.5};
    private static final double[] S_OFFSET = {12.0, -44.0, 90.0};
    private static final double[] A = TestVolumes.rotation(0.3, -0.2, 0.5);
    private static final double[] B = TestVolumes.rotation(-0.4, 0.1, 1.2);

    @TempDir
    Path dir;

    private Path file(String name, int qcode, int scode, double[] srow) throws Exception {
        return NiftiTestFiles.write(dir.resolve(name + ".nii"), NiftiTestFiles.header(qcode,
                NiftiTestFiles.bcd(0.3, -0.2, 0.5), 1, Q_OFFSET, scode, srow, SPACING));
    }

    private void expect(Path f, NiftiGeometry.Source source) throws Exception {
        NiftiHeader h = NiftiHeaderCodec.decode(java.nio.file.Files.readAllBytes(f),
                NiftiHeaderCodec.detect(java.nio.file.Files.readAllBytes(f)), f);
        NiftiGeometry.Resolved r = NiftiGeometry.resolve(h, NiftiHeaderCheck.check(h, f), f);
        assertThat(r.source()).as(f.getFileName().toString()).isEqualTo(source);
        Volume v = new NiftiReader().read(f);
        GeometryAssert.assertGeometryEquals(r.geometry(), v.geometry(), 0);
        if (ExternalTool.find("plastimatch") != null) {
            GeometryAssert.assertGeometryEquals(PlastimatchOracle.convert(f, dir).geometry(), v.geometry(), 1e-5);
        }
    }

    @Test
    void scannerSformWinsOverADifferentQform() throws Exception {
        expect(file("s1", 1, 1, NiftiTestFiles.srow(B, SPACING, S_OFFSET)), NiftiGeometry.Source.SFORM);
    }

    @Test
    void alignedSformThatDisagreesLosesToTheQform() throws Exception {
        expect(file("s2", 1, 2, NiftiTestFiles.srow(B, SPACING, S_OFFSET)), NiftiGeometry.Source.QFORM);
    }

    @Test
    void alignedSformLosesToTheQformEvenWhenNearlyEqual() throws Exception {
        // ITK 5.3 would take this sform (its "very similar" test); ITK 5.2, which elastix 5.0/5.1 use, does not.
        double[] off = Q_OFFSET.clone();
        off[0] += 5e-5;
        expect(file("s2same", 2, 2, NiftiTestFiles.srow(A, SPACING, off)), NiftiGeometry.Source.QFORM);
    }

    @Test
    void sformAloneIsUsed() throws Exception {
        expect(file("sonly", 0, 4, NiftiTestFiles.srow(B, SPACING, S_OFFSET)), NiftiGeometry.Source.SFORM);
    }

    @Test
    void scannerSformWhoseColumnsDisagreeWithPixdimLosesToTheQform() throws Exception {
        double[] longer = SPACING.clone();
        longer[0] *= 1.01; // 8 micrometres longer than pixdim[1]: beyond ITK's 1e-3 mm
        expect(file("scale", 1, 1, NiftiTestFiles.srow(B, longer, S_OFFSET)), NiftiGeometry.Source.QFORM);
        double[] close = SPACING.clone();
        close[0] += 4e-4; // within 1e-3 mm: the sform still wins
        expect(file("scaleok", 1, 1, NiftiTestFiles.srow(B, close, S_OFFSET)), NiftiGeometry.Source.SFORM);
    }

    @Test
    void talairachSformLosesToAScannerQform() throws Exception {
        expect(file("s3", 1, 3, NiftiTestFiles.srow(B, SPACING, S_OFFSET)), NiftiGeometry.Source.QFORM);
    }

    @Test
    void skewedSformFallsBackToTheQform() throws Exception {
        double[] skew = NiftiTestFiles.srow(B, SPACING, S_OFFSET);
        skew[1] += 0.3;
        expect(file("skew", 1, 1, skew), NiftiGeometry.Source.QFORM);
    }

    @Test
    void qformAloneWithFlippedThirdAxis() throws Exception {
        Path f = NiftiTestFiles.write(dir.resolve("qfac.nii"), NiftiTestFiles.header(1,
                NiftiTestFiles.bcd(0.1, 0.7, -0.3), -1, Q_OFFSET, 0, new double[12], SPACING));
        expect(f, NiftiGeometry.Source.QFORM);
        assertThat(new NiftiReader().read(f).geometry().indexToWorld().determinant()).isNegative();
    }

    @Test
    void neitherTransformGivesIdentityAtZero() throws Exception {
        Path f = file("none", 0, 0, new double[12]);
        expect(f, NiftiGeometry.Source.NONE);
        assertThat(new NiftiReader().read(f).geometry().origin()).containsExactly(0, 0, 0);
    }

    @Test
    void skewedSformWithoutQformIsRejectedAsItkRejectsIt() throws Exception {
        double[] skew = NiftiTestFiles.srow(B, SPACING, S_OFFSET);
        skew[1] += 0.3;
        Path f = file("skewonly", 0, 1, skew);
        assertThatThrownBy(() -> new NiftiReader().read(f)).isInstanceOf(ImageIOException.class)
                .hasMessageContaining("skewonly.nii").hasMessageContaining("srow")
                .hasMessageContaining("expected an invertible sform with orthonormal directions");
        if (ExternalTool.find("plastimatch") != null) {
            assertThat(ExternalTool.run(dir, 60, "plastimatch", "convert", "--input", f.toString(), "--output-img",
                    dir.resolve("x.mha").toString()).exitCode()).as("plastimatch exit code").isNotZero();
        }
    }
}
