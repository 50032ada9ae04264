package org.coreg.app.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary.Entry;
import org.coreg.testing.ItkOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workstation's import and export take the files 3D Slicer and ITK write: an ITK {@code .h5} linear transform
 * becomes an entry that maps points as ITK maps them, and an entry exported as {@code .h5} is read by ITK; a displacement field saved as a {@code .nrrd} image is read and refused
 * plainly (the workstation keeps linear transforms), leaving the session unchanged.
 */
class TransformExchangeItkFilesTest {
    @TempDir
    Path dir;

    @Test
    void importsAnItkHdf5LinearTransform() throws Exception {
        Path tfm = dir.resolve("given.tfm");
        Files.writeString(tfm, "#Insight Transform File V1.0\n#Transform 0\nTransform: CompositeTransform_double_3_3\n"
                + "#Transform 1\nTransform: ScaleVersor3DTransform_double_3_3\nParameters: 0.1 -0.2 0.05 1 2 3 1.2 0.9 "
                + "1.1\nFixedParameters: 3 -4 5\n#Transform 2\nTransform: QuaternionRigidTransform_double_3_3\n"
                + "Parameters: 0 0 0.0998 0.995 4 -5 6\nFixedParameters: 1 1 1\n");
        Path h5 = dir.resolve("Slicer-linear.h5");
        ItkOracle.convert(tfm, h5);
        Session s = TransformManagerTest.session();
        Entry e = new TransformExchange(s).importFile(h5);
        assertThat(e.name()).isEqualTo("Slicer-linear");
        double[][] pts = {{10, -20, 30}, {-40, 5, 12}, {0, 0, 0}};
        double[][] itk = ItkOracle.map(h5, pts);
        for (int i = 0; i < pts.length; i++) {
            double[] q = e.fixedToMoving().apply(pts[i]);
            for (int d = 0; d < 3; d++) {
                assertThat(q[d]).isCloseTo(itk[i][d], org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }

    @Test
    void exportsAnEntryAsItkHdf5ThatItkReads() throws Exception {
        Session s = TransformManagerTest.session();
        TransformExchange x = new TransformExchange(s);
        Entry a = s.transforms().add("a", TransformManagerTest.A, "registration", "fixed 'mr' -> moving 'ct'");
        Path file = TransformExchange.fileFor(dir.resolve("a.tfm"), org.coreg.io.transform.TransformFormat.ITK_HDF5);
        assertThat(file.getFileName().toString()).isEqualTo("a.h5");
        assertThat(x.export(a, file)).containsExactly(file);
        double[][] pts = {{10, -20, 30}, {-40, 5, 12}};
        double[][] itk = ItkOracle.map(file, pts);
        for (int i = 0; i < pts.length; i++) {
            double[] q = TransformManagerTest.A.apply(pts[i]);
            for (int d = 0; d < 3; d++) {
                assertThat(itk[i][d]).isCloseTo(q[d], org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        assertThat(x.importFile(file).fixedToMoving().maxAbsDifference(TransformManagerTest.A)).isLessThan(1e-12);
    }

    @Test
    void aFieldImageIsReadAndRefusedPlainly() throws Exception {
        Path tfm = dir.resolve("field.tfm");
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 3 * 4 * 4 * 4; i++) {
            p.append(i % 7 * 0.3).append(' ');
        }
        Files.writeString(tfm, "#Insight Transform File V1.0\n#Transform 0\nTransform: "
                + "DisplacementFieldTransform_double_3_3\nParameters: " + p + "\nFixedParameters: 4 4 4 0 0 0 5 5 5 "
                + "1 0 0 0 1 0 0 0 1\n");
        Path nrrd = dir.resolve("grid.nrrd");
        ItkOracle.run("", "field-image", tfm.toAbsolutePath().toString(), nrrd.toAbsolutePath().toString());
        Session s = TransformManagerTest.session();
        int before = s.transforms().entries().size();
        assertThatThrownBy(() -> new TransformExchange(s).importFile(nrrd))
                .isInstanceOf(TransformActionException.class).hasMessageContaining("grid.nrrd")
                .hasMessageContaining("displacement field").hasMessageContaining("linear");
        assertThat(s.transforms().entries()).hasSize(before);
    }
}
