package org.coreg.registration.landmarks;

import java.util.List;
import java.util.Objects;

/**
 * How a registration uses landmark pairs.
 *
 * @param pairs   the pairs (fixed and moving LPS mm)
 * @param fit     the kind of least-squares fit that gives the start (or the result when {@code fitOnly})
 * @param fitOnly true for the pure landmark fit (no intensity stage; {@code --stages landmarks})
 */
public record LandmarkOptions(List<LandmarkPair> pairs, LandmarkFitKind fit, boolean fitOnly) {
    public LandmarkOptions {
        pairs = List.copyOf(pairs);
        Objects.requireNonNull(fit, "fit");
    }
}
