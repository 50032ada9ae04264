package org.coreg.app.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coreg.app.render.SampledVolume;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary.Entry;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

/** Keep, use, compose, invert, rename and delete on a session's transform library. */
class TransformManagerTest {
    static final AffineMap A = AffineMap.ofRowMajor3x4(0.98, -0.17, 0.02, 4, 0.17, 0.98, 0.05, -7, -0.03, -0.04, 1.01,
            2.5);
    static final AffineMap B = AffineMap.ofRowMajor3x4(1, 0, 0, -3, 0, 0.9, -0.1, 1, 0, 0.1, 0.9, 8);

    static Session session() {
        Session s = new Session();
        ImageGeometry g = TestVolumes.obliqueGeometry(10, 9, 8);
        Volume f = TestVolumes.random(VoxelType.INT16, g, 1);
        Volume m = TestVolumes.random(VoxelType.INT16, g, 2);
        s.setFixed(SampledVolume.of(f.withMetadata(ImageMetadata.named("mr"))));
        s.setMoving(SampledVolume.of(m.withMetadata(ImageMetadata.named("ct"))));
        return s;
    }

    @Test
    void keepAndUseTheCurrentTransform() {
        Session s = session();
        TransformManager tm = new TransformManager(s);
        s.setTransform(A);
        Entry kept = tm.keepCurrent();
        assertThat(kept.fixedToMoving()).isEqualTo(A);
        assertThat(kept.appliesTo()).isEqualTo("fixed 'mr' -> moving 'ct'");
        s.setTransform(AffineMap.identity());
        tm.use(kept);
        assertThat(s.fixedToMoving()).isEqualTo(A);
        assertThat(s.undo()).as("use is one undoable step").isTrue();
        assertThat(s.fixedToMoving()).isEqualTo(AffineMap.identity());
    }

    @Test
    void composeAppliesTheFirstThenTheSecond() throws Exception {
        Session s = session();
        TransformManager tm = new TransformManager(s);
        Entry a = s.transforms().add("a", A, "test", "fixed 'mr' -> 'atlas'");
        Entry b = s.transforms().add("b", B, "test", "'atlas' -> moving 'ct'");
        Entry c = tm.compose(a, b);
        double[] p = {12, -30, 44};
        assertThat(c.fixedToMoving().apply(p)).containsExactly(B.apply(A.apply(p)),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.name()).isEqualTo("a then b");
        assertThat(c.appliesTo()).isEqualTo("fixed 'mr' -> moving 'ct'");
        assertThat(s.transforms().entries()).containsExactly(a, b, c);
    }

    @Test
    void invertAddsTheInverseAndKeepsTheOriginal() throws Exception {
        Session s = session();
        TransformManager tm = new TransformManager(s);
        Entry a = s.transforms().add("a", A, "test", "fixed 'mr' -> moving 'ct'");
        Entry inv = tm.invert(a);
        assertThat(inv.fixedToMoving().after(A).maxAbsDifference(AffineMap.identity())).isLessThan(1e-12);
        assertThat(inv.appliesTo()).isEqualTo("moving 'ct' -> fixed 'mr'");
        assertThat(inv.origin()).isEqualTo("inverse of a");
        assertThat(s.transforms().entries()).containsExactly(a, inv);
        assertThat(tm.invert(inv).fixedToMoving().maxAbsDifference(A)).isLessThan(1e-12);
    }

    @Test
    void aSingularTransformIsNotInvertedAndNothingIsAdded() {
        Session s = session();
        TransformManager tm = new TransformManager(s);
        Entry flat = s.transforms().add("flat", AffineMap.ofRowMajor3x4(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0), "test");
        assertThatThrownBy(() -> tm.invert(flat)).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("'flat' cannot be inverted");
        assertThat(s.transforms().entries()).containsExactly(flat);
    }

    @Test
    void renameRefusesBlankAndTakenNames() throws Exception {
        Session s = session();
        TransformManager tm = new TransformManager(s);
        Entry a = s.transforms().add("a", A, "test");
        Entry b = s.transforms().add("b", B, "test");
        Entry renamed = tm.rename(a, "  CT to MR  ");
        assertThat(renamed.name()).isEqualTo("CT to MR");
        assertThat(renamed.fixedToMoving()).isEqualTo(A);
        assertThatThrownBy(() -> tm.rename(b, "CT to MR")).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("already called");
        assertThatThrownBy(() -> tm.rename(b, " ")).isInstanceOf(TransformActionException.class);
        assertThat(s.transforms().entries()).extracting(Entry::name).containsExactly("CT to MR", "b");
    }

    @Test
    void deleteRemovesOnlyThatEntryAndLeavesTheCurrentTransform() {
        Session s = session();
        TransformManager tm = new TransformManager(s);
        Entry a = s.transforms().add("a", A, "test");
        Entry b = s.transforms().add("b", B, "test");
        tm.use(a);
        tm.delete(a);
        assertThat(s.transforms().entries()).containsExactly(b);
        assertThat(s.fixedToMoving()).isEqualTo(A);
    }
}
