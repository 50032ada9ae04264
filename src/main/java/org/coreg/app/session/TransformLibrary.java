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
     */
    public record Entry(String name, org.coreg.image.AffineMap fixedToMoving, String origin) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fixedToMoving, "fixedToMoving");
            Objects.requireNonNull(origin, "origin");
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
        String name = baseName;
        for (int n = 2; contains(name); n++) {
            name = baseName + " (" + n + ")";
        }
        Entry e = new Entry(name, fixedToMoving, origin);
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
        entries.set(i, new Entry(newName.strip(), e.fixedToMoving(), e.origin()));
        fire();
        return true;
    }

    public void remove(Entry e) {
        if (entries.remove(e)) {
            fire();
        }
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
