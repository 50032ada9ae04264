package org.coreg.registration;

import org.coreg.image.AffineMap;
import org.coreg.image.Volume;

/** Test access to {@link RealDataRegistrationTest#movedBy}: a volume seen through a known transform, without resampling. */
public final class MovedVolumes {
    private MovedVolumes() {
    }

    public static Volume movedBy(Volume v, AffineMap t) {
        return RealDataRegistrationTest.movedBy(v, t);
    }
}
