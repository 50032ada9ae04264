package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.coreg.image.AffineMap;
import org.junit.jupiter.api.Test;

/** Which linear maps may be used as an initial transform or kept as a result. */
class LinearMapCheckTest {
    @Test
    void aRotationWithTranslationIsUsable() {
        assertThat(LinearMapCheck.problem(AffineMap.of(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1},
                new double[] {10, 20, 30}))).isNull();
    }

    @Test
    void rankTwoIsSingular() {
        assertThat(LinearMapCheck.problem(AffineMap.ofRowMajor3x4(1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0)))
                .contains("singular (rank 2)").contains("plane");
    }

    @Test
    void aReflectionMirrors() {
        assertThat(LinearMapCheck.problem(AffineMap.ofRowMajor3x4(-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0)))
                .contains("mirrors space");
    }

    @Test
    void extremeScalesAreRefused() {
        // Non-finite numbers never reach this check: AffineMap refuses them when it is built.
        assertThat(LinearMapCheck.problem(AffineMap.ofRowMajor3x4(0.05, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0)))
                .contains("nearly degenerate");
    }

    @Test
    void singularValuesOfAScaledRotation() {
        double c = Math.cos(0.4), s = Math.sin(0.4);
        AffineMap m = AffineMap.ofRowMajor3x4(2 * c, -s, 0, 0, 2 * s, c, 0, 0, 0, 0, 0.5, 0);
        assertThat(LinearMapCheck.singularValues(m)).containsExactly(new double[] {2, 1, 0.5},
                org.assertj.core.data.Offset.offset(1e-9));
    }
}
