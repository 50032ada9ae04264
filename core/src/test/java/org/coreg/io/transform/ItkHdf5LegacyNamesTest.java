package org.coreg.io.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Path;
import org.coreg.image.AffineMap;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.CompositeTransform;
import org.coreg.transform.SpatialTransform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ITK 4.x wrote the parameter datasets as {@code TranformParameters} and {@code TranformFixedParameters} (sic), and
 * other writers store {@code TransformType} as a fixed-length string; such files (made here with jhdf's writer) read
 * as ITK's current spelling does, composites included.
 */
class ItkHdf5LegacyNamesTest {
    @TempDir
    Path dir;

    @Test
    void readsItk4SpellingAndFixedLengthTypeStrings() throws Exception {
        Path h5 = dir.resolve("itk4.h5");
        try (WritableHdfFile w = HdfFile.write(h5)) {
            WritableGroup g = w.putGroup("TransformGroup");
            g.putGroup("0").putDataset("TransformType", new String[] {"CompositeTransform_double_3_3"});
            WritableGroup t1 = g.putGroup("1");
            t1.putDataset("TransformType", new String[] {"TranslationTransform_double_3_3"});
            t1.putDataset("TranformParameters", new double[] {10, 0, 0});
            WritableGroup t2 = g.putGroup("2");
            t2.putDataset("TransformType", new String[] {"ScaleTransform_float_3_3"});
            t2.putDataset("TranformParameters", new float[] {2, 2, 2});
            t2.putDataset("TranformFixedParameters", new float[] {1, 1, 1});
        }
        SpatialTransform t = TransformFiles.read(h5);
        assertThat(t).isInstanceOf(CompositeTransform.class);
        // Queue order: the scale (listed last) is applied first, about (1, 1, 1), then the translation.
        assertThat(t.apply(3, 1, 1)).containsExactly(new double[] {15, 1, 1}, within(1e-12));
        assertThat(((AffineTransform) ((CompositeTransform) t).steps().getFirst()).map()
                .maxAbsDifference(AffineMap.ofRowMajor3x4(2, 0, 0, -1, 0, 2, 0, -1, 0, 0, 2, -1))).isLessThan(1e-12);
    }
}
