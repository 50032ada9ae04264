package org.coreg.transform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where a transform came from: what produced it (e.g. "coreg register 0.1.0"), with which settings, from which
 * inputs (fixed image first, then moving), and when. Travels with the transform in the files Coreg writes.
 *
 * @param producer program or step that made the transform
 * @param settings free-text settings summary (metric, levels, ...), may be empty
 * @param inputs   input files or names, fixed first
 * @param created  when it was made (UTC)
 */
public record Provenance(String producer, String settings, List<String> inputs, Instant created) {
    public Provenance {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(created, "created");
        inputs = List.copyOf(inputs);
        for (String s : inputs) {
            if (s.contains("\n")) {
                throw new IllegalArgumentException("a provenance input may not contain a line break: " + s);
            }
        }
        if (producer.contains("\n") || settings.contains("\n")) {
            throw new IllegalArgumentException("provenance producer and settings must be one line each");
        }
    }

    /** Made now by {@code producer} from {@code inputs}. */
    public static Provenance now(String producer, String settings, List<String> inputs) {
        return new Provenance(producer, settings, inputs, Instant.now());
    }
}
