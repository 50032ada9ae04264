package org.coreg.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code coreg register} command line of one row (without the leading "coreg"): the row's images and optional
 * per-row options, then the cohort's shared options, then the row's outputs. A per-row option replaces the shared
 * option of the same name (picocli would otherwise append a second {@code --stages} list to the first).
 */
final class RegisterArgs {
    /** Options the cohort sets itself for every row; the shared options may not set them. */
    static final Set<String> RESERVED = Set.of("--fixed", "--moving", "--out-transform", "--out-image",
            "--out-report");

    private RegisterArgs() {
    }

    static List<String> of(ManifestRow row, CohortSettings s) {
        List<String> a = new ArrayList<>(List.of("register", "--fixed", row.fixed(), "--moving", row.moving()));
        List<String> shared = s.registerOptions();
        if (row.stages() != null) {
            a.addAll(List.of("--stages", row.stages()));
            shared = without(shared, "--stages");
        }
        if (row.initialTransform() != null) {
            a.addAll(List.of("--initial-transform", row.initialTransform()));
            shared = without(shared, "--initial-transform");
        }
        if (row.roi() != null) {
            a.addAll(List.of("--roi", row.roi()));
            shared = without(shared, "--roi");
        }
        if (row.fixedLandmarks() != null) {
            a.addAll(List.of("--fixed-landmarks", row.fixedLandmarks()));
            shared = without(shared, "--fixed-landmarks");
        }
        if (row.movingLandmarks() != null) {
            a.addAll(List.of("--moving-landmarks", row.movingLandmarks()));
            shared = without(shared, "--moving-landmarks");
        }
        a.addAll(shared);
        if (!has(shared, "--threads")) {
            a.addAll(List.of("--threads", Integer.toString(s.threadsPerRow())));
        }
        a.addAll(List.of("--out-transform", s.transform(row.id()).toString()));
        a.addAll(List.of("--out-report", s.report(row.id()).toString()));
        if (s.outImages()) {
            a.addAll(List.of("--out-image", s.image(row.id()).toString()));
        }
        return a;
    }

    /** The arguments that decide the result: all but the thread count, which never changes it (Workers). */
    static List<String> settingsPart(List<String> args) {
        return without(args, "--threads");
    }

    static boolean has(List<String> args, String name) {
        return args.stream().anyMatch(x -> x.equals(name) || x.startsWith(name + "="));
    }

    /** {@code args} without option {@code name} and its value ({@code --name V} or {@code --name=V}). */
    static List<String> without(List<String> args, String name) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String x = args.get(i);
            if (x.equals(name)) {
                i++;
            } else if (!x.startsWith(name + "=")) {
                kept.add(x);
            }
        }
        return kept;
    }
}
