package org.coreg.app.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary.Entry;
import org.coreg.image.AffineMap;
import org.junit.jupiter.api.Test;

/** Hardening a kept transform into the moving volume, and undoing it. */
class HardenMovingTest {
    private static final AffineMap RIGID = AffineMap.ofRowMajor3x4(Math.cos(0.3), -Math.sin(0.3), 0, 4,
            Math.sin(0.3), Math.cos(0.3), 0, -6, 0, 0, 1, 2);

    @Test
    void theHardenedMovingShowsTheSameValuesWithTheIdentityAndUndoRestoresEverything() throws Exception {
        Session s = TransformManagerTest.session();
        var oldMoving = s.moving().orElseThrow();
        Entry r = s.transforms().add("registration", RIGID, "test");
        Entry other = s.transforms().add("other", TransformManagerTest.B, "test");
        s.setTransform(RIGID);
        double[] p = RIGID.inverse().apply(oldMoving.geometry().center()); // maps into the middle of the moving grid
        float before = oldMoving.valueAtWorld(RIGID.apply(p));
        assertThat(before).isFinite();

        HardenMoving h = new HardenMoving(s);
        h.apply(h.prepare(r));
        var hardened = s.moving().orElseThrow();
        assertThat(hardened).isNotSameAs(oldMoving);
        assertThat(hardened.source().voxels()).as("geometry only: the voxels stay").isSameAs(oldMoving.source().voxels());
        assertThat(s.fixedToMoving().maxAbsDifference(AffineMap.identity())).isLessThan(1e-12);
        assertThat(hardened.valueAtWorld(p)).as("the same anatomy under the cursor").isEqualTo(before);
        Entry rNow = s.transforms().entries().get(0);
        assertThat(rNow.fixedToMoving().maxAbsDifference(AffineMap.identity())).isLessThan(1e-12);
        Entry otherNow = s.transforms().entries().get(1);
        double[] q = {5, 6, 7};
        // the other entry still points at the same voxels: hardened geometry o re-expressed entry = old mapping
        double[] viaOld = oldMoving.source().geometry().indexToWorld().inverse().apply(other.fixedToMoving().apply(q));
        double[] viaNew = hardened.source().geometry().indexToWorld().inverse().apply(otherNow.fixedToMoving().apply(q));
        assertThat(viaNew).containsExactly(viaOld, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(h.canUndo()).isTrue();
        assertThat(h.undo()).isTrue();
        assertThat(s.moving().orElseThrow()).isSameAs(oldMoving);
        assertThat(s.fixedToMoving()).isEqualTo(RIGID);
        assertThat(s.transforms().entries()).containsExactly(r, other);
        assertThat(h.undo()).isFalse();
    }

    @Test
    void aShearCannotBeHardenedAndLeavesTheSessionAsItWas() {
        Session s = TransformManagerTest.session();
        var oldMoving = s.moving().orElseThrow();
        Entry shear = s.transforms().add("shear", AffineMap.ofRowMajor3x4(1, 0.4, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0), "test");
        HardenMoving h = new HardenMoving(s);
        assertThatThrownBy(() -> h.prepare(shear)).isInstanceOf(TransformActionException.class)
                .hasMessageContaining("cannot be hardened");
        assertThat(s.moving().orElseThrow()).isSameAs(oldMoving);
        assertThat(s.transforms().entries()).containsExactly(shear);
        assertThat(h.canUndo()).isFalse();
    }
}
