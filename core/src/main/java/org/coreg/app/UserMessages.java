package org.coreg.app;

import org.coreg.app.register.RegistrationFailedException;
import org.coreg.image.InvalidGeometryException;
import org.coreg.io.ImageIOException;

/** Turns an exception into a message for the user: what went wrong and, where known, what to try. No stack traces. */
public final class UserMessages {
    private UserMessages() {
    }

    public static String describe(Throwable e) {
        if (e instanceof RegistrationFailedException r) {
            return r.getMessage() + (r.advice() == null ? "" : "\n\nWhat to try: " + r.advice());
        }
        if (e instanceof org.coreg.app.transforms.TransformActionException t) {
            return t.getMessage() + (t.advice() == null ? "" : "\n\nWhat to try: " + t.advice());
        }
        if (e instanceof org.coreg.app.sessionfile.SessionFileException sf) {
            return "Could not open the session file; nothing was changed.\n\n" + sf.getMessage();
        }
        if (e instanceof org.coreg.io.points.PointFileException pf) {
            return "Could not use the point file; the points are unchanged.\n\n" + pf.getMessage();
        }
        if (e instanceof org.coreg.transform.NonInvertibleTransformException n) {
            return "The current transform cannot be inverted, so the points cannot be mapped.\n\n" + n.getMessage();
        }
        if (e instanceof ImageIOException io) {
            return "Could not open the image.\n\n" + io.getMessage();
        }
        if (e instanceof InvalidGeometryException g) {
            return "The image geometry is not valid.\n\n" + g.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "Not enough memory for this image. Close other volumes or start Coreg with more memory (-Xmx).";
        }
        String m = e.getMessage();
        return "Something went wrong (" + e.getClass().getSimpleName() + ")" + (m == null ? "." : ": " + m);
    }
}
