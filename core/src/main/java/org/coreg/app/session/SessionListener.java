package org.coreg.app.session;

/** Told after a {@link Session} changed, on the thread that changed it. */
@FunctionalInterface
public interface SessionListener {
    void changed(SessionChange change);
}
