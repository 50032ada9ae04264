package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.coreg.image.ImageGeometry;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.io.ImageIOException;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.coreg.transform.BSplineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.DisplacementFieldTransform;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.TransformTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Displacement-field files: transformix 5.0.1's {@code -def all} output is read and equals Coreg's own B-spline at
 * every grid point; Coreg-written fields round-trip bit-exactly; malformed fields are refused by name.
 */
class DisplacementFieldFilesTest {
    static final ImageGeometry FIXED = ImageGeometry.of(new int[] {24, 20, 16}, new double[] {2.5, 2.2, 3.0},
            new double[] {-30, -25, -24}, TestVolumes.rotation(0.1, 0.05, -0.2));

    @TempDir
    Path dir;

    /** Runs transformix -def all with the given result format and compares its field with Coreg's B-spline. */
    private double transformixFieldDifference(String format) throws Exception {
        Path transformix = ExternalTool.require("transformix");
        BSplineTransform b = TransformTestData.bspline(5, 33);
        Path tp = dir.resolve("TransformParameters." + format.replace('.', '_') + ".txt");
        ElastixTransformFile.write(b, FIXED, tp);
        String text = Files.readString(tp).replaceAll("\\(ResultImageFormat \"[^\"]*\"\\)",
                "(ResultImageFormat \"" + format + "\")");
        Files.writeString(tp, text);
        Path out = Files.createDirectories(dir.resolve("out-" + format));
        ExternalTool.runOk(dir, 120, transformix.toString(), "-def", "all", "-tp", tp.toString(), "-out",
                out.toString());
        Path field = out.resolve("deformationField." + format);
        assertThat(field).exists();
        assertThat(TransformFiles.detect(field)).isEqualTo(TransformFormat.DISPLACEMENT_FIELD);
        SpatialTransform read = TransformFiles.read(field);
        assertThat(read).isInstanceOf(DisplacementFieldTransform.class);
        DisplacementFieldTransform d = (DisplacementFieldTransform) read;
        assertThat(d.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        GeometryAssert.assertGeometryEquals(FIXED, d.grid(), 1e-4);
        // The elastix file read back is Coreg's B-spline as elastix holds it.
        SpatialTransform fromElastix = TransformFiles.read(tp);
        double worst = 0;
        double largest = 0;
        for (int k = 0; k < FIXED.size(2); k++) {
            for (int j = 0; j < FIXED.size(1); j++) {
                for (int i = 0; i < FIXED.size(0); i++) {
                    double[] p = d.grid().indexToWorld(i, j, k);
                    double[] expected = fromElastix.apply(FIXED.indexToWorld(i, j, k));
                    worst = Math.max(worst, TransformTestData.distance(d.apply(p), expected));
                    largest = Math.max(largest, TransformTestData.distance(expected, FIXED.indexToWorld(i, j, k)));
                }
            }
        }
        System.out.printf("transformix -def all (%s): %d grid points, largest displacement %.3f mm, "
                + "largest difference %.3g mm%n", format, FIXED.voxelCount(), largest, worst);
        assertThat(largest).as("the field is not trivially zero").isGreaterThan(0.5);
        return worst;
    }

    @Test
    void transformixMetaImageFieldEqualsCoregBSpline() throws Exception {
        assertThat(transformixFieldDifference("mha")).isLessThan(1e-4);
    }

    @Test
    void transformixNiftiFieldEqualsCoregBSpline() throws Exception {
        assertThat(transformixFieldDifference("nii.gz")).isLessThan(1e-4);
    }

    private static DisplacementFieldTransform randomField(Direction d) {
        Random r = new Random(7);
        double[] u = new double[(int) (3 * FIXED.voxelCount())];
        for (int i = 0; i < u.length; i++) {
            u[i] = (r.nextDouble() - 0.5) * 8;
        }
        return new DisplacementFieldTransform(FIXED, u, d);
    }

    @Test
    void coregFieldsRoundTripBitExactly() throws Exception {
        DisplacementFieldTransform f = randomField(Direction.MOVING_TO_FIXED);
        for (String name : new String[] {"f.nii", "f.nii.gz", "f.mha", "f.mhd"}) {
            Path p = dir.resolve(name);
            TransformFiles.write(f, p);
            DisplacementFieldTransform back = (DisplacementFieldTransform) TransformFiles.read(p);
            assertThat(back.displacements()).as(name).containsExactly(f.displacements());
            assertThat(back.direction()).as(name).isEqualTo(Direction.MOVING_TO_FIXED);
            GeometryAssert.assertGeometryEquals(FIXED, back.grid(), 1e-9);
            // float32 storage: the values are the floats of the doubles, exactly.
            Path p32 = dir.resolve("f32-" + name);
            DisplacementFieldFiles.write(f, p32, VoxelType.FLOAT32);
            double[] got = DisplacementFieldFiles.read(p32).displacements();
            double[] want = f.displacements();
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).isEqualTo((double) (float) want[i]);
            }
            // Written again from what was read: the same values, bit for bit.
            DisplacementFieldFiles.write(DisplacementFieldFiles.read(p32), dir.resolve("again-" + name),
                    VoxelType.FLOAT32);
            assertThat(DisplacementFieldFiles.read(dir.resolve("again-" + name)).displacements()).containsExactly(got);
        }
    }

    @Test
    void scalarImageReadersStillRefuseVectorFiles() throws Exception {
        DisplacementFieldTransform f = randomField(Direction.FIXED_TO_MOVING);
        for (String name : new String[] {"v.nii.gz", "v.mha"}) {
            Path p = dir.resolve(name);
            DisplacementFieldFiles.write(f, p);
            assertThatThrownBy(() -> ImageFormats.standard().read(p)).isInstanceOf(ImageIOException.class)
                    .hasMessageContaining(p.toString())
                    .hasMessageContaining(name.endsWith(".mha") ? "ElementNumberOfChannels" : "dim[5]");
        }
    }

    @Test
    void wrongChannelCountIsRefusedNamingFileAndField() throws Exception {
        Path p = dir.resolve("two.mha");
        DisplacementFieldFiles.write(randomField(Direction.FIXED_TO_MOVING), p);
        byte[] b = Files.readAllBytes(p);
        String s = new String(b, StandardCharsets.ISO_8859_1).replace("ElementNumberOfChannels = 3",
                "ElementNumberOfChannels = 2");
        Files.write(p, s.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TransformFiles.read(p)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("ElementNumberOfChannels")
                .hasMessageContaining("expected 3").hasMessageContaining("found 2");
    }

    @Test
    void nonVectorIntentIsRefusedNamingFileAndField() throws Exception {
        Path p = dir.resolve("intent.nii");
        DisplacementFieldFiles.write(randomField(Direction.FIXED_TO_MOVING), p);
        byte[] b = Files.readAllBytes(p);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(504, 0); // NIfTI-2 intent_code
        Files.write(p, b);
        assertThatThrownBy(() -> TransformFiles.read(p)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("intent_code")
                .hasMessageContaining("1007").hasMessageContaining("found 0");
    }

    @Test
    void scalarNiftiIsNotAField() throws Exception {
        Path p = dir.resolve("scalar.nii");
        ImageFormats.standard().write(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(6, 5, 4), 1), p);
        assertThatThrownBy(() -> TransformFiles.read(p)).isInstanceOf(TransformFileException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("dim[0]/dim[5]")
                .hasMessageContaining("found dim[0] = 3");
    }

    @Test
    void bsplineSampledOnAGridWritesAndReadsBack() throws Exception {
        BSplineTransform b = TransformTestData.bspline(4, 5);
        DisplacementFieldTransform f = DisplacementFieldTransform.sample(b, FIXED);
        Path p = dir.resolve("b.nii.gz");
        TransformFiles.write(f, p);
        SpatialTransform back = TransformFiles.read(p);
        for (int k = 0; k < FIXED.size(2); k += 3) {
            double[] x = FIXED.indexToWorld(5, 7, k);
            assertThat(TransformTestData.distance(back.apply(x), b.apply(x))).isLessThan(1e-9);
        }
        assertThatThrownBy(() -> TransformFiles.write(b, dir.resolve("nogrid.nii")))
                .isInstanceOf(TransformFileException.class).hasMessageContaining("grid");
    }
}
