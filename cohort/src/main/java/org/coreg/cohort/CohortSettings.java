package org.coreg.cohort;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What every row of a cohort shares, sent with each row to the executors.
 *
 * @param outDir absolute output folder (on a cluster, the same path on every executor)
 * @param registerOptions {@code coreg register} options for every row (a row's own stages, ROI or initial transform
 *     replace the same option here)
 * @param outImages whether each row also writes its moving image resampled onto the fixed grid
 * @param threadsPerRow registration threads of one row when the options do not set {@code --threads}: the cores of
 *     one Spark task, since the executor runs as many rows at once as it has cores
 */
public record CohortSettings(String outDir, List<String> registerOptions, boolean outImages, int threadsPerRow)
        implements Serializable {
    public CohortSettings {
        registerOptions = List.copyOf(registerOptions);
    }

    /** The transform file of a row: {@code DIR/<id>.tfm} (fixed to moving, ITK text, LPS mm). */
    Path transform(String id) {
        return Path.of(outDir, id + ".tfm");
    }

    /** The quality report of a row: {@code DIR/<id>.report.json}. */
    Path report(String id) {
        return Path.of(outDir, id + ".report.json");
    }

    /** The resampled moving image of a row: {@code DIR/<id>.nii.gz}, or null without {@code --out-images}. */
    Path image(String id) {
        return outImages ? Path.of(outDir, id + ".nii.gz") : null;
    }
}
