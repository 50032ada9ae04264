package org.coreg.ui;

import java.util.concurrent.atomic.AtomicInteger;
import org.coreg.app.register.RegistrationFailedException;
import org.coreg.app.register.RegistrationListener;
import org.coreg.app.register.RegistrationOptions;
import org.coreg.app.register.RegistrationService;
import org.coreg.app.register.RegistrationStage;
import org.coreg.app.task.CancelToken;
import org.coreg.app.task.CancelledException;
import org.coreg.image.AffineMap;
import org.coreg.image.Volume;

/**
 * Test double of the registration engine: walks through levels and iterations with a falling metric, checking the
 * cancel token, and returns {@code result} composed after the initial transform. Tests only.
 */
final class FakeRegistrationService implements RegistrationService {
    final AffineMap result;
    final long millisPerIteration;
    final String failWith;
    final AtomicInteger runs = new AtomicInteger();
    volatile RegistrationOptions lastOptions;

    final int iterationsPerLevel;

    FakeRegistrationService(AffineMap result, long millisPerIteration, String failWith) {
        this(result, millisPerIteration, failWith, 10);
    }

    FakeRegistrationService(AffineMap result, long millisPerIteration, String failWith, int iterationsPerLevel) {
        this.iterationsPerLevel = iterationsPerLevel;
        this.result = result;
        this.millisPerIteration = millisPerIteration;
        this.failWith = failWith;
    }

    @Override
    public AffineMap run(Volume fixed, Volume moving, RegistrationOptions options, RegistrationListener listener,
                         CancelToken cancel) throws RegistrationFailedException, CancelledException {
        runs.incrementAndGet();
        lastOptions = options;
        int it = 0;
        for (RegistrationStage stage : options.stages()) {
            for (int level = 1; level <= 3; level++) {
                listener.levelStarted(stage, level, 3);
                for (int i = 0; i < iterationsPerLevel; i++) {
                    cancel.check();
                    listener.iteration(it, 1.0 / (1 + it));
                    it++;
                    if (millisPerIteration > 0) {
                        try {
                            Thread.sleep(millisPerIteration);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new CancelledException();
                        }
                    }
                }
            }
        }
        if (failWith != null) {
            throw new RegistrationFailedException(failWith, "Draw a crop box around the head and try again.");
        }
        return result.after(options.initial());
    }
}
