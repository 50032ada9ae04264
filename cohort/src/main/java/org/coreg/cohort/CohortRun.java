package org.coreg.cohort;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import scala.Tuple2;

/**
 * The Spark job of a cohort: one partition per row, so that Spark spreads the rows over every executor core and
 * retries none of them twice on one core; each task runs {@link RowRunner#run} where the executor is. The rows come
 * back in manifest order.
 */
public final class CohortRun {
    private CohortRun() {
    }

    /**
     * Runs every row and returns their results in manifest order. {@code progress} (may be null) is registered as a
     * listener for the job's tasks while it runs.
     */
    public static List<RowResult> run(JavaSparkContext sc, List<ManifestRow> rows, CohortSettings settings,
            SparkListener progress) {
        if (progress != null) {
            sc.sc().addSparkListener(progress);
        }
        try {
            List<Tuple2<ManifestRow, CohortSettings>> jobs = new ArrayList<>();
            for (ManifestRow r : rows) {
                jobs.add(new Tuple2<>(r, settings));
            }
            JavaRDD<Tuple2<ManifestRow, CohortSettings>> rdd = sc.parallelize(jobs, rows.size());
            sc.setJobDescription("coreg cohort: " + rows.size() + " registrations");
            return new ArrayList<>(rdd.map(job -> RowRunner.run(job._1(), job._2())).collect());
        } finally {
            if (progress != null) {
                sc.sc().removeSparkListener(progress);
            }
        }
    }
}
