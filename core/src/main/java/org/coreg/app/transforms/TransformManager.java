package org.coreg.app.transforms;

import java.util.Objects;
import org.coreg.app.session.Session;
import org.coreg.app.session.TransformLibrary;
import org.coreg.app.session.TransformLibrary.Entry;
import org.coreg.image.AffineMap;

/**
 * The transform manager's use cases over a session's {@link TransformLibrary}: keep the current transform, use,
 * compose, invert, rename and delete entries. Every entry maps fixed LPS mm to moving LPS mm of the pair it
 * {@link Entry#appliesTo() applies to}; results are new entries, kept until deleted. Runs on the thread that owns
 * the session (the UI thread); each action is cheap (3x4 matrices).
 */
public final class TransformManager {
    private final Session session;

    public TransformManager(Session session) {
        this.session = Objects.requireNonNull(session);
    }

    private TransformLibrary library() {
        return session.transforms();
    }

    /** The session's volume pair as an entry shows it, e.g. {@code fixed 'mr' -> moving 'ct'}. */
    public static String pairOf(Session s) {
        String f = s.fixed().map(v -> "fixed '" + v.source().metadata().name() + "'").orElse("fixed");
        String m = s.moving().map(v -> "moving '" + v.source().metadata().name() + "'").orElse("moving");
        return f + " -> " + m;
    }

    /** Keeps the current transform (e.g. a manual alignment) as a new entry. */
    public Entry keepCurrent() {
        return library().add("Manual", session.fixedToMoving(), "manual alignment", pairOf(session));
    }

    /**
     * Makes the entry the current transform (one undoable step). For a B-spline result that is the affine part; its
     * deformation comes back with it while the session still holds that result ({@link Session#deformation()}).
     *
     * @return true when the whole entry is in use: a linear one, or a B-spline result whose deformation is current
     */
    public boolean use(Entry e) {
        session.setTransform(e.fixedToMoving());
        return !e.isDeformable() || session.deformation().map(d -> d.fixedToMoving() == e.deformable()).orElse(false);
    }

    /**
     * A new entry applying {@code first} and then {@code second}: {@code p -> second(first(p))}. With first fixed ->
     * intermediate and second intermediate -> moving, the result maps fixed to moving.
     */
    public Entry compose(Entry first, Entry second) throws TransformActionException { // a B-spline result: refused
        refuseDeformable(first, "composed");
        refuseDeformable(second, "composed");
        AffineMap m = second.fixedToMoving().after(first.fixedToMoving());
        return library().add(first.name() + " then " + second.name(), m,
                "composition: " + first.name() + ", then " + second.name(),
                from(first.appliesTo()) + " -> " + to(second.appliesTo()));
    }

    /**
     * A new entry holding the inverse: it maps the other way, so it applies with fixed and moving swapped.
     *
     * @throws TransformActionException if the matrix is singular (it squashes space onto a plane)
     */
    public Entry invert(Entry e) throws TransformActionException {
        refuseDeformable(e, "inverted");
        AffineMap inv;
        try {
            inv = e.fixedToMoving().inverse();
        } catch (IllegalStateException singular) {
            throw new TransformActionException("'" + e.name() + "' cannot be inverted: its matrix is singular (it "
                    + "squashes space flat).", "Invert a rigid or affine transform with a non-zero determinant.",
                    singular);
        }
        return library().add(e.name() + " inverse", inv, "inverse of " + e.name(),
                to(e.appliesTo()) + " -> " + from(e.appliesTo()));
    }

    /**
     * Renames an entry.
     *
     * @throws TransformActionException if the name is blank or another entry has it
     */
    public Entry rename(Entry e, String newName) throws TransformActionException {
        if (newName == null || newName.isBlank()) {
            throw new TransformActionException("A transform needs a name.", "Type a name, then Rename.");
        }
        if (!library().rename(e, newName)) {
            throw new TransformActionException("Another transform is already called '" + newName.strip() + "'.",
                    "Choose a name that is not in the list.");
        }
        return library().entries().stream().filter(x -> x.name().equals(newName.strip())).findFirst().orElseThrow();
    }

    /** Removes an entry from the session (the current transform is not touched). */
    public void delete(Entry e) {
        library().remove(e);
    }

    /** The manager combines linear transforms only: its results are matrices, and a B-spline is not one. */
    private static void refuseDeformable(Entry e, String done) throws TransformActionException {
        if (e.isDeformable()) {
            throw new TransformActionException("'" + e.name() + "' is a B-spline result and cannot be " + done
                    + " here: the transform manager composes and inverts linear transforms only.",
                    "Export it (.tfm or .h5) and use 'coreg compose' or 'coreg invert' on the command line.");
        }
    }

    private static String from(String appliesTo) {
        int i = appliesTo.indexOf(" -> ");
        return i < 0 ? appliesTo : appliesTo.substring(0, i);
    }

    private static String to(String appliesTo) {
        int i = appliesTo.indexOf(" -> ");
        return i < 0 ? appliesTo : appliesTo.substring(i + 4);
    }
}
