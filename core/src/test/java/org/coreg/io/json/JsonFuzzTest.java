package org.coreg.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged documents end in a {@link JsonException} naming the file and a line, or parse; never another exception.
 * Random value trees read back equal to what was written.
 */
class JsonFuzzTest {
    private static final Path FILE = Path.of("fuzz.mrk.json");
    private static final String ALPHABET = "{}[]:,\"\\ \n0123456789.eE+-truefalsnulx\u00e9";

    private static Object randomValue(Random rnd, int depth) {
        int kind = rnd.nextInt(depth > 4 ? 4 : 6);
        return switch (kind) {
            case 0 -> rnd.nextBoolean() ? rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20)
                    : (double) rnd.nextInt(2000) - 1000;
            case 1 -> randomString(rnd);
            case 2 -> rnd.nextBoolean();
            case 3 -> null;
            case 4 -> {
                List<Object> l = new ArrayList<>();
                for (int i = rnd.nextInt(5); i > 0; i--) {
                    l.add(randomValue(rnd, depth + 1));
                }
                yield l;
            }
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = rnd.nextInt(5); i > 0; i--) {
                    m.put(randomString(rnd) + i, randomValue(rnd, depth + 1));
                }
                yield m;
            }
        };
    }

    private static String randomString(Random rnd) {
        StringBuilder b = new StringBuilder();
        for (int i = rnd.nextInt(8); i > 0; i--) {
            b.append(rnd.nextInt(10) == 0 ? (char) rnd.nextInt(0x20) : ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    @Test
    void randomTreesReadBackEqual() throws Exception {
        Random rnd = new Random(16);
        for (int n = 0; n < 2000; n++) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("v", randomValue(rnd, 0));
            assertThat(Json.parse(Json.write(root), FILE)).as("tree %d", n).isEqualTo(root);
        }
    }

    @Test
    void damagedDocumentsParseOrFailPlainly() {
        Random rnd = new Random(1616);
        int refused = 0;
        for (int n = 0; n < 6000; n++) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("markups", randomValue(rnd, 0));
            StringBuilder doc = new StringBuilder(Json.write(root));
            for (int edits = 1 + rnd.nextInt(3); edits > 0 && !doc.isEmpty(); edits--) {
                int at = rnd.nextInt(doc.length());
                switch (rnd.nextInt(4)) {
                    case 0 -> doc.deleteCharAt(at);
                    case 1 -> doc.insert(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                    case 2 -> doc.setCharAt(at, ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                    default -> doc.setLength(at);
                }
            }
            try {
                Json.parse(doc.toString(), FILE);
            } catch (JsonException e) {
                refused++;
                long lines = doc.chars().filter(c -> c == '\n').count() + 1;
                assertThat(e.getMessage()).as(doc.toString()).startsWith(FILE + ": line ").contains("JSON: expected ")
                        .doesNotContain("`").doesNotContainIgnoringCase("jackson");
                assertThat(e.line()).isBetween(1, (int) lines);
            }
        }
        assertThat(refused).as("most damaged documents are refused").isGreaterThan(3000);
    }
}
