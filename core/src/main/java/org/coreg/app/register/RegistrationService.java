package org.coreg.app.register;

import java.util.List;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;

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

    /**
     * Like {@link #run} with the quality report of the result (the same report {@code coreg register --out-report}
     * writes). A service that does not judge its results reports {@code uncertain} and says so.
     *
     * @throws RegistrationFailedException also when the report says failed ({@link
     *                                     RegistrationFailedException#report()} holds it)
     */
    default RegisteredTransform runChecked(Volume fixed, Volume moving, RegistrationOptions options,
                                           RegistrationListener listener, CancelToken cancel)
            throws RegistrationFailedException, CancelledException {
        AffineMap t = run(fixed, moving, options, listener, cancel);
        return new RegisteredTransform(t, new QualityReport(QualityStatus.UNCERTAIN,
                List.of("This registration service does not check its results."), Double.NaN, Double.NaN,
                Double.NaN, options.stages().stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList(),
                0, List.of(), null, null));
    }
}
