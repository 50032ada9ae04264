package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.testing.ItkOracle;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.BulkBSplineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.DisplacementFieldTransform;
import org.coreg.transform.LinearKind;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.ThinPlateSplineTransform;
import org.coreg.transform.TransformTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ITK reads every transform file Coreg writes with the same meaning: ITK maps 200 points through Coreg's {@code .tfm}
 * and {@code .h5} as Coreg maps them (within 1e-4 mm), and the {@code .h5} ITK makes of a {@code .tfm} reads back in
 * Coreg as the same map.
 */
class ItkReadsCoregFilesTest {
    @TempDir
    Path dir;

    static final Direction F2M = Direction.FIXED_TO_MOVING;
    static final ImageGeometry FIELD_GRID = ImageGeometry.of(new int[] {6, 5, 4}, new double[] {9, 10, 11},
            new double[] {-22, -18, -15}, TestVolumes.rotation(0.1, -0.05, 0.2));

    static Stream<Arguments> coregTransforms() {
        AffineTransform rigid = AffineTransform.of(TransformTestData.rigid(0.1, -0.2, 0.3, new double[] {3, -4, 5},
                new double[] {1, 2, 3}), F2M, LinearKind.RIGID, new double[] {3, -4, 5});
        AffineTransform affine = AffineTransform.of(TransformTestData.shearedAffine(), F2M);
        double[] s = {0, 0, 0, 1.2, 0, 0, 0, 1.2, 0, 0, 0, 1.2};
        AffineTransform similarity = AffineTransform.of(AffineMap.ofRowMajor3x4(s[3], 0, 0, 2, 0, s[7], 0, -1, 0, 0,
                s[11], 4), F2M, LinearKind.SIMILARITY, new double[] {1, 1, 1});
        BSplineTransform bspline = TransformTestData.bspline(3, 11);
        DisplacementFieldTransform field = DisplacementFieldTransform.sample(bspline, FIELD_GRID);
        double[] src = ItkTransformOracleTest.random(3 * 8, 20, 12);
        double[] dst = src.clone();
        double[] shift = ItkTransformOracleTest.random(3 * 8, 3, 13);
        for (int i = 0; i < dst.length; i++) {
            dst[i] += shift[i];
        }
        return Stream.of(
                Arguments.of("rigid", rigid),
                Arguments.of("similarity", similarity),
                Arguments.of("affine", affine),
                Arguments.of("bspline", bspline),
                Arguments.of("affine-then-bspline", new CompositeTransform(List.of(affine, bspline))),
                Arguments.of("field", field),
                Arguments.of("rigid-then-field", new CompositeTransform(List.of(rigid, field))),
                Arguments.of("thin-plate-spline", new ThinPlateSplineTransform(src, dst, F2M)),
                Arguments.of("bspline-with-bulk", new BulkBSplineTransform(affine, bspline)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coregTransforms")
    void itkMapsCoregTfmFilesAsCoregDoes(String name, SpatialTransform t) throws Exception {
        Path tfm = dir.resolve(name + ".tfm");
        TransformFiles.write(t, tfm);
        double[][] pts = ItkTransformOracleTest.points();
        double[][] theirs = ItkOracle.map(tfm, pts);
        assertThat(worst(t, pts, theirs)).as("largest |Coreg - ITK| reading Coreg's %s", tfm.getFileName())
                .isLessThan(1e-4);
        Path h5 = dir.resolve(name + "-by-itk.h5");
        ItkOracle.convert(tfm, h5);
        SpatialTransform back = TransformFiles.read(h5);
        assertThat(worst(back, pts, theirs)).as("Coreg reading ITK's .h5 of it").isLessThan(1e-4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coregTransforms")
    void itkMapsCoregH5FilesAsCoregDoes(String name, SpatialTransform t) throws Exception {
        Path h5 = dir.resolve(name + ".h5");
        TransformFiles.write(t, h5);
        double[][] pts = ItkTransformOracleTest.points();
        assertThat(worst(t, pts, ItkOracle.map(h5, pts))).as("largest |Coreg - ITK| reading Coreg's %s",
                h5.getFileName()).isLessThan(1e-4);
        assertThat(worst(TransformFiles.read(h5), pts, ItkOracle.map(h5, pts))).as("Coreg reading its own .h5")
                .isLessThan(1e-9);
        // ITK writes it back as text and as HDF5 without complaint, and lists the same transform types.
        ItkOracle.convert(h5, dir.resolve(name + "-again.h5"));
        assertThat(ItkOracle.types(dir.resolve(name + "-again.h5"))).isEqualTo(ItkOracle.types(h5));
    }

    @Test
    void aMovingToFixedTransformIsWrittenToH5AsItsInverseOrRefused() throws Exception {
        AffineTransform a = AffineTransform.of(TransformTestData.shearedAffine(), Direction.MOVING_TO_FIXED);
        Path h5 = dir.resolve("m2f.h5");
        TransformFiles.write(a, h5);
        double[][] pts = ItkTransformOracleTest.points();
        assertThat(worst(a.inverse(), pts, ItkOracle.map(h5, pts))).isLessThan(1e-6);
        Path field = dir.resolve("m2f-field.h5");
        DisplacementFieldTransform f = DisplacementFieldTransform.sample(TransformTestData.bspline(3, 11), FIELD_GRID)
                .withDirection(Direction.MOVING_TO_FIXED);
        assertThatThrownBy(() -> TransformFiles.write(f, field)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining("m2f-field.h5").hasMessageContaining(".tfm");
        assertThat(Files.exists(field)).isFalse();
    }

    static double worst(SpatialTransform t, double[][] pts, double[][] expected) {
        double worst = 0;
        for (int i = 0; i < pts.length; i++) {
            double[] q = t.apply(pts[i].clone());
            for (int d = 0; d < 3; d++) {
                worst = Math.max(worst, Math.abs(q[d] - expected[i][d]));
            }
        }
        return worst;
    }

    @Test
    void aTruncatedOrDamagedH5IsAPlainError() throws Exception {
        Path h5 = dir.resolve("whole.h5");
        TransformFiles.write(new CompositeTransform(List.of(AffineTransform.of(TransformTestData.shearedAffine(), F2M),
                TransformTestData.bspline(3, 11))), h5);
        byte[] bytes = Files.readAllBytes(h5);
        java.util.Random r = new java.util.Random(5);
        int refused = 0;
        for (int trial = 0; trial < 60; trial++) {
            byte[] bad = trial < 20 ? java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length)) : bytes.clone();
            if (trial >= 20) {
                for (int k = 0; k < 4; k++) {
                    bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
                }
            }
            Path f = dir.resolve("bad" + trial + ".h5");
            Files.write(f, bad);
            try {
                TransformFiles.read(f);
            } catch (TransformFileException e) {
                assertThat(e.getMessage()).contains(f.toString());
                refused++;
            }
        }
        // Every truncated file is refused (the damaged ones may still read: a flipped byte in a coefficient).
        assertThat(refused).isGreaterThanOrEqualTo(20);
    }

    @Test
    void refusesANameOfNoTransformFormat() {
        Path xfm = dir.resolve("out.xfm");
        assertThatThrownBy(() -> TransformFiles.write(AffineTransform.identity(F2M), xfm))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out.xfm")
                .hasMessageContaining(".tfm");
        assertThat(Files.exists(xfm)).isFalse();
    }

    @Test
    void refusesAFormatUnderAnotherFormatsName() {
        Path h5 = dir.resolve("t.h5");
        Path nii = dir.resolve("t.nii.gz");
        assertThatThrownBy(() -> TransformFiles.write(AffineTransform.identity(F2M), h5, TransformFormat.MATRIX_LPS))
                .isInstanceOf(TransformFileException.class).hasMessageContaining("t.h5");
        assertThatThrownBy(() -> TransformFiles.write(AffineTransform.identity(F2M), nii, TransformFormat.MATRIX_LPS))
                .isInstanceOf(TransformFileException.class).hasMessageContaining("t.nii.gz");
        assertThat(Files.exists(h5)).isFalse();
        assertThat(Files.exists(nii)).isFalse();
    }

    @Test
    void readsAnHdf5FileWithoutTransformsAsAPlainError() throws Exception {
        Path notItk = dir.resolve("other.h5");
        // An HDF5 file ITK wrote holds /TransformGroup; another HDF5 file is refused plainly, by content.
        try (io.jhdf.WritableHdfFile w = io.jhdf.HdfFile.write(notItk)) {
            w.putGroup("Measurements").putDataset("values", new double[] {1, 2, 3});
        }
        assertThat(TransformFiles.detect(notItk)).isEqualTo(TransformFormat.ITK_HDF5);
        assertThatThrownBy(() -> TransformFiles.read(notItk)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining("other.h5").hasMessageContaining("/TransformGroup");
        Path text = dir.resolve("text.h5");
        Files.writeString(text, "#Insight Transform File V1.0\n");
        assertThatThrownBy(() -> ItkHdf5TransformFile.read(text)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining("text.h5");
    }
}
