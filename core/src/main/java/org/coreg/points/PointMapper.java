package org.coreg.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.coreg.transform.Direction;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.NumericalInverse;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;

/**
 * Moves planning points between the fixed and the moving image's LPS space with a registration transform. The
 * direction is explicit at every call: a point planned on the fixed image is mapped to moving space by the
 * fixed-to-moving transform itself; the other way uses its inverse (exact for linear transforms, numerical with a
 * reported residual otherwise).
 */
public final class PointMapper {
    /**
     * Mapped points and how exactly they were mapped.
     *
     * @param points      the points in the target space
     * @param maxResidual largest {@code |T(x) - y|} (mm) of a numerical inverse; 0 where the map was applied directly
     *                    or inverted exactly
     */
    public record Result(PointList points, double maxResidual) {
    }

    private final SpatialTransform transform;

    /** @param transform a registration transform in either direction (its {@link SpatialTransform#direction()} says) */
    public PointMapper(SpatialTransform transform) {
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    /**
     * Maps {@code points} in the given direction: {@link Direction#FIXED_TO_MOVING} takes points in fixed space to
     * moving space.
     *
     * @throws NonInvertibleTransformException if the map needs the inverse and it does not exist, or a point cannot
     *                                         be inverted (the transform folds there)
     * @throws IllegalArgumentException        if the list says it is in the other space
     */
    public Result map(PointList points, Direction direction) throws NonInvertibleTransformException {
        Space from = direction == Direction.FIXED_TO_MOVING ? Space.FIXED : Space.MOVING;
        Space to = direction == Direction.FIXED_TO_MOVING ? Space.MOVING : Space.FIXED;
        if (points.space() != Space.UNKNOWN && points.space() != from) {
            throw new IllegalArgumentException("point list '" + points.name() + "' is in " + points.space()
                    + " space; mapping " + direction.label() + " needs points in " + from + " space");
        }
        List<PlanningPoint> out = new ArrayList<>(points.size());
        double worst = 0;
        if (transform.direction() == direction) {
            for (PlanningPoint p : points.points()) {
                out.add(p.movedTo(transform.apply(p.lps())));
            }
        } else {
            SpatialTransform inverse = Transforms.inverse(transform);
            for (PlanningPoint p : points.points()) {
                if (inverse instanceof NumericalInverse n) {
                    NumericalInverse.Solution s = n.solve(p.lps());
                    if (s.folded() || s.residual() > 1e-4) {
                        throw new NonInvertibleTransformException("cannot map point '" + p.label() + "' "
                                + direction.label() + ": " + (s.folded() ? "the transform folds there"
                                : "the inverse did not converge") + " (residual " + s.residual() + " mm)");
                    }
                    worst = Math.max(worst, s.residual());
                    out.add(p.movedTo(s.point()));
                } else {
                    out.add(p.movedTo(inverse.apply(p.lps())));
                }
            }
        }
        String how = transform.direction() == direction ? "with " + transform.describe()
                : "with the inverse of " + transform.describe();
        return new Result(points.moved(out, to, "mapped " + direction.label() + " " + how), worst);
    }

    /** Maps points planned on the fixed image into moving space (the transform itself). */
    public Result fixedToMoving(PointList fixedPoints) throws NonInvertibleTransformException {
        return map(fixedPoints, Direction.FIXED_TO_MOVING);
    }

    /** Maps points planned on the moving image into fixed space (the inverse transform). */
    public Result movingToFixed(PointList movingPoints) throws NonInvertibleTransformException {
        return map(movingPoints, Direction.MOVING_TO_FIXED);
    }
}
