package org.coreg.app.render;

/** Named display windows. CT presets are in Hounsfield units; {@link #AUTOMATIC} looks at the volume. */
public enum WindowPreset {
    CT_BRAIN("CT brain", 40, 80),
    CT_SOFT_TISSUE("CT soft tissue", 40, 400),
    CT_BONE("CT bone", 500, 2000),
    /** 1st to 99th percentile of the voxel values, the usual choice for MR. */
    AUTOMATIC("Automatic (percentiles)", Double.NaN, Double.NaN);

    private final String label;
    private final double level;
    private final double width;

    WindowPreset(String label, double level, double width) {
        this.label = label;
        this.level = level;
        this.width = width;
    }

    public String label() {
        return label;
    }

    /** The window this preset gives for {@code v}. */
    public WindowLevel windowFor(SampledVolume v) {
        return this == AUTOMATIC ? WindowLevel.automatic(v) : new WindowLevel(level, width);
    }

    @Override
    public String toString() {
        return label;
    }
}
