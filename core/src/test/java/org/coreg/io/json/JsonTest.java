package org.coreg.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Json on Jackson: the value model, the layout, and errors that name the file, the line and the problem. */
class JsonTest {
    private static final Path FILE = Path.of("case.coreg.json");

    @Test
    void parsesTheValueModelWithEveryNumberAsADouble() throws Exception {
        Object v = Json.parse("{\"a\": [1, -2.5, 3e2, true, false, null, \"x\\u00e9\\n\"], \"b\": {}}", FILE);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", java.util.Arrays.asList(1.0, -2.5, 300.0, true, false, null, "x\u00e9\n"));
        expected.put("b", Map.of());
        assertThat(v).isEqualTo(expected);
    }

    @Test
    void keepsKeyOrder() throws Exception {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"z\": 1, \"a\": 2, \"m\": 3}", FILE);
        assertThat(List.<Object>copyOf(m.keySet())).containsExactly("z", "a", "m");
    }

    @Test
    void writesFourSpaceIndentsAndPlainArraysOnOneLine() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "a \"b\"");
        root.put("position", List.of(1.0, -2.5, 1e-7));
        root.put("points", List.of(Map.of("id", 1.0), Map.of("id", 2.0)));
        root.put("empty", List.of());
        String expected = """
                {
                    "name": "a \\"b\\"",
                    "position": [1, -2.5, 1.0e-7],
                    "points": [
                        {
                            "id": 1
                        },
                        {
                            "id": 2
                        }
                    ],
                    "empty": []
                }
                """;
        assertThat(Json.write(root)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": 1,~\"b\": }|2|found '}'",
        "{\"a\": 1~~\"b\": 2}|3|found '\"'",
        "{\"a\": [1, 2}|1|expected ']', found '}'",
        "{\"a\": tru}|1|found 'tru'",
        "{\"a\":~ 1|2|found the end of the file",
        "|1|expected a value, found the end of the file",
        "{} {}|1|expected end of the document, found '{'",
        "{\"a\": 1,~ \"a\": 2}|2|expected each key once in an object, found \"a\" again",
        "{\"a\": NaN}|1|found 'NaN'",
        "{\"a\": 1e999}|1|expected a number within the range of a double",
        "[-1e400]|1|expected a number within the range of a double",
        "{\"a\": \"x|1|found the end of the file"})
    void refusesMalformedDocumentsNamingFileLineAndProblem(String text, int line, String problem) {
        String doc = text == null ? "" : text.replace('~', '\n');   // CsvSource splits at real newlines
        assertThatThrownBy(() -> Json.parse(doc, FILE)).isInstanceOf(JsonException.class)
                .hasMessageContaining("case.coreg.json").hasMessageContaining("line " + line + ": JSON: ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((JsonException) e).line()).isEqualTo(line))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("jackson").doesNotContain("Jackson")
                        .doesNotContain("`"));
    }

    @Test
    void refusesDeepNestingWithAPlainError() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(deep, FILE)).isInstanceOf(JsonException.class)
                .hasMessageContaining("expected at most 64 nested levels, found deeper nesting");
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThatThrownBy(() -> Json.parse("[" + ok + "]", FILE)).isInstanceOf(JsonException.class);
        org.assertj.core.api.Assertions.assertThatCode(() -> Json.parse(ok, FILE)).doesNotThrowAnyException();
    }

    @Test
    void refusesHugeNumbersWithAPlainError() {
        String digits = "9".repeat(5000);
        assertThatThrownBy(() -> Json.parse("{\"a\": " + digits + "}", FILE)).isInstanceOf(JsonException.class)
                .hasMessageContaining("expected a number of at most 1000 characters");
        assertThatThrownBy(() -> Json.parse("[1" + "0".repeat(400) + "]", FILE)).isInstanceOf(JsonException.class)
                .hasMessageContaining("within the range of a double");
    }
}
