package org.coreg.app.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.coreg.image.AffineMap;
import org.junit.jupiter.api.Test;

class LandmarkMarkersTest {
    /** A shift of 4 mm along S and a 90 degree turn about S: fixed LPS mm -> moving LPS mm. */
    private static final AffineMap T = AffineMap.ofRowMajor3x4(0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 4);

    @Test
    void theMovingMarkIsWhereTheViewsShowItsAnatomyAndOnlyMarksNearThePlaneAreDrawn() {
        double[] fixed = {10, 20, 3};
        double[] moving = T.apply(12, 18, 3);
        List<PlantedPair> pairs = List.of(new PlantedPair("a", fixed, moving),
                PlantedPair.pending("b", new double[] {0, 0, 2}),
                new PlantedPair("far", new double[] {0, 0, 40}, T.apply(0, 0, 40)));
        List<LandmarkMarkers.Marker> marks = LandmarkMarkers.nearPlane(pairs, T, 2, 0);
        assertThat(marks).extracting(LandmarkMarkers.Marker::label).containsExactly("a", "a", "b");
        LandmarkMarkers.Marker m = marks.get(1);
        assertThat(m.movingSide()).isTrue();
        // drawn at T^-1(moving): the fixed position whose moving anatomy it is
        assertThat(m.fixedLps()).containsExactly(new double[] {12, 18, 3}, within(1e-12));
        assertThat(m.distanceMm()).isCloseTo(3, within(1e-12));
        assertThat(marks.get(2).movingSide()).as("a pending pair has only its fixed mark").isFalse();
    }
}
