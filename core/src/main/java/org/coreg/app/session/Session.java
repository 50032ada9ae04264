package org.coreg.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.coreg.app.landmarks.PlantedPair;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.render.WindowPreset;
import org.coreg.image.AffineMap;
import org.coreg.points.PlanningPoint;

/**
 * What the user is working on: the fixed and moving volumes, the current transform (fixed LPS mm -> moving LPS mm,
 * the ITK resampling direction), the crop ROI box (fixed LPS mm), the cursor (fixed LPS mm) and the display
 * settings. Transform and ROI edits are undoable; a mouse gesture ({@link #beginGesture()} ...
 * {@link #endGesture()}) is one undo step, and so is swapping fixed and moving. Not thread-safe: the UI thread owns it.
 */
public final class Session {
    private final List<SessionListener> listeners = new ArrayList<>();
    private final UndoHistory<Snapshot> history = new UndoHistory<>(200);
    private SampledVolume fixed;
    private SampledVolume moving;
    private AffineMap fixedToMoving = AffineMap.identity();
    private RoiBox roi;
    private double[] cursor = {0, 0, 0};
    private WindowLevel fixedWindow = new WindowLevel(0, 1);
    private WindowLevel movingWindow = new WindowLevel(0, 1);
    private FusionSettings fusion = FusionSettings.defaults();
    private Snapshot gestureStart;
    /** Whether the volumes are in the opposite roles to the ones they were loaded in (undo of a swap needs it). */
    private boolean rolesSwapped;
    private final TransformLibrary transforms = new TransformLibrary();
    private RegistrationComparison comparison;
    /** The roles the comparison was made in: read inverted while the volumes are in the other roles. */
    private boolean comparisonRolesSwapped;
    private boolean showingBefore;
    private List<PlanningPoint> points = List.of();
    private List<PlantedPair> landmarks = List.of();
    private RegistrationVerdict verdict;
    private Deformation deformation;
    private boolean jacobianShown;
    private boolean cropBoxRemoved;

