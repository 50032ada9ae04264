package org.coreg.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.coreg.app.render.SampledVolume;
import org.coreg.image.AffineMap;
import org.coreg.image.VoxelType;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

/** The before/after toggle: a display choice between a registration's start and result, never an edit. */
class BeforeAfterTest {
    private static final AffineMap START = AffineMap.ofRowMajor3x4(1, 0, 0, 3, 0, 1, 0, 0, 0, 0, 1, 0);
    private static final AffineMap RESULT = AffineMap.ofRowMajor3x4(1, 0, 0, 5, 0, 1, 0, -2, 0, 0, 1, 1);

    private Session registered() {
        Session s = new Session();
        s.setFixed(SampledVolume.of(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(10, 9, 8), 1)));
        s.setMoving(SampledVolume.of(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(10, 9, 8), 2)));
        s.setTransform(START);
        s.setTransform(RESULT);
        s.setComparison(new RegistrationComparison(START, RESULT));
        return s;
    }

    @Test
    void togglingShowsTheStartWithoutChangingTheTransformOrTheHistory() {
        Session s = registered();
        List<SessionChange> events = new ArrayList<>();
        s.addListener(events::add);
        assertThat(s.canCompare()).isTrue();
        assertThat(s.displayedTransform()).isEqualTo(RESULT);
        s.showBefore(true);
        assertThat(s.showingBefore()).isTrue();
        assertThat(s.displayedTransform()).isEqualTo(START);
        assertThat(s.fixedToMoving()).as("display only").isEqualTo(RESULT);
        assertThat(events).containsExactly(SessionChange.TRANSFORM);
        s.showBefore(false);
        assertThat(s.displayedTransform()).isEqualTo(RESULT);
        assertThat(s.undo()).isTrue();
        assertThat(s.fixedToMoving()).as("the toggle added no undo step").isEqualTo(START);
    }

    @Test
    void anyTransformEditEndsTheComparison() {
        Session s = registered();
        s.showBefore(true);
        s.setTransform(AffineMap.identity());
        assertThat(s.showingBefore()).isFalse();
        assertThat(s.canCompare()).isFalse();
        assertThat(s.displayedTransform()).isEqualTo(AffineMap.identity());
        s.showBefore(true);
        assertThat(s.displayedTransform()).as("nothing to compare").isEqualTo(AffineMap.identity());
        s.undo();
        assertThat(s.canCompare()).as("back on the result").isTrue();
        assertThat(s.showingBefore()).isFalse();
    }

    @Test
    void newVolumesForgetTheComparisonButASwapKeepsItInverted() {
        Session s = registered();
        AffineMap result = s.fixedToMoving();
        s.swapFixedAndMoving();
        assertThat(s.canCompare()).isTrue();
        s.undo();
        assertThat(s.canCompare()).isTrue();
        assertThat(s.fixedToMoving()).isEqualTo(result);
        Session t = registered();
        t.setMoving(t.moving().orElseThrow());
        assertThat(t.canCompare()).isFalse();
    }
}
