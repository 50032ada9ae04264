package org.coreg.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Coarse search over the whole rotation group and nearby translations, for starts too poor for gradient descent
 * (prone vs supine, head-first vs feet-first, unrelated frames of reference). With the fixed centre placed on the
 * moving centre it scores the 24 axis-aligned orientations, each with seven translations (none, and plus or minus
 * a quarter of the fixed region's radius along each axis); around the best three it tries 30-degree turns about each
 * axis; the best few and the given starts are refined by a short rigid optimisation, and the one with the best
 * metric wins. Scores weight minus MI by the overlap, so candidates that see little of the moving image lose.
 */
final class GlobalSearch {
    private static final int KEEP = 4;
    private static final double MIN_SEPARATION_RAD = Math.toRadians(20);

    /** Refines a candidate in place with a short optimisation; may throw to cancel. */
    interface Refiner {
        void refine(EulerRigidTransform t) throws RegistrationException;
    }

    /** Throws when the user has cancelled. */
    interface CancelCheck {
        void check() throws RegistrationCancelledException;
    }

    /**
     * The chosen transform, a sentence on how it was chosen, and every refined candidate with its score (best first;
     * the chosen one among them).
     */
    record Outcome(EulerRigidTransform best, String note, List<Scored> refined) {
        /**
         * The refined candidates other than the chosen one, measured from it: rotation angle between them, distance
         * between where they map {@code centre} (fixed LPS mm), and their scores; the near-duplicates of the chosen
         * pose (within 2 degrees and 2 mm) are left out.
         */
        List<PoseAlternative> alternatives(double[] centre) {
            List<PoseAlternative> out = new ArrayList<>();
            double[] bc = best.toAffineMap().apply(centre);
            double bs = refined.get(0).raw();
            for (Scored sc : refined.subList(1, refined.size())) {
                double deg = Math.toDegrees(RotationMath.angle(RotationMath.mul(transpose(best.rotation()),
                        sc.t().rotation())));
                double[] p = sc.t().toAffineMap().apply(centre);
                double mm = Math.sqrt((p[0] - bc[0]) * (p[0] - bc[0]) + (p[1] - bc[1]) * (p[1] - bc[1])
                        + (p[2] - bc[2]) * (p[2] - bc[2]));
                if (deg > 2 || mm > 2) {
                    out.add(new PoseAlternative(deg, mm, sc.raw(), bs));
                }
            }
            return out;
        }
    }

    /** A candidate; {@code score} may include a start's advantage, {@code raw} does not. */
    record Scored(EulerRigidTransform t, double score, String label, double raw) {
        Scored(EulerRigidTransform t, double score, String label) {
            this(t, score, label, score);
        }
    }

    private GlobalSearch() {
    }

    /**
     * @param fixedCentre  LPS mm (after the user's initial transform) about which candidates rotate
     * @param movingCentre LPS mm the fixed centre is moved onto
     * @param starts       transforms that compete as they are (e.g. the header start refined at this level)
     * @param startMargin  relative advantage given to the starts' scores (0 = none)
     * @param samples      a fixed sample set used for every score, so scores are comparable
     */
    static Outcome run(LevelContext ctx, double[] fixedCentre, double[] movingCentre, List<EulerRigidTransform> starts,
                       double startMargin, SampleSet samples, Refiner refiner, CancelCheck cancelCheck)
            throws RegistrationException {
        double radius = rmsRadius(samples, fixedCentre);
        double delta = 0.25 * radius;
        double[][] offsets = {{0, 0, 0}, {delta, 0, 0}, {-delta, 0, 0}, {0, delta, 0}, {0, -delta, 0}, {0, 0, delta},
            {0, 0, -delta}};
        List<Scored> coarse = new ArrayList<>();
        for (double[] r : RotationMath.axisAlignedRotations()) {
            cancelCheck.check();
            coarse.add(bestOffset(ctx, r, fixedCentre, movingCentre, offsets, samples, "axis-aligned"));
        }
        coarse.sort(Comparator.comparingDouble(Scored::score));
        List<Scored> all = new ArrayList<>(coarse);
        double[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int b = 0; b < 3; b++) {
            double[] base = coarse.get(b).t().rotation();
            for (double[] axis : axes) {
                for (double sign : new double[] {-1, 1}) {
                    cancelCheck.check();
                    double[] r = RotationMath.mul(RotationMath.axisAngle(axis, sign * Math.toRadians(30)), base);
                    all.add(bestOffset(ctx, r, fixedCentre, movingCentre, offsets, samples, "30-degree refinement"));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Scored::score));
        List<Scored> picked = new ArrayList<>();
        for (Scored s : all) {
            if (picked.size() == KEEP) {
                break;
            }
            boolean distinct = picked.stream().allMatch(p -> RotationMath.angle(RotationMath.mul(
                    transpose(p.t().rotation()), s.t().rotation())) > MIN_SEPARATION_RAD);
            if (distinct) {
                picked.add(s);
            }
        }
        List<Scored> refined = new ArrayList<>();
        for (EulerRigidTransform st : starts) {
            Scored sc = score(ctx, st.copy(), samples, "start");
            // A start that already converged at this level only loses to a clearly better candidate.
            refined.add(new Scored(sc.t(), sc.score() - startMargin * Math.abs(sc.score()), sc.label(), sc.raw()));
        }
        for (Scored s : picked) {
            EulerRigidTransform t = s.t().copy();
            refiner.refine(t);
            refined.add(score(ctx, t, samples, s.label()));
        }
        refined.sort(Comparator.comparingDouble(Scored::score));
        Scored best = refined.get(0);
        double angle = Math.toDegrees(RotationMath.angle(best.t().rotation()));
        String note = String.format(java.util.Locale.ROOT,
                "global search: %d orientations scored, %d refined; chose %s candidate (rotation %.1f deg, score %.4f)",
                all.size(), picked.size() + starts.size(), best.label(), angle, best.score());
        return new Outcome(best.t(), note, List.copyOf(refined));
    }

    private static Scored bestOffset(LevelContext ctx, double[] r, double[] fc, double[] mc, double[][] offsets,
                                     SampleSet samples, String label) {
        Scored best = null;
        for (double[] o : offsets) {
            double[] t = {mc[0] - fc[0] + o[0], mc[1] - fc[1] + o[1], mc[2] - fc[2] + o[2]};
            Scored s = score(ctx, EulerRigidTransform.of(fc, r, t), samples, label);
            if (best == null || s.score() < best.score()) {
                best = s;
            }
        }
        return best;
    }

    private static Scored score(LevelContext ctx, EulerRigidTransform t, SampleSet samples, String label) {
        MetricValue v = ctx.mi().evaluate(t, samples, false);
        return new Scored(t, v.cost() * v.overlap(), label);
    }

    static double rmsRadius(SampleSet s, double[] c) {
        double sum = 0;
        double[] p = s.points();
        for (int i = 0; i < s.size(); i++) {
            double dx = p[3 * i] - c[0], dy = p[3 * i + 1] - c[1], dz = p[3 * i + 2] - c[2];
            sum += dx * dx + dy * dy + dz * dz;
        }
        return Math.sqrt(sum / Math.max(1, s.size()));
    }

    private static double[] transpose(double[] m) {
        return new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]};
    }
}
