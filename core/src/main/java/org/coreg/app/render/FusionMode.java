package org.coreg.app.render;

/** How the moving image is shown over the fixed image. */
public enum FusionMode {
    /** Grey fixed over grey moving, mixed by the opacity. */
    BLEND("Blend"),
    /** Alternating square tiles of fixed and moving. */
    CHECKERBOARD("Checkerboard"),
    /** Fixed in magenta, moving in green: aligned structures turn grey-white. */
    COLOUR("Colour (magenta/green)"),
    /** Absolute difference of the windowed greys: aligned structures go dark. */
    DIFFERENCE("Difference");

    private final String label;

    FusionMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
