package org.coreg.registration;

/** When the coarse global search over orientations and translations runs. */
public enum GlobalSearchMode {
    /** Never; trust the start. */
    NEVER,
    /**
     * At the coarsest level: before it when the start overlaps poorly, otherwise after it, with the start's refined
     * result competing against the search candidates (the search costs about a second at that level).
     */
    AUTO,
    /** Always before the coarsest level. */
    ALWAYS
}
