package org.coreg.app.register;

import org.coreg.app.task.CancelToken;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;

/** Stands in until a registration engine is wired in: every run fails with a message that says so. */
public final class NotConnectedRegistrationService implements RegistrationService {
    @Override
    public AffineMap run(Volume fixed, Volume moving, RegistrationOptions options, RegistrationListener listener,
                         CancelToken cancel) throws RegistrationFailedException {
        throw new RegistrationFailedException("No registration engine is available in this build.",
                "Use a build that includes the registration engine, or align the images by hand (Pre-align).");
    }
}
