package org.coreg.app.sessionfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.coreg.app.landmarks.PlantedPair;

/**
 * The session file's {@code "landmarks"} field: a list of {@code {"label", "fixed", "moving"}}, the fixed point in fixed
 * LPS mm and the moving point in moving LPS mm ({@code null} while a pair waits for its moving point). Files written
 * before landmarks existed have no such field and read as no pairs.
 */
final class LandmarkPairsJson {
    private LandmarkPairsJson() {
    }

    static List<Object> write(List<PlantedPair> pairs) {
        List<Object> out = new ArrayList<>();
        for (PlantedPair p : pairs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", p.label());
            m.put("fixed", JsonFields.list(p.fixedLps()));
            m.put("moving", p.complete() ? JsonFields.list(p.movingLps()) : null);
            out.add(m);
        }
        return out;
    }

    static List<PlantedPair> read(Object v, JsonFields f) throws SessionFileException {
        if (v == null) {
            return List.of();
        }
        List<PlantedPair> out = new ArrayList<>();
        List<?> l = f.list(v, "landmarks");
        for (int i = 0; i < l.size(); i++) {
            String field = "landmarks[" + i + "]";
            Map<?, ?> m = f.object(l.get(i), field);
            String label = f.string(m.get("label"), field + ".label");
            double[] fixed = f.vector(m.get("fixed"), field + ".fixed");
            double[] moving = m.get("moving") == null ? null : f.vector(m.get("moving"), field + ".moving");
            if (out.stream().anyMatch(p -> p.label().equals(label))) {
                throw f.bad(field + ".label", "a name no other pair has", "\"" + label + "\" again");
            }
            out.add(new PlantedPair(label, fixed, moving));
        }
        return out;
    }
}
