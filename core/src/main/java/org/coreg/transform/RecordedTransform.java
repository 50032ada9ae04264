package org.coreg.transform;

import java.util.Objects;

/**
 * A transform with its provenance: what a registration hands on and what transform files carry.
 *
 * @param transform  the map (its direction says which way)
 * @param provenance what produced it, or null when a file did not say
 */
public record RecordedTransform(SpatialTransform transform, Provenance provenance) {
    public RecordedTransform {
        Objects.requireNonNull(transform, "transform");
    }
}
