package org.coreg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelReadListener;
import org.coreg.image.VoxelType;
import org.coreg.io.metaimage.MetaImageWriter;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Readers tell a listener of the store they fill and how far its voxels have arrived, ending with all of them. */
class VoxelReadListenerTest {
    @TempDir
    Path dir;

    /** Records what a reader says. */
    private static final class Recorder implements VoxelReadListener {
        final List<VoxelData> stores = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();

        @Override
        public void allocated(VoxelData voxels) {
            stores.add(voxels);
        }

        @Override
        public void ready(int count) {
            counts.add(count);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v.mha", "v.mhd", "vz.mha", "v.nii", "v.nii.gz"})
    void theStoreIsNamedAndEveryVoxelIsAnnouncedInOrder(String name) throws Exception {
        // 3 chunks of the reader's 1 MiB: the counts must grow chunk by chunk, not only at the end.
        Volume v = TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(128, 128, 90), 5);
        Path f = dir.resolve(name);
        if (name.startsWith("vz")) {
            new MetaImageWriter(true, ByteOrder.LITTLE_ENDIAN, 1).write(v, f);
        } else {
            ImageFormats.standard().write(v, f);
        }
        Recorder r = new Recorder();
        Volume back = ImageFormats.standard().read(f, r);
        assertThat(r.stores).hasSize(1);
        assertThat(r.stores.get(0).array()).isSameAs(back.voxels().array());
        assertThat(r.counts).isSorted().hasSizeGreaterThan(1);
        assertThat(r.counts.get(r.counts.size() - 1)).isEqualTo(128 * 128 * 90);
        assertThat(java.util.Arrays.equals((short[]) back.voxels().array(), (short[]) v.voxels().array())).isTrue();
    }
}
