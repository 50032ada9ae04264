package org.coreg.app.register;

import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;

/**
 * Registers a moving volume to a fixed one. The workstation calls it off the UI thread; the engine in
 * {@code org.coreg.registration} implements it (connected by the application's wiring).
 */
public interface RegistrationService {
    /**
     * @return the transform mapping fixed LPS mm to moving LPS mm (ITK resampling direction)
     * @throws CancelledException          when {@code cancel} was set during the run
     * @throws RegistrationFailedException with a plain-language message and advice
     */
    AffineMap run(Volume fixed, Volume moving, RegistrationOptions options, RegistrationListener listener,
                  CancelToken cancel) throws RegistrationFailedException, CancelledException;
}
