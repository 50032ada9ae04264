package org.coreg.image;

/** Acquisition modality of a volume where the file says it; {@link #UNKNOWN} otherwise. */
public enum Modality {
    CT, MR, PT, US, OTHER, UNKNOWN
}
