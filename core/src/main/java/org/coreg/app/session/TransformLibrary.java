package org.coreg.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.coreg.transform.AffineTransform;
import org.coreg.transform.Direction;
import org.coreg.transform.SpatialTransform;

/**
 * The transforms kept in a session: registration results and saved manual alignments, each fixed LPS mm -> moving
 * LPS mm; a B-spline result keeps its whole map beside its affine part. Nothing leaves the list unless the user
 * deletes it. Not thread-safe: the UI thread owns it.
 */
public final class TransformLibrary {
    /**
     * One kept transform.
     *
     * @param name          shown in the list; unique within the library
     * @param fixedToMoving fixed LPS mm -> moving LPS mm
     * @param origin        how it was made (e.g. "registration: rigid, affine", "manual")
     * @param appliesTo     which volumes it relates, e.g. {@code fixed 'mr' -> moving 'ct'}
     * @param deformable    for a B-spline result, the whole map fixed LPS mm -> moving LPS mm (affine part, then
     *                      B-spline; {@code fixedToMoving} is then that affine part); null for a linear transform
     */
    public record Entry(String name, org.coreg.image.AffineMap fixedToMoving, String origin, String appliesTo,
                        SpatialTransform deformable) {
        /** What an entry applies to when nobody said: the session's fixed and moving volumes. */
        public static final String FIXED_TO_MOVING = "fixed -> moving";

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fixedToMoving, "fixedToMoving");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(appliesTo, "appliesTo");
            if (deformable != null && deformable.direction() != Direction.FIXED_TO_MOVING) {
                throw new IllegalArgumentException("a kept transform maps fixed to moving, found "
                        + deformable.describe());
            }
        }

        /** A linear transform. */
        public Entry(String name, org.coreg.image.AffineMap fixedToMoving, String origin, String appliesTo) {
            this(name, fixedToMoving, origin, appliesTo, null);
        }

        /** True for a B-spline result (its {@link #deformable()} map is the transform, not its affine part alone). */
        public boolean isDeformable() {
            return deformable != null;
        }

        /** What the entry maps, fixed LPS mm -> moving LPS mm: the whole deformable map, else the affine one. */
        public SpatialTransform whole() {
            return deformable != null ? deformable : AffineTransform.fixedToMoving(fixedToMoving);
        }

        public Entry(String name, org.coreg.image.AffineMap fixedToMoving, String origin) {
            this(name, fixedToMoving, origin, FIXED_TO_MOVING);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    /** Adds a transform under {@code baseName}, numbered if the name is taken; returns the entry. */
    public Entry add(String baseName, org.coreg.image.AffineMap fixedToMoving, String origin) {
        return add(baseName, fixedToMoving, origin, Entry.FIXED_TO_MOVING);
    }

    /** Adds a transform that relates the volumes {@code appliesTo} names; numbered if the name is taken. */
    public Entry add(String baseName, org.coreg.image.AffineMap fixedToMoving, String origin, String appliesTo) {
        return add(baseName, fixedToMoving, origin, appliesTo, null);
    }

    /**
     * Adds a transform, with {@code deformable} the whole map of a B-spline result whose affine part is
     * {@code fixedToMoving} (null for a linear one); numbered if the name is taken.
     */
    public Entry add(String baseName, org.coreg.image.AffineMap fixedToMoving, String origin, String appliesTo,
                     SpatialTransform deformable) {
        String name = baseName;
        for (int n = 2; contains(name); n++) {
            name = baseName + " (" + n + ")";
        }
        Entry e = new Entry(name, fixedToMoving, origin, appliesTo, deformable);
        entries.add(e);
        fire();
        return e;
    }

    /** Renames an entry; false if {@code newName} is blank or taken. */
    public boolean rename(Entry e, String newName) {
        int i = entries.indexOf(e);
        if (i < 0 || newName == null || newName.isBlank() || contains(newName.strip())) {
            return false;
        }
        entries.set(i, new Entry(newName.strip(), e.fixedToMoving(), e.origin(), e.appliesTo(), e.deformable()));
        fire();
        return true;
    }

    public void remove(Entry e) {
        if (entries.remove(e)) {
            fire();
        }
    }

    /** Replaces every entry at once (hardening re-expresses them; undoing it puts them back). */
    public void replaceAll(List<Entry> replacement) {
        entries.clear();
        entries.addAll(replacement);
        fire();
    }

    private boolean contains(String name) {
        return entries.stream().anyMatch(x -> x.name().equals(name));
    }

    private void fire() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }
}
