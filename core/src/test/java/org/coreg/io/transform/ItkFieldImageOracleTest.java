package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.coreg.testing.ItkOracle;
import org.coreg.transform.Direction;
import org.coreg.transform.DisplacementFieldTransform;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Displacement fields saved as vector images by ITK's own image writers (as 3D Slicer saves grid transforms) are
 * transforms wherever a transform file is read: Coreg maps points through ITK's {@code .nrrd}, {@code .nhdr},
 * {@code .nii.gz} and {@code .mha} as ITK maps them through the DisplacementFieldTransform they were written from.
 */
class ItkFieldImageOracleTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".nrrd", ".nhdr", ".nii.gz", ".mha"})
    void fieldImagesItkWroteMapAsItsTransform(String ext) throws Exception {
        Path tfm = dir.resolve("field.tfm");
        Files.writeString(tfm, ItkTransformOracleTest.tfm(ItkTransformOracleTest.entry(
                "DisplacementFieldTransform_double_3_3", ItkTransformOracleTest.random(3 * 6 * 5 * 4, 4, 21),
                ItkTransformOracleTest.grid(6, 5, 4, 9))));
        Path image = dir.resolve("field" + ext);
        ItkOracle.run("", "field-image", tfm.toAbsolutePath().toString(), image.toAbsolutePath().toString());
        assertThat(TransformFiles.detect(image)).isEqualTo(TransformFormat.DISPLACEMENT_FIELD);
        SpatialTransform t = TransformFiles.read(image);
        assertThat(t).isInstanceOf(DisplacementFieldTransform.class);
        assertThat(t.direction()).isEqualTo(Direction.FIXED_TO_MOVING);
        double[][] pts = ItkTransformOracleTest.points();
        double[][] itk = ItkOracle.map(tfm, pts);
        assertThat(ItkReadsCoregFilesTest.worst(t, pts, itk)).as("largest |Coreg(%s) - ITK(.tfm)|", ext)
                .isLessThan(1e-4);
    }
}
