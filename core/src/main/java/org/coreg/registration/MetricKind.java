package org.coreg.registration;

/** The similarity measure the optimiser follows. */
public enum MetricKind {
    /** Mattes mutual information: any intensity relationship (CT to MR). The default. */
    MATTES_MI,
    /** Mean of squared differences: same modality, same intensity scale. */
    MEAN_SQUARES,
    /** Normalised cross-correlation: same modality, intensities related linearly. */
    NORMALIZED_CORRELATION
}
