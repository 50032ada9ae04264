package org.coreg.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.render.ViewPlane;
import org.coreg.image.AffineMap;
import org.coreg.image.VoxelType;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

class SessionTest {
    private Session loaded() {
        Session s = new Session();
        s.setFixed(SampledVolume.of(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(10, 9, 8), 1)));
        s.setMoving(SampledVolume.of(TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(10, 9, 8), 2)));
        return s;
    }

    @Test
    void transformAndRoiEditsUndoAndRedoInOrder() {
        Session s = loaded();
        List<SessionChange> events = new ArrayList<>();
        s.addListener(events::add);
        AffineMap t1 = PreAlign.translate(AffineMap.identity(), ViewPlane.AXIAL, 5, 0);
        s.setTransform(t1);
        RoiBox box = new RoiBox(new double[] {-10, -10, -10}, new double[] {10, 10, 10});
        s.setRoi(box);
        AffineMap t2 = PreAlign.rotate(t1, ViewPlane.CORONAL, 0.2, s.cursor());
        s.setTransform(t2);
        assertThat(events).contains(SessionChange.TRANSFORM, SessionChange.ROI);

        assertThat(s.undo()).isTrue();
        assertThat(s.fixedToMoving()).isEqualTo(t1);
        assertThat(s.roi()).contains(box);
        assertThat(s.undo()).isTrue();
        assertThat(s.roi()).isEmpty();
        assertThat(s.undo()).isTrue();
        assertThat(s.fixedToMoving()).isEqualTo(AffineMap.identity());
        assertThat(s.undo()).isFalse();
        assertThat(s.redo()).isTrue();
        assertThat(s.redo()).isTrue();
        assertThat(s.roi()).contains(box);
        assertThat(s.fixedToMoving()).isEqualTo(t1);
        s.setTransform(AffineMap.identity());
        assertThat(s.canRedo()).as("a new edit clears redo").isFalse();
    }

    @Test
    void aDragGestureIsOneUndoStep() {
        Session s = loaded();
        s.beginGesture();
        for (int i = 1; i <= 10; i++) {
            s.setTransform(PreAlign.translate(AffineMap.identity(), ViewPlane.AXIAL, i, 0));
        }
        s.endGesture();
        assertThat(s.fixedToMoving().get(0, 3)).isEqualTo(-10.0);
        assertThat(s.undo()).isTrue();
        assertThat(s.fixedToMoving()).isEqualTo(AffineMap.identity());
        assertThat(s.canUndo()).isFalse();
    }

    @Test
    void translatingRightShowsMovingContentFurtherRight() {
        // fixed point p shows the moving value at T(p); after the drag the content that was at q is at q + shift
        AffineMap t = PreAlign.translate(AffineMap.identity(), ViewPlane.CORONAL, 3, 4);
        double[] q = {1, 2, 3};
        double[] shownAt = {q[0] + 3, q[1], q[2] - 4};
        assertThat(t.apply(shownAt)).containsExactly(q);
    }

    @Test
    void rotationAboutTheCentreKeepsTheCentreAndTurnsScreenRightTowardsDown() {
        double[] c = {10, -20, 30};
        AffineMap t = PreAlign.rotate(AffineMap.identity(), ViewPlane.AXIAL, Math.PI / 2, c);
        assertThat(t.apply(c)).containsExactly(new double[] {10, -20, 30}, within(1e-9));
        // content at c + right moves to c + down: fixed point c + down shows moving point c + right
        double[] shown = t.apply(10, -19, 30);
        assertThat(shown).containsExactly(new double[] {11, -20, 30}, within(1e-9));
        AffineMap n = PreAlign.fromNumbers(AffineMap.identity(), new double[] {0, 0, 90}, new double[] {0, 0, 0}, c);
        assertThat(n.maxAbsDifference(t)).isLessThan(1e-9);
    }

    @Test
    void roiFacesDoNotCross() {
        RoiBox b = new RoiBox(new double[] {0, 0, 0}, new double[] {10, 10, 10});
        assertThat(b.withFace(0, true, -5).max(0)).isEqualTo(0.0);
        assertThat(b.withFace(2, false, 4).min(2)).isEqualTo(4.0);
        assertThat(b.translated(new double[] {1, 2, 3}).contains(new double[] {11, 12, 13})).isTrue();
    }

    @Test
    void swappingFixedAndMovingInvertsTheTransformAndKeepsTheAnatomyUnderTheCursor() {
        Session s = loaded();
        var oldFixed = s.fixed().orElseThrow();
        var oldMoving = s.moving().orElseThrow();
        AffineMap t = PreAlign.rotate(PreAlign.translate(AffineMap.identity(), ViewPlane.AXIAL, 4, -2),
                ViewPlane.SAGITTAL, 0.3, s.cursor());
        s.setTransform(t);
        RoiBox box = new RoiBox(new double[] {-3, -2, -1}, new double[] {4, 5, 6});
        s.setRoi(box);
        var point = new org.coreg.points.PlanningPoint("target", new double[] {2, -1, 3}, "", false);
        s.setPoints(List.of(point));
        double[] before = s.cursor();
        double movingValue = s.movingValueAtCursor();
        s.swapFixedAndMoving();
        assertThat(s.fixed().orElseThrow()).isSameAs(oldMoving);
        assertThat(s.moving().orElseThrow()).isSameAs(oldFixed);
        assertThat(s.fixedToMoving().after(t).maxAbsDifference(AffineMap.identity())).isLessThan(1e-12);
        assertThat(s.cursor()).containsExactly(t.apply(before), within(1e-12));
        assertThat(s.fixedValueAtCursor()).isEqualTo(movingValue);
        // the point is the same anatomy: the new fixed->moving map takes it back to where it was planned
        double[] moved = s.points().getFirst().lps();
        assertThat(moved).containsExactly(t.apply(point.lps()), within(1e-12));
        assertThat(s.fixedToMoving().apply(moved)).containsExactly(point.lps(), within(1e-9));
        // the crop box holds every corner of the old box, carried into the new fixed space
        RoiBox carried = s.roi().orElseThrow();
        for (int c = 0; c < 8; c++) {
            double[] corner = {(c & 1) == 0 ? box.min(0) : box.max(0), (c & 2) == 0 ? box.min(1) : box.max(1),
                (c & 4) == 0 ? box.min(2) : box.max(2)};
            double[] p = t.apply(corner);
            for (int a = 0; a < 3; a++) {
                assertThat(p[a]).isBetween(carried.min(a) - 1e-9, carried.max(a) + 1e-9);
            }
        }
        // one undo step puts back the volumes, the transform, the box as drawn and the points
        assertThat(s.canUndo()).isTrue();
        assertThat(s.undo()).isTrue();
        assertThat(s.fixed().orElseThrow()).isSameAs(oldFixed);
        assertThat(s.fixedToMoving()).isEqualTo(t);
        assertThat(s.roi()).contains(box);
        assertThat(s.points()).containsExactly(point);
        assertThat(s.cursor()).containsExactly(before, within(1e-9));
        assertThat(s.redo()).isTrue();
        assertThat(s.fixed().orElseThrow()).isSameAs(oldMoving);
        assertThat(s.roi()).contains(carried);
    }

    @Test
    void aTransformEditAfterASwapUndoesInTheSwappedRolesThenTheSwapItself() {
        Session s = loaded();
        var oldFixed = s.fixed().orElseThrow();
        AffineMap t = PreAlign.translate(AffineMap.identity(), ViewPlane.AXIAL, 4, -2);
        s.setTransform(t);
        s.swapFixedAndMoving();
        AffineMap swapped = s.fixedToMoving();
        AffineMap nudged = PreAlign.translate(swapped, ViewPlane.CORONAL, 1, 0);
        s.setTransform(nudged);
        assertThat(s.undo()).isTrue();
        assertThat(s.fixed().orElseThrow()).isNotSameAs(oldFixed);
        assertThat(s.fixedToMoving()).isEqualTo(swapped);
        assertThat(s.undo()).isTrue();
        assertThat(s.fixed().orElseThrow()).isSameAs(oldFixed);
        assertThat(s.fixedToMoving()).isEqualTo(t);
    }

    @Test
    void theBeforeAfterComparisonSurvivesASwapInverted() {
        Session s = loaded();
        AffineMap start = PreAlign.translate(AffineMap.identity(), ViewPlane.AXIAL, 1, 1);
        AffineMap result = PreAlign.rotate(start, ViewPlane.SAGITTAL, 0.1, s.cursor());
        s.setTransform(result);
        s.setComparison(new RegistrationComparison(start, result));
        s.swapFixedAndMoving();
        assertThat(s.canCompare()).isTrue();
        s.showBefore(true);
        assertThat(s.displayedTransform().after(start).maxAbsDifference(AffineMap.identity())).isLessThan(1e-12);
    }

    @Test
    void transformLibraryKeepsRenamesAndDeletes() {
        TransformLibrary lib = new TransformLibrary();
        int[] changes = {0};
        lib.addListener(() -> changes[0]++);
        var a = lib.add("Registration", AffineMap.identity(), "registration");
        var b = lib.add("Registration", PreAlign.translate(AffineMap.identity(), ViewPlane.AXIAL, 1, 0), "registration");
        assertThat(b.name()).isEqualTo("Registration (2)");
        assertThat(lib.rename(a, "Registration (2)")).as("names stay unique").isFalse();
        assertThat(lib.rename(a, "  rigid  ")).isTrue();
        assertThat(lib.entries()).extracting(TransformLibrary.Entry::name).containsExactly("rigid", "Registration (2)");
        lib.remove(b);
        assertThat(lib.entries()).hasSize(1);
        assertThat(changes[0]).isEqualTo(4);
    }
}
