package org.coreg.ui;

/** What a left-button drag does in the slice views. */
public enum ViewMode {
    /** Click or drag moves the crosshair. */
    NAVIGATE,
    /** Drag moves the moving image; Shift-drag rotates it about the crosshair. */
    PRE_ALIGN,
    /** Drag draws the crop box, or moves its edges, corners or the whole box. */
    ROI,
    /** Click plants a planning point (on the fixed or, through the transform, the moving image); drag moves one. */
    POINTS,
    /** Clicks plant landmark pairs: a pair's fixed point, then (through the transform) its moving point. */
    LANDMARKS
}
