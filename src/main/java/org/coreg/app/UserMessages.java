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
