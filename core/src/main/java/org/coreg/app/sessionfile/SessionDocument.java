package org.coreg.app.sessionfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.coreg.app.landmarks.PlantedPair;
import org.coreg.app.load.VolumeSource;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.RegistrationVerdict;
import org.coreg.app.session.RoiBox;
import org.coreg.app.session.TransformLibrary;
import org.coreg.image.AffineMap;
import org.coreg.points.PlanningPoint;

/**
 * Everything a session file holds. Coordinates are fixed LPS mm; every transform maps fixed LPS mm to moving LPS mm.
 *
 * @param fixed         where the fixed volume came from (paths absolute once read), or null if it cannot be read
 *                      again (a demo volume)
 * @param moving        where the moving volume came from, or null
 * @param fixedToMoving the current transform
 * @param kept          the transforms kept in the session's library
 * @param roi           the crop box, or null
 * @param points        planning points (fixed LPS mm)
 * @param cursor        the crosshair (fixed LPS mm)
 * @param fixedWindow   window/level of the fixed image
 * @param movingWindow  window/level of the moving image
 * @param fusion        overlay settings
 * @param landmarks     landmark pairs (fixed point in fixed LPS mm, moving point in moving LPS mm)
 * @param verdict       the last registration's quality report and the transform it judged, or null
 * @param deformation   the file beside the session holding its B-spline result (whose affine part is
 *                      {@code fixedToMoving}), or null when there is none
 * @param keptDeformations for the kept transforms that are B-spline results, by entry name, the transform file beside
 *                      the session holding the whole map (fixed -> moving; the entries of {@code kept} hold their
 *                      affine part until it is read)
 */
public record SessionDocument(VolumeSource fixed, VolumeSource moving, AffineMap fixedToMoving, List<TransformLibrary.Entry> kept,
                              RoiBox roi, List<PlanningPoint> points, double[] cursor, WindowLevel fixedWindow,
                              WindowLevel movingWindow, FusionSettings fusion, List<PlantedPair> landmarks,
                              RegistrationVerdict verdict, SessionDeformation deformation,
                              Map<String, Path> keptDeformations) {
    public SessionDocument {
        keptDeformations = Map.copyOf(keptDeformations);
        landmarks = List.copyOf(landmarks);
        Objects.requireNonNull(fixedToMoving, "fixedToMoving");
        kept = List.copyOf(kept);
        points = List.copyOf(points);
        cursor = cursor.clone();
        Objects.requireNonNull(fixedWindow, "fixedWindow");
        Objects.requireNonNull(movingWindow, "movingWindow");
        Objects.requireNonNull(fusion, "fusion");
    }

    /** A document without a B-spline result. */
    public SessionDocument(VolumeSource fixed, VolumeSource moving, AffineMap fixedToMoving, List<TransformLibrary.Entry> kept,
                           RoiBox roi, List<PlanningPoint> points, double[] cursor, WindowLevel fixedWindow,
                           WindowLevel movingWindow, FusionSettings fusion, List<PlantedPair> landmarks,
                           RegistrationVerdict verdict) {
        this(fixed, moving, fixedToMoving, kept, roi, points, cursor, fixedWindow, movingWindow, fusion, landmarks,
                verdict, null, Map.of());
    }

    /**
     * The same document linking {@code d} as its B-spline result (null: none) and {@code kept} as the files of its
     * kept B-spline results (by entry name).
     */
    public SessionDocument withDeformations(SessionDeformation d, Map<String, Path> kept) {
        return new SessionDocument(fixed, moving, fixedToMoving, this.kept, roi, points, cursor, fixedWindow,
                movingWindow, fusion, landmarks, verdict, d, kept);
    }

    /** A document without landmarks and quality report. */
    public SessionDocument(VolumeSource fixed, VolumeSource moving, AffineMap fixedToMoving, List<TransformLibrary.Entry> kept,
                           RoiBox roi, List<PlanningPoint> points, double[] cursor, WindowLevel fixedWindow,
                           WindowLevel movingWindow, FusionSettings fusion) {
        this(fixed, moving, fixedToMoving, kept, roi, points, cursor, fixedWindow, movingWindow, fusion, List.of(),
                null);
    }

    @Override
    public double[] cursor() {
        return cursor.clone();
    }
}
