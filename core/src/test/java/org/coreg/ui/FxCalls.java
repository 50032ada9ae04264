package org.coreg.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Runs test code on the FX thread and waits for FX-side conditions, each bounded by 20 s. */
final class FxCalls {
    private FxCalls() {
    }

    /** Calls {@code c} on the FX thread and returns its result. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
    }
}
