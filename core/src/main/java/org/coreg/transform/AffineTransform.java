package org.coreg.transform;

import java.util.Arrays;
import java.util.Objects;
import org.coreg.image.AffineMap;

/**
 * An affine map of LPS millimetres, {@code y = A x + o}, with the direction it maps and the parameterisation ITK and
 * elastix use to store it: a {@link LinearKind} and a centre of rotation {@code c} (LPS mm), so that
 * {@code y = A (x - c) + c + t}. The centre does not change the map, only how its parameters read.
 */
public final class AffineTransform implements SpatialTransform {
    /** Matrix entries closer than this to a rigid or similarity matrix are classified as one. */
    public static final double KIND_TOLERANCE = 1e-12;

    private final AffineMap map;
    private final Direction direction;
    private final LinearKind kind;
    private final double[] center;

    private AffineTransform(AffineMap map, Direction direction, LinearKind kind, double[] center) {
        this.map = Objects.requireNonNull(map, "map");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (center.length != 3) {
            throw new IllegalArgumentException("a centre of rotation needs 3 coordinates, got " + center.length);
        }
        this.center = center.clone();
    }

    /** The map in the given direction, its kind inferred from the matrix, centred at the LPS origin. */
    public static AffineTransform of(AffineMap map, Direction direction) {
        return new AffineTransform(map, direction, LinearKind.classify(map, KIND_TOLERANCE), new double[3]);
    }

    /** A fixed-to-moving map (what a registration produces), kind inferred, centred at the LPS origin. */
    public static AffineTransform fixedToMoving(AffineMap map) {
        return of(map, Direction.FIXED_TO_MOVING);
    }

    /** The map with an explicit kind and centre (LPS mm); the kind must not be less general than the matrix. */
    public static AffineTransform of(AffineMap map, Direction direction, LinearKind kind, double[] center) {
        LinearKind actual = LinearKind.classify(map, 1e-6);
        if (kind.ordinal() < actual.ordinal()) {
            throw new IllegalArgumentException("the matrix is " + actual + ", not " + kind + ": " + map);
        }
        return new AffineTransform(map, direction, kind, center);
    }

    public static AffineTransform identity(Direction direction) {
        return new AffineTransform(AffineMap.identity(), direction, LinearKind.RIGID, new double[3]);
    }

    /** The map in LPS mm. */
    public AffineMap map() {
        return map;
    }

    public LinearKind kind() {
        return kind;
    }

    /** Centre of rotation in LPS mm (a copy). */
    public double[] center() {
        return center.clone();
    }

    /** The same map parameterised about another centre (LPS mm). */
    public AffineTransform withCenter(double[] c) {
        return new AffineTransform(map, direction, kind, c);
    }

    /** The same map stored with a more general parameterisation. */
    public AffineTransform withKind(LinearKind k) {
        return of(map, direction, k, center);
    }

    /** The translation parameter {@code t} of {@code y = A (x - c) + c + t}, in mm (ITK "Translation"). */
    public double[] translationAboutCenter() {
        double[] ac = map.apply(center);
        return new double[] {ac[0] - center[0], ac[1] - center[1], ac[2] - center[2]};
    }

    /**
     * The exact inverse, in the reversed direction, centred at the image of this centre (so a rotation about
     * {@code c} inverts to a rotation about {@code c}'s image).
     *
     * @throws NonInvertibleTransformException if the matrix is singular
     */
    public AffineTransform inverse() throws NonInvertibleTransformException {
        try {
            return new AffineTransform(map.inverse(), direction.reversed(), kind, map.apply(center));
        } catch (IllegalStateException e) {
            throw new NonInvertibleTransformException(e.getMessage());
        }
    }

    /** {@code this.after(first)}: applies {@code first}, then this; the kind is the more general of the two. */
    public AffineTransform after(AffineTransform first) {
        LinearKind k = LinearKind.values()[Math.max(kind.ordinal(), first.kind.ordinal())];
        return new AffineTransform(map.after(first.map), direction, k, first.center);
    }

    @Override
    public Direction direction() {
        return direction;
    }

    @Override
    public void apply(double[] p, double[] out) {
        map.apply(p, out);
    }

    @Override
    public boolean isLinear() {
        return true;
    }

    @Override
    public AffineTransform withDirection(Direction d) {
        return new AffineTransform(map, d, kind, center);
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + direction.label();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineTransform a && map.equals(a.map) && direction == a.direction && kind == a.kind
                && Arrays.equals(center, a.center);
    }

    @Override
    public int hashCode() {
        return map.hashCode() * 31 + direction.hashCode();
    }

    @Override
    public String toString() {
        return "AffineTransform[" + describe() + ", center=" + Arrays.toString(center) + ", " + map + "]";
    }
}
