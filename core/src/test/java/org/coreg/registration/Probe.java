package org.coreg.registration;

import org.coreg.image.AffineMap;
import org.coreg.image.Volume;

public final class Probe {
    public static Volume movedBy(Volume v, AffineMap t) {
        return RealDataRegistrationTest.movedBy(v, t);
    }
}