    public void addListener(SessionListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(SessionListener l) {
        listeners.remove(l);
    }

    private void fire(SessionChange c) {
        for (SessionListener l : List.copyOf(listeners)) {
            l.changed(c);
        }
    }

    /**
     * Sets the fixed volume; the cursor moves to its centre, the window to its percentiles, history is cleared. The
     * crop box (fixed LPS mm) stays when the new volume still overlaps it, else it is removed
     * ({@link #cropBoxRemovedByLastVolume()} then says so, for the user to be told).
     */
    public void setFixed(SampledVolume v) {
        fixed = Objects.requireNonNull(v);
        cursor = v.geometry().center();
        fixedWindow = WindowPreset.AUTOMATIC.windowFor(v);
        cropBoxRemoved = roi != null && !overlaps(roi, v);
        if (cropBoxRemoved) {
            roi = null;
        }
        comparison = null;
        verdict = null;
        deformation = null;
        showingBefore = false;
        history.clear();
        fire(SessionChange.VOLUMES);
    }

    /** True when the last {@link #setFixed} removed the crop box because the new volume does not overlap it. */
    public boolean cropBoxRemovedByLastVolume() {
        return cropBoxRemoved;
    }

    /** True when {@code box} and the world bounds of {@code v}'s voxels (LPS mm) share some volume. */
    static boolean overlaps(RoiBox box, SampledVolume v) {
        var g = v.geometry();
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 8; c++) {
            double[] p = g.indexToWorld((c & 1) == 0 ? -0.5 : g.size(0) - 0.5, (c & 2) == 0 ? -0.5 : g.size(1) - 0.5,
                    (c & 4) == 0 ? -0.5 : g.size(2) - 0.5);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p[a]);
                hi[a] = Math.max(hi[a], p[a]);
            }
        }
        for (int a = 0; a < 3; a++) {
            if (box.max(a) <= lo[a] || box.min(a) >= hi[a]) {
                return false;
            }
        }
        return true;
    }

    /** Sets the moving volume with the identity transform (both volumes as their headers place them). */
    public void setMoving(SampledVolume v) {
        moving = Objects.requireNonNull(v);
        movingWindow = WindowPreset.AUTOMATIC.windowFor(v);
        fixedToMoving = AffineMap.identity();
        comparison = null;
        verdict = null;
        deformation = null;
        showingBefore = false;
        history.clear();
        fire(SessionChange.VOLUMES);
    }

    public Optional<SampledVolume> fixed() {
        return Optional.ofNullable(fixed);
    }

    public Optional<SampledVolume> moving() {
        return Optional.ofNullable(moving);
    }

    /** The current transform: fixed LPS mm -> moving LPS mm. */
    public AffineMap fixedToMoving() {
        return fixedToMoving;
    }

    /** The crop ROI in fixed LPS mm, if one is drawn. */
    public Optional<RoiBox> roi() {
        return Optional.ofNullable(roi);
    }

    /** The cursor, fixed LPS mm (a copy). */
    public double[] cursor() {
        return cursor.clone();
    }

    public WindowLevel fixedWindow() {
        return fixedWindow;
    }

    public WindowLevel movingWindow() {
        return movingWindow;
    }

    public FusionSettings fusion() {
        return fusion;
    }

    public void setCursor(double[] lps) {
        cursor = lps.clone();
        fire(SessionChange.CURSOR);
    }

    public void setFixedWindow(WindowLevel w) {
        fixedWindow = Objects.requireNonNull(w);
        fire(SessionChange.DISPLAY);
    }

    public void setMovingWindow(WindowLevel w) {
        movingWindow = Objects.requireNonNull(w);
        fire(SessionChange.DISPLAY);
    }

    public void setFusion(FusionSettings f) {
        fusion = Objects.requireNonNull(f);
        fire(SessionChange.DISPLAY);
    }

    /** An undo step: the edit state, held in the roles the volumes had then. */
    private record Snapshot(EditState edit, boolean rolesSwapped) {
    }

    private EditState editState() {
        return new EditState(fixedToMoving, roi, points, landmarks);
    }

    private Snapshot state() {
        return new Snapshot(editState(), rolesSwapped);
    }

    /** Puts back a snapshot, first exchanging the volumes if it was taken with the other roles (undo of a swap). */
    private void apply(Snapshot snap) {
        if (snap.rolesSwapped() != rolesSwapped) {
            exchangeVolumes();
        }
        apply(snap.edit());
    }

    private void apply(EditState s) {
        boolean t = !s.fixedToMoving().equals(fixedToMoving);
        boolean r = !Objects.equals(s.roi(), roi);
        boolean pts = !s.points().equals(points);
        boolean lms = !s.landmarks().equals(landmarks);
        fixedToMoving = s.fixedToMoving();
        roi = s.roi();
        points = s.points();
        landmarks = s.landmarks();
        if (pts) {
            fire(SessionChange.POINTS);
        }
        if (lms) {
            fire(SessionChange.LANDMARKS);
        }
        if (t) {
            showingBefore = false;
            fire(SessionChange.TRANSFORM);
        }
        if (r) {
            fire(SessionChange.ROI);
        }
        fire(SessionChange.HISTORY);
    }

    /** Replaces the transform (fixed -> moving) as one undoable step. */
    public void setTransform(AffineMap t) {
        edit(new EditState(Objects.requireNonNull(t), roi, points, landmarks));
    }

    /** Replaces (or with null removes) the ROI box as one undoable step. */
    public void setRoi(RoiBox box) {
        edit(new EditState(fixedToMoving, box, points, landmarks));
    }

    /** The planning points, fixed LPS mm, in order. */
    public List<PlanningPoint> points() {
        return points;
    }

    /** Replaces the planning points (fixed LPS mm) as one undoable step. */
    public void setPoints(List<PlanningPoint> newPoints) {
        edit(new EditState(fixedToMoving, roi, newPoints, landmarks));
    }

    /** The landmark pairs, in order: fixed points in fixed LPS mm, moving points in moving LPS mm. */
    public List<PlantedPair> landmarks() {
        return landmarks;
    }

    /** Replaces the landmark pairs as one undoable step. */
    public void setLandmarks(List<PlantedPair> pairs) {
        edit(new EditState(fixedToMoving, roi, points, pairs));
    }

    private void edit(EditState next) {
        if (gestureStart == null) {
            EditState before = editState();
            if (before.equals(next)) {
                return;
            }
            history.record(state());
        }
        apply(next);
    }

    /**
     * Puts back a saved state (transform, ROI, points) without an undo step and clears the history: what opening a
     * session file does after its volumes are loaded.
     */
    public void restore(EditState saved) {
        apply(Objects.requireNonNull(saved));
        history.clear();
        fire(SessionChange.HISTORY);
    }

    /** Starts a continuous edit (a mouse drag): the updates until {@link #endGesture()} undo as one step. */
    public void beginGesture() {
        gestureStart = state();
    }

    /** Ends the continuous edit, recording it for undo if it changed anything. */
    public void endGesture() {
        if (gestureStart != null && !gestureStart.equals(state())) {
            history.record(gestureStart);
            fire(SessionChange.HISTORY);
        }
        gestureStart = null;
    }

    public boolean inGesture() {
        return gestureStart != null;
    }

    /**
     * Empties the session (File > New session): no volumes, the identity transform, no crop box, points or kept
     * transforms, and no undo history.
     */
    public void clear() {
        fixed = null;
        moving = null;
        comparison = null;
        deformation = null;
        showingBefore = false;
        gestureStart = null;
        apply(new EditState(AffineMap.identity(), null, List.of()));
        history.clear();
        transforms.replaceAll(List.of());
        fire(SessionChange.VOLUMES);
        fire(SessionChange.HISTORY);
    }

    /** Transforms kept in this session (registration results, saved alignments). */
    public TransformLibrary transforms() {
        return transforms;
    }

    /**
     * Makes the moving volume fixed and the fixed volume moving, keeping the alignment, as one undoable step (no new
     * registration): the transform becomes the exact inverse of the current one, the cursor and the planning points
     * move to the same anatomy in the new fixed space, and the crop box becomes the bounding box of its mapped corners
     * ({@link RoleSwap}). The last registration's before/after comparison is kept, inverted. Undo exchanges the
     * volumes back and restores the transform, box and points exactly as they were.
     *
     * @throws IllegalStateException if a volume is missing
     */
    public void swapFixedAndMoving() {
        if (fixed == null || moving == null) {
            throw new IllegalStateException("open a fixed and a moving volume first");
        }
        if (gestureStart == null) {
            history.record(state());
        }
        EditState swapped = RoleSwap.of(editState());
        exchangeVolumes();
        apply(swapped);
    }

    /**
     * Exchanges the volumes and their windows; the cursor follows its anatomy through the current transform and the
     * before/after comparison is read inverted while the roles differ from those it was made in.
     */
    private void exchangeVolumes() {
        SampledVolume f = fixed;
        WindowLevel fw = fixedWindow;
        deformation = null; // a B-spline is not inverted here: the swapped pair holds its affine part only
        cursor = fixedToMoving.apply(cursor);
        fixed = moving;
        moving = f;
        fixedWindow = movingWindow;
        movingWindow = fw;
        rolesSwapped = !rolesSwapped;
        verdict = null;
        showingBefore = false;
        fire(SessionChange.VOLUMES);
    }

    /**
     * Remembers the last registration's start and result for the before/after toggle (not an edit: the result itself
     * is applied with {@link #setTransform}). The toggle is available while the current transform is the result.
     */
    public void setComparison(RegistrationComparison c) {
        comparison = c;
        comparisonRolesSwapped = rolesSwapped;
        showingBefore = false;
        fire(SessionChange.HISTORY);
    }

    /** True when the current transform is the last registration's result, so before/after can be compared. */
    public boolean canCompare() {
        return comparison != null && comparisonNow().after().equals(fixedToMoving);
    }

    /** Shows the moving image through the pre-registration transform ({@code true}) or the result. Display only. */
    public void showBefore(boolean before) {
        boolean b = before && canCompare();
        if (b != showingBefore) {
            showingBefore = b;
            fire(SessionChange.TRANSFORM);
        }
    }

    public boolean showingBefore() {
        return showingBefore && canCompare();
    }

    /**
     * The transform the views draw the moving image through (fixed LPS mm -> moving LPS mm): the current one, or
     * while "before" is shown, the transform the last registration started from.
     */
    public AffineMap displayedTransform() {
        return showingBefore() ? comparisonNow().before() : fixedToMoving;
    }

    /** The comparison in the current roles (its inverse after an odd number of swaps since it was made). */
    private RegistrationComparison comparisonNow() {
        return comparisonRolesSwapped == rolesSwapped ? comparison
                : new RegistrationComparison(comparison.before().inverse(), comparison.after().inverse());
    }

    /**
     * Keeps the last registration's quality report (not an edit: undo does not remove it; it stays until the next
     * registration, new volumes or {@code null}).
     */
    public void setVerdict(RegistrationVerdict v) {
        verdict = v;
        fire(SessionChange.QUALITY);
    }

    /** The last registration's quality report, if there was one since the volumes were opened. */
    public Optional<RegistrationVerdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /**
     * Keeps a B-spline result beside the transform (not an edit: call it right after {@link #setTransform} with its
     * affine part); null removes it. The views then draw the moving image through the whole map.
     */
    public void setDeformation(Deformation d) {
        deformation = d;
        fire(SessionChange.TRANSFORM);
    }

    /** The B-spline result, while the transform is still its affine part (a later edit retires it). */
    public Optional<Deformation> deformation() {
        return deformation != null && deformation.affine().equals(fixedToMoving) ? Optional.of(deformation)
                : Optional.empty();
    }

    /** The B-spline result the views draw through: none while "before" is shown. */
    public Optional<Deformation> displayedDeformation() {
        return showingBefore() ? Optional.empty() : deformation();
    }

    /** Shows or hides the Jacobian-determinant overlay (drawn only while a B-spline result is current). */
    public void showJacobian(boolean shown) {
        jacobianShown = shown;
        fire(SessionChange.DISPLAY);
    }

    /** True when the Jacobian-determinant overlay is asked for and a B-spline result with its map is current. */
    public boolean jacobianShown() {
        return jacobianShown && displayedDeformation().map(d -> d.jacobian() != null).orElse(false);
    }

    /** True when the last verdict judged the transform the session holds now. */
    public boolean verdictIsCurrent() {
        return verdict != null && fixedToMoving.equals(verdict.result());
    }

    /** Undoes the last transform or ROI edit; false if there was none. */
    public boolean undo() {
        Optional<Snapshot> s = history.undo(state());
        s.ifPresent(this::apply);
        return s.isPresent();
    }

    /** Redoes the last undone edit; false if there was none. */
    public boolean redo() {
        Optional<Snapshot> s = history.redo(state());
        s.ifPresent(this::apply);
        return s.isPresent();
    }

    public boolean canUndo() {
        return history.canUndo();
    }

    public boolean canRedo() {
        return history.canRedo();
    }

    /** Real value of the fixed image at the cursor (nearest voxel), NaN outside or when absent. */
    public double fixedValueAtCursor() {
        return fixed == null ? Double.NaN : fixed.valueAtWorld(cursor);
    }

    /** Real value of the moving image at the transformed cursor (nearest voxel), NaN outside or when absent. */
    public double movingValueAtCursor() {
        return moving == null ? Double.NaN : moving.valueAtWorld(fixedToMoving.apply(cursor));
    }
}
