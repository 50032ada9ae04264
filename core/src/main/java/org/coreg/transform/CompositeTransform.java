package org.coreg.transform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An ordered chain of transforms applied first to last: {@code apply(p) = last(...(first(p)))}. All members share
 * the chain's direction (checked on construction). Build chains through {@link Transforms#compose}, which collapses
 * runs of linear transforms into one matrix.
 */
public final class CompositeTransform implements SpatialTransform {
    private final List<SpatialTransform> steps;
    private final Direction direction;

    /** @param steps at least one transform, in the order they are applied, all in the same direction */
    public CompositeTransform(List<SpatialTransform> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a composite transform needs at least one step");
        }
        this.direction = steps.getFirst().direction();
        for (SpatialTransform s : steps) {
            if (s.direction() != direction) {
                throw new IllegalArgumentException("a chain mixes directions: " + describe(steps));
            }
        }
        this.steps = List.copyOf(steps);
    }

    /** The steps in the order they are applied. */
    public List<SpatialTransform> steps() {
        return steps;
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public void apply(double[] p, double[] out) {
        double[] q = p.clone();
        for (SpatialTransform s : steps) {
            s.apply(q, q);
        }
        System.arraycopy(q, 0, out, 0, 3);
    }

    @Override
    public boolean isLinear() {
        return steps.stream().allMatch(SpatialTransform::isLinear);
    }

    @Override
    public CompositeTransform withDirection(Direction d) {
        return new CompositeTransform(steps.stream().map(s -> s.withDirection(d)).toList());
    }

    @Override
    public String describe() {
        return "composite " + direction.label() + " [" + describe(steps) + "]";
    }

    private static String describe(List<SpatialTransform> steps) {
        return steps.stream().map(SpatialTransform::describe).collect(Collectors.joining(", then "));
    }

    @Override
    public String toString() {
        return "CompositeTransform[" + describe() + "]";
    }
}
