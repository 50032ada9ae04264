package org.coreg.transform;

import java.util.ArrayList;
import java.util.List;

/** Composition and inversion of any {@link SpatialTransform}. */
public final class Transforms {
    private Transforms() {
    }

    /**
     * The transform that applies {@code steps} in order (first applied first). Adjacent linear steps collapse to one
     * {@link AffineTransform}; a chain that is linear throughout becomes a single affine; nested composites are
     * flattened. All steps must have the same direction.
     */
    public static SpatialTransform compose(List<? extends SpatialTransform> steps) {
        List<SpatialTransform> flat = new ArrayList<>();
        for (SpatialTransform s : steps) {
            if (s instanceof CompositeTransform c) {
                flat.addAll(c.steps());
            } else {
                flat.add(s);
            }
        }
        if (flat.isEmpty()) {
            throw new IllegalArgumentException("nothing to compose");
        }
        List<SpatialTransform> out = new ArrayList<>();
        for (SpatialTransform s : flat) {
            if (s.direction() != flat.getFirst().direction()) {
                throw new IllegalArgumentException("cannot compose " + s.describe() + " after "
                        + flat.getFirst().describe() + ": directions differ");
            }
            if (!out.isEmpty() && out.getLast() instanceof AffineTransform prev && s instanceof AffineTransform a) {
                out.set(out.size() - 1, a.after(prev));
            } else {
                out.add(s);
            }
        }
        return out.size() == 1 ? out.getFirst() : new CompositeTransform(out);
    }

    /** {@code compose(List.of(steps))}. */
    public static SpatialTransform compose(SpatialTransform... steps) {
        return compose(List.of(steps));
    }

    /**
     * The inverse in the reversed direction: exact for affine maps and chains of them; for a nonlinear transform a
     * {@link NumericalInverse} with default tolerances (its residual is reported per point).
     *
     * @throws NonInvertibleTransformException if a matrix is singular
     */
    public static SpatialTransform inverse(SpatialTransform t) throws NonInvertibleTransformException {
        if (t instanceof AffineTransform a) {
            return a.inverse();
        }
        if (t instanceof InvertibleTransform i) {
            return i.inverse();
        }
        if (t instanceof CompositeTransform c) {
            List<SpatialTransform> inv = new ArrayList<>();
            for (SpatialTransform s : c.steps().reversed()) {
                inv.add(inverse(s));
            }
            return compose(inv);
        }
        return new NumericalInverse(t, NumericalInverse.Settings.DEFAULT);
    }
}
