package org.coreg.app.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary.Entry;
import org.coreg.image.AffineMap;
import org.coreg.io.transform.TransformFiles;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Import and export of entries in every transform file format, and refusal of files that are not linear transforms. */
class TransformExchangeTest {
    @TempDir
    Path dir;

    private static double[] point(SpatialTransform t, double... p) {
        return t.apply(p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.tfm", "a-matrix.mat4", "a-ras.mat4", "TransformParameters.0.txt"})
    void exportThenImportGivesTheSameTransform(String name) throws Exception {
        Session s = TransformManagerTest.session();
        TransformExchange x = new TransformExchange(s);
        Entry a = s.transforms().add("a", TransformManagerTest.A, "registration", "fixed 'mr' -> moving 'ct'");
        Path file = dir.resolve(name);
        assertThat(x.export(a, file)).contains(file);
        SpatialTransform read = TransformFiles.read(file);
        assertThat(read.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        double[] p = {10, -20, 30};
        assertThat(point(read, p)).containsExactly(TransformManagerTest.A.apply(p),
                org.assertj.core.data.Offset.offset(1e-6));
        Entry imported = x.importFile(file);
        assertThat(imported.fixedToMoving().maxAbsDifference(TransformManagerTest.A)).isLessThan(1e-6);
        assertThat(imported.origin()).startsWith("imported from " + name);
        assertThat(s.transforms().entries()).hasSize(2);
    }

    @Test
    void exportedFilesCarryProvenance() throws Exception {
        Session s = TransformManagerTest.session();
        Entry a = s.transforms().add("a", TransformManagerTest.A, "registration: rigid", "fixed 'mr' -> moving 'ct'");
        Path file = dir.resolve("a.tfm");
        new TransformExchange(s).export(a, file);
        var record = TransformFiles.readRecord(file);
        assertThat(record.provenance().producer()).isEqualTo("Coreg workstation");
        assertThat(record.provenance().inputs()).containsExactly("mr", "ct");
    }

    @Test
    void aMovingToFixedFileIsInvertedOnImport() throws Exception {
        Session s = TransformManagerTest.session();
        Path file = dir.resolve("m2f.tfm");
        TransformFiles.write(AffineTransform.of(TransformManagerTest.A, Direction.MOVING_TO_FIXED), file);
        Entry e = new TransformExchange(s).importFile(file);
        assertThat(e.fixedToMoving().after(TransformManagerTest.A).maxAbsDifference(AffineMap.identity()))
                .isLessThan(1e-9);
        assertThat(e.origin()).contains("inverted");
    }

    @Test
    void aFileOfAnotherKindOrACorruptFileIsRefusedAndTheSessionIsUnchanged() throws Exception {
        Session s = TransformManagerTest.session();
        Entry a = s.transforms().add("a", TransformManagerTest.A, "test");
        s.setTransform(TransformManagerTest.B);
        TransformExchange x = new TransformExchange(s);
        Path points = dir.resolve("points.fcsv");
        Files.writeString(points, "# Markups fiducial file version = 4.11\n# CoordinateSystem = LPS\n1,2,3\n");
        assertThatThrownBy(() -> x.importFile(points)).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("points.fcsv").hasMessageContaining("expected an ITK transform file");
        Path corrupt = dir.resolve("corrupt.tfm");
        Files.writeString(corrupt, "#Insight Transform File V1.0\n#Transform 0\nTransform: AffineTransform_double_3_3\n"
                + "Parameters: 1 0 0 0 1 0 0 zero 1 0 0 0\nFixedParameters: 0 0 0\n");
        assertThatThrownBy(() -> x.importFile(corrupt)).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("corrupt.tfm");
        assertThatThrownBy(() -> x.importFile(dir.resolve("missing.tfm"))).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("missing.tfm");
        assertThat(s.transforms().entries()).containsExactly(a);
        assertThat(s.fixedToMoving()).isEqualTo(TransformManagerTest.B);
    }

    @Test
    void aDeformableTransformIsRefusedWithAPlainMessage() throws Exception {
        Session s = TransformManagerTest.session();
        Path file = dir.resolve("bspline.tfm");
        TransformFiles.write(bspline(), file);
        assertThatThrownBy(() -> new TransformExchange(s).importFile(file))
                .isInstanceOf(TransformActionException.class).hasMessageContaining("linear (rigid or affine)");
        assertThat(s.transforms().entries()).isEmpty();
    }

    private static SpatialTransform bspline() {
        return org.coreg.transform.TransformTestData.bspline(2.0, 7);
    }
}
