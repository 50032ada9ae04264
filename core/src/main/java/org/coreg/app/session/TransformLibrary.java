package org.coreg.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The transforms kept in a session: registration results and saved manual alignments, each fixed LPS mm -> moving
 * LPS mm. Nothing leaves the list unless the user deletes it. Not thread-safe: the UI thread owns it.
 */
public final class TransformLibrary {
    /**
     * One kept transform.
     *
     * @param name          shown in the list; unique within the library
     * @param fixedToMoving fixed LPS mm -> moving LPS mm
     * @param origin        how it was made (e.g. "registration: rigid, affine", "manual")
     * @param appliesTo     which volumes it relates, e.g. {@code fixed 'mr' -> moving 'ct'}
     */
    public record Entry(String name, org.coreg.image.AffineMap fixedToMoving, String origin, String appliesTo) {
        /** What an entry applies to when nobody said: the session's fixed and moving volumes. */
        public static final String FIXED_TO_MOVING = "fixed -> moving";

        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fixedToMoving, "fixedToMoving");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(appliesTo, "appliesTo");
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
        String name = baseName;
        for (int n = 2; contains(name); n++) {
            name = baseName + " (" + n + ")";
        }
        Entry e = new Entry(name, fixedToMoving, origin, appliesTo);
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
        entries.set(i, new Entry(newName.strip(), e.fixedToMoving(), e.origin(), e.appliesTo()));
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
