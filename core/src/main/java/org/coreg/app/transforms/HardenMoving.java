package org.coreg.app.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.render.WindowLevel;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary.Entry;
import org.coreg.app.task.TaskCallbacks;
import org.coreg.app.task.TaskHandle;
import org.coreg.app.task.TaskRunner;
import org.coreg.image.AffineMap;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Hardening;
import org.coreg.transform.NonInvertibleTransformException;

/**
 * Hardens a transform into the moving volume ({@link Hardening#hardenLinear}): the moving voxels stay, its geometry
 * changes so that it lies where the transform puts it in fixed space. The hardened volume replaces the moving volume;
 * the current transform and every kept entry are re-expressed for it ({@code E^-1 o X}, so the hardened entry
 * becomes the identity and nothing moves on screen). {@link #undo()} puts the previous volume, transform and entries
 * back. Not thread-safe: {@link #prepare} may run anywhere, the rest on the session's thread.
 */
public final class HardenMoving {
    /**
     * A hardened moving volume ready to apply, and what it replaces.
     *
     * @param hardened the new moving volume
     * @param entry    the entry that was hardened (fixed -> old moving, LPS mm)
     * @param history  what was done, in words
     */
    public record Prepared(SampledVolume hardened, Entry entry, String history) {
    }

    private record Before(SampledVolume moving, AffineMap transform, WindowLevel window, List<Entry> entries,
                          SampledVolume hardened) {
    }

    private final Session session;
    private Before before;

    public HardenMoving(Session session) {
        this.session = Objects.requireNonNull(session);
    }

    /**
     * Computes the hardened moving volume; geometry only, but the display copy is a pass over the voxels, so call
     * it off the UI thread for large volumes.
     *
     * @throws TransformActionException if there is no moving volume, or the entry cannot be a voxel grid's geometry
     */
    public Prepared prepare(Entry e) throws TransformActionException {
        SampledVolume moving = session.moving().orElseThrow(() -> new TransformActionException(
                "There is no moving volume to harden the transform into.", "Open a moving volume first."));
        return prepare(moving, e);
    }

    private static Prepared prepare(SampledVolume moving, Entry e) throws TransformActionException {
        try {
            Hardening.Result r = Hardening.hardenLinear(moving.source(), AffineTransform.fixedToMoving(e.fixedToMoving()));
            return new Prepared(SampledVolume.of(r.volume()), e, r.historyEntry());
        } catch (NonInvertibleTransformException | IllegalArgumentException x) {
            throw new TransformActionException("'" + e.name() + "' cannot be hardened into the moving volume's "
                    + "geometry: " + x.getMessage(), "Harden a rigid transform, or one whose scaling keeps the voxel "
                    + "axes at right angles; resample sheared transforms with 'coreg resample'.", x);
        }
    }

    /** Replaces the moving volume with the hardened one and re-expresses the transforms; {@link #undo()} reverts. */
    public void apply(Prepared p) {
        SampledVolume old = session.moving().orElseThrow(() -> new IllegalStateException("no moving volume"));
        AffineMap current = session.fixedToMoving();
        WindowLevel window = session.movingWindow();
        List<Entry> entries = session.transforms().entries();
        AffineMap undoE = p.entry().fixedToMoving().inverse();
        List<Entry> moved = new ArrayList<>();
        for (Entry x : entries) {
            // a B-spline result's whole map is re-expressed the same way: its output goes through undoE too
            moved.add(new Entry(x.name(), undoE.after(x.fixedToMoving()), x.origin() + "; re-expressed after "
                    + "hardening " + p.entry().name(), x.appliesTo(), x.isDeformable()
                    ? org.coreg.transform.Transforms.compose(x.deformable(),
                            org.coreg.transform.AffineTransform.fixedToMoving(undoE)) : null));
        }
        session.setMoving(p.hardened());
        session.setMovingWindow(window);
        session.transforms().replaceAll(moved);
        AffineMap next = undoE.after(current);
        if (next.maxAbsDifference(AffineMap.identity()) > 1e-12) {
            session.setTransform(next);
        }
        before = new Before(old, current, window, entries, p.hardened());
    }

    /**
     * Hardens in the background and applies the result on the runner's callback thread.
     *
     * @param done called with the history text on success
     * @param failed called with the failure (the session is unchanged)
     */
    public TaskHandle harden(TaskRunner tasks, Entry e, Consumer<String> done, Consumer<Throwable> failed) {
        SampledVolume moving = session.moving().orElse(null);
        return tasks.submit("Hardening " + e.name(), (progress, cancel) -> {
            if (moving == null) {
                throw new TransformActionException("There is no moving volume to harden the transform into.",
                        "Open a moving volume first.");
            }
            return prepare(moving, e);
        }, TaskCallbacks.of(p -> {
            apply(p);
            done.accept(p.history());
        }, failed));
    }

    /** True when the last hardening can be undone: its volume is still the moving volume. */
    public boolean canUndo() {
        return before != null && session.moving().orElse(null) == before.hardened();
    }

    /** Puts back the moving volume, transform and entries from before the last hardening; false if none. */
    public boolean undo() {
        if (!canUndo()) {
            return false;
        }
        Before b = before;
        before = null;
        session.setMoving(b.moving());
        session.setMovingWindow(b.window());
        session.transforms().replaceAll(b.entries());
        if (!b.transform().equals(AffineMap.identity())) {
            session.setTransform(b.transform());
        }
        return true;
    }
}
