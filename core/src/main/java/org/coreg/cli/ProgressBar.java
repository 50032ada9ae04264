package org.coreg.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.coreg.registration.IterationEvent;

/** A one-line terminal progress bar for registration, redrawn in place on standard error. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final int levels;
    private final int iterations;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, int levels, int iterations, int stages) {
        this.err = err;
        this.levels = levels;
        this.iterations = iterations;
    }

    void update(IterationEvent e) {
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double done = e.stage().equals("search") ? 0
                : Math.min(1, (e.level() + (double) e.iteration() / iterations) / levels);
        int filled = (int) Math.round(done * WIDTH);
        err.printf(Locale.ROOT, "\r%-6s level %d/%d [%s%s] -MI %.4f overlap %3.0f%% %5.1f s", e.stage(), e.level() + 1,
                levels, "#".repeat(filled), ".".repeat(WIDTH - filled), e.metric(), 100 * e.overlap(),
                e.elapsedMillis() / 1000.0);
        err.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
