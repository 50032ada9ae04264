package org.coreg.app.session;

import org.coreg.app.landmarks.PlantedPair;
import org.coreg.image.AffineMap;

/**
 * The undoable part of a session seen with the fixed and moving volumes exchanged: the old moving space becomes the
 * fixed space, so everything held in fixed LPS mm is carried through the old fixed-to-moving transform {@code T}.
 *
 * <ul>
 *   <li>the transform becomes {@code T^-1} (exact to rounding: the same alignment, read the other way);</li>
 *   <li>each planning point {@code p} becomes {@code T(p)}, the same anatomy in the new fixed space;</li>
 *   <li>each complete landmark pair swaps its fixed and moving points (an unfinished pair is dropped);</li>
 *   <li>the crop box, an axis-aligned box in fixed space, becomes the axis-aligned bounding box of its eight corners
 *       mapped by {@code T}: it holds all the anatomy the old box held (and, when {@code T} rotates, some more at
 *       its edges, since a turned box is not axis-aligned). Undoing the swap puts back the box as it was drawn, not
 *       the box of the box.</li>
 * </ul>
 */
final class RoleSwap {
    private RoleSwap() {
    }

    /** {@code s} (in the current roles) in the exchanged roles. */
    static EditState of(EditState s) {
        AffineMap t = s.fixedToMoving();
        return new EditState(t.inverse(), s.roi() == null ? null : boxThrough(s.roi(), t),
                s.points().stream().map(p -> p.movedTo(t.apply(p.lps()))).toList(),
                // landmark pairs swap sides; a pair still waiting for its moving point has nothing for the new fixed side
                s.landmarks().stream().filter(PlantedPair::complete)
                        .map(p -> new PlantedPair(p.label(), p.movingLps(), p.fixedLps())).toList());
    }

    /** The axis-aligned bounding box (LPS mm) of {@code box}'s eight corners mapped by {@code t}. */
    static RoiBox boxThrough(RoiBox box, AffineMap t) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 8; c++) {
            double[] p = t.apply((c & 1) == 0 ? box.min(0) : box.max(0), (c & 2) == 0 ? box.min(1) : box.max(1),
                    (c & 4) == 0 ? box.min(2) : box.max(2));
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p[a]);
                hi[a] = Math.max(hi[a], p[a]);
            }
        }
        return new RoiBox(lo, hi);
    }
}
