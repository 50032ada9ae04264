package org.coreg.app.sessionfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.RoiBox;
import org.coreg.app.session.TransformLibrary;
import org.coreg.image.AffineMap;
import org.coreg.points.PlanningPoint;

/**
 * Everything a session file holds. Coordinates are fixed LPS mm; every transform maps fixed LPS mm to moving LPS mm.
 *
 * @param fixed         the fixed volume's file (absolute once read), or null if it came from no file
 * @param moving        the moving volume's file, or null
 * @param fixedToMoving the current transform
 * @param kept          the transforms kept in the session's library
 * @param roi           the crop box, or null
 * @param points        planning points (fixed LPS mm)
 * @param cursor        the crosshair (fixed LPS mm)
 * @param fixedWindow   window/level of the fixed image
 * @param movingWindow  window/level of the moving image
 * @param fusion        overlay settings
 */
public record SessionDocument(Path fixed, Path moving, AffineMap fixedToMoving, List<TransformLibrary.Entry> kept,
                              RoiBox roi, List<PlanningPoint> points, double[] cursor, WindowLevel fixedWindow,
                              WindowLevel movingWindow, FusionSettings fusion) {
    public SessionDocument {
        Objects.requireNonNull(fixedToMoving, "fixedToMoving");
        kept = List.copyOf(kept);
        points = List.copyOf(points);
        cursor = cursor.clone();
        Objects.requireNonNull(fixedWindow, "fixedWindow");
        Objects.requireNonNull(movingWindow, "movingWindow");
        Objects.requireNonNull(fusion, "fusion");
    }

    @Override
    public double[] cursor() {
        return cursor.clone();
    }
}
