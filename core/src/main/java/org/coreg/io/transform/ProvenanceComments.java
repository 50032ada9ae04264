package org.coreg.io.transform;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.coreg.transform.Provenance;

/**
 * Provenance as comment lines that ITK ({@code #}) and elastix ({@code //}) readers skip:
 * {@code <prefix>Coreg produced-by: ...}, {@code settings:}, {@code input:} (one per input), {@code created:}.
 */
final class ProvenanceComments {
    private static final String KEY = "Coreg ";

    private ProvenanceComments() {
    }

    static String format(Provenance p, String prefix) {
        if (p == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(prefix).append(KEY).append("produced-by: ").append(p.producer()).append('\n');
        if (!p.settings().isEmpty()) {
            sb.append(prefix).append(KEY).append("settings: ").append(p.settings()).append('\n');
        }
        for (String in : p.inputs()) {
            sb.append(prefix).append(KEY).append("input: ").append(in).append('\n');
        }
        sb.append(prefix).append(KEY).append("created: ").append(p.created()).append('\n');
        return sb.toString();
    }

    /** The provenance in comment lines starting with {@code prefix}, or null if there is none. */
    static Provenance parse(List<String> lines, String prefix) {
        String producer = null;
        String settings = "";
        List<String> inputs = new ArrayList<>();
        Instant created = null;
        String start = prefix + KEY;
        for (String raw : lines) {
            String l = raw.strip();
            if (!l.startsWith(start)) {
                continue;
            }
            String rest = l.substring(start.length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = rest.substring(0, colon);
            String value = rest.substring(colon + 1).strip();
            switch (key) {
                case "produced-by" -> producer = value;
                case "settings" -> settings = value;
                case "input" -> inputs.add(value);
                case "created" -> {
                    try {
                        created = Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        created = null;
                    }
                }
                default -> {
                    // Other Coreg comments (the direction) are read elsewhere.
                }
            }
        }
        if (producer == null) {
            return null;
        }
        return new Provenance(producer, settings, inputs, created == null ? Instant.EPOCH : created);
    }
}
