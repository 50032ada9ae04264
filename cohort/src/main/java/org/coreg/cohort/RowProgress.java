package org.coreg.cohort;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * A progress bar of rows done, on the driver: Spark reports each finished task (one task = one row), wherever it
 * ran. Redrawn in place on standard error.
 */
final class RowProgress extends SparkListener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final int total;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private boolean finished;

    RowProgress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        synchronized (err) {
            if (!finished) {
                draw(Math.min(total, done.incrementAndGet()));
            }
        }
    }

    private void draw(int d) {
        int filled = (int) Math.round((double) d / total * WIDTH);
        synchronized (err) {
            err.printf(Locale.ROOT, "\rrows [%s%s] %d/%d %6.1f s", "#".repeat(filled), ".".repeat(WIDTH - filled), d,
                    total, (System.nanoTime() - start) / 1e9);
            err.flush();
        }
    }

    /**
     * Draws the final count and ends the line. Spark delivers listener events asynchronously, so the last rows' events
     * may arrive after the job has returned its results; {@code rows} is the count of those results.
     */
    void finish(int rows) {
        synchronized (err) {
            finished = true;
            if (done.getAndSet(rows) != rows) {
                draw(rows);
            }
            err.println();
            err.flush();
        }
    }
}
