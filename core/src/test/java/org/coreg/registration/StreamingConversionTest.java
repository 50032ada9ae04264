package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

/** Values converted while a volume is read equal those converted after, and are taken only for that very volume. */
class StreamingConversionTest {
    @Test
    void valuesConvertedAsTheyArriveEqualAConversionAfterTheRead() throws Exception {
        ImageGeometry g = TestVolumes.obliqueGeometry(160, 128, 120); // 2.3 M voxels: three chunks
        Volume v = TestVolumes.random(VoxelType.INT16, g, 3);
        StreamingConversion c = new StreamingConversion();
        VoxelData store = v.voxels();
        c.allocated(store);
        Thread reader = Thread.ofPlatform().start(() -> {
            // the reader announces its progress in uneven steps, with pauses, as a decompressing read does
            int n = store.length();
            for (int done = 0; done < n; ) {
                done = Math.min(n, done + 700_001);
                c.ready(done);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        RealValues.Real streamed = c.valuesOf(store);
        reader.join();
        RealValues.Real after = RealValues.scan(v, new Workers(2));
        assertThat(streamed).isNotNull();
        int at = java.util.Arrays.mismatch(streamed.values(), after.values());
        assertThat(at).as("first differing voxel (%s)", at < 0 ? "" : streamed.values()[at] + " vs "
                + after.values()[at]).isEqualTo(-1);
        assertThat(streamed.min()).isEqualTo(after.min());
        assertThat(streamed.max()).isEqualTo(after.max());
        assertThat(c.valuesOf(TestVolumes.random(VoxelType.INT16, g, 4).voxels())).as("another store").isNull();
    }

    @Test
    void storesOfOtherTypesAndRescaledImagesAreLeftToTheRegistration() {
        ImageGeometry g = TestVolumes.obliqueGeometry(20, 20, 20);
        Volume d = TestVolumes.random(VoxelType.FLOAT64, g, 1);
        StreamingConversion c = new StreamingConversion();
        c.allocated(d.voxels());
        c.ready(d.voxels().length());
        assertThat(c.valuesOf(d.voxels())).isNull();

        Volume s = TestVolumes.random(VoxelType.INT16, g, 2);
        PreparedImages p = new PreparedImages();
        org.coreg.image.VoxelReadListener l = p.converting();
        l.allocated(s.voxels());
        l.ready(s.voxels().length());
        assertThat(p.converted(s)).isNotNull();
        Volume rescaled = new Volume(s.voxels(), g, ImageMetadata.named("ct").withRescale(1, -1024));
        assertThat(p.converted(rescaled)).as("stored values are not the real ones").isNull();
    }
}
