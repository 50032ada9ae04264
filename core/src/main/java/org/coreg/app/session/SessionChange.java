package org.coreg.app.session;

/** What changed in a {@link Session}; listeners redraw only what depends on it. */
public enum SessionChange {
    VOLUMES, TRANSFORM, ROI, CURSOR, DISPLAY, HISTORY, POINTS,
    /** The landmark pairs changed. */
    LANDMARKS,
    /** The last registration's quality report changed. */
    QUALITY
}
