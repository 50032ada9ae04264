package org.coreg.registration.landmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;

/**
 * Pairs the points planted on the fixed image with those planted on the moving image: by label when every label is
 * unique in both lists and the two lists hold the same labels; otherwise by order when the lists are equally long.
 */
public final class LandmarkPairs {
    private LandmarkPairs() {
    }

    /**
     * @param fixed  points in the fixed image's LPS mm
     * @param moving points in the moving image's LPS mm
     * @throws LandmarkException when the lists can be paired neither by label nor by order
     */
    public static List<LandmarkPair> match(PointList fixed, PointList moving) throws LandmarkException {
        Map<String, PlanningPoint> byLabel = uniqueLabels(moving);
        Set<String> fixedLabels = uniqueLabels(fixed) == null ? null : uniqueLabels(fixed).keySet();
        List<LandmarkPair> out = new ArrayList<>();
        if (byLabel != null && fixedLabels != null && fixedLabels.equals(byLabel.keySet())) {
            for (PlanningPoint p : fixed.points()) {
                out.add(new LandmarkPair(p.label(), p.lps(), byLabel.get(p.label()).lps()));
            }
            return out;
        }
        if (fixed.size() != moving.size()) {
            String why = byLabel != null && fixedLabels != null ? "their labels differ (only on the fixed image: "
                    + minus(fixedLabels, byLabel.keySet()) + "; only on the moving image: "
                    + minus(byLabel.keySet(), fixedLabels) + ")" : "their labels are not unique";
            throw new LandmarkException("cannot pair the landmarks: " + why + ", and the lists differ in length ("
                    + fixed.size() + " fixed, " + moving.size() + " moving) so they cannot be paired by order");
        }
        for (int i = 0; i < fixed.size(); i++) {
            PlanningPoint f = fixed.get(i), m = moving.get(i);
            String label = f.label().equals(m.label()) ? f.label() : f.label() + "/" + m.label();
            out.add(new LandmarkPair(label, f.lps(), m.lps()));
        }
        return out;
    }

    private static Map<String, PlanningPoint> uniqueLabels(PointList l) {
        Map<String, PlanningPoint> m = new HashMap<>();
        for (PlanningPoint p : l.points()) {
            if (p.label().isBlank() || m.put(p.label(), p) != null) {
                return null;
            }
        }
        return m;
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d.stream().sorted().toList();
    }
}
