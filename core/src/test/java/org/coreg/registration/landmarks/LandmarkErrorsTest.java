package org.coreg.registration.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.junit.jupiter.api.Test;

/** Errors of a transform at landmark pairs, in either stored direction. */
class LandmarkErrorsTest {
    private static final List<LandmarkPair> PAIRS = List.of(
            new LandmarkPair("a", new double[] {0, 0, 0}, new double[] {3, 0, 0}),
            new LandmarkPair("b", new double[] {10, 0, 0}, new double[] {10, 4, 0}));

    @Test
    void perPairMeanMaxAndRmsOfAFixedToMovingShift() throws Exception {
        // T(x) = x + (0, 0, 0): pair a misses by 3 mm, pair b by 4 mm.
        LandmarkErrors e = LandmarkErrors.of(AffineTransform.fixedToMoving(AffineMap.identity()), PAIRS);
        assertThat(e.points()).extracting(LandmarkErrors.PairError::errorMm).containsExactly(3.0, 4.0);
        assertThat(e.meanMm()).isCloseTo(3.5, within(1e-12));
        assertThat(e.maxMm()).isCloseTo(4, within(1e-12));
        assertThat(e.rmsMm()).isCloseTo(Math.sqrt(12.5), within(1e-12));
    }

    @Test
    void aMovingToFixedTransformIsInvertedFirst() throws Exception {
        AffineMap f2m = AffineMap.of(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {3, 0, 0});
        LandmarkErrors forward = LandmarkErrors.of(AffineTransform.fixedToMoving(f2m), PAIRS);
        LandmarkErrors stored = LandmarkErrors.of(AffineTransform.of(f2m.inverse(), Direction.MOVING_TO_FIXED), PAIRS);
        assertThat(forward.points().get(0).errorMm()).isCloseTo(0, within(1e-12));
        assertThat(stored.points()).extracting(LandmarkErrors.PairError::errorMm)
                .containsExactly(forward.points().get(0).errorMm(), forward.points().get(1).errorMm());
    }
}
