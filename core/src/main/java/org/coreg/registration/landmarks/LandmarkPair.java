package org.coreg.registration.landmarks;

import java.util.Objects;

/**
 * One anatomical point found on both images: its position in the fixed image and in the moving image, each in that
 * image's LPS mm. A fixed-to-moving transform is right at this pair when it maps {@code fixed} onto {@code moving}.
 *
 * @param label  the name both point files give it (or its 1-based position when paired by order)
 * @param fixed  LPS mm in the fixed image (3 values; copied)
 * @param moving LPS mm in the moving image (3 values; copied)
 */
public record LandmarkPair(String label, double[] fixed, double[] moving) {
    public LandmarkPair {
        Objects.requireNonNull(label, "label");
        if (fixed == null || fixed.length != 3 || moving == null || moving.length != 3) {
            throw new IllegalArgumentException("landmark pair '" + label + "' needs 3 coordinates on each image");
        }
        fixed = fixed.clone();
        moving = moving.clone();
    }

    @Override
    public double[] fixed() {
        return fixed.clone();
    }

    @Override
    public double[] moving() {
        return moving.clone();
    }
}
