package org.coreg.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's parse errors into {@link JsonException}s in the project's words ("expected X, found Y" at a line),
 * so that a user reads what is wrong where, never a Jackson class name or a stack trace.
 */
final class JsonErrors {
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\((.+?) \\(code \\d+\\)\\)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) \"?'?(.*?)\"?'?$");
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)'(?:: expected '(.)')?");

    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '(.*?)'");

    private JsonErrors() {
    }

    static JsonException translate(JsonProcessingException e, Path file) {
        int line = Json.line(e.getLocation());
        String m = firstLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            if (m.contains("nesting depth")) {
                return new JsonException(file, line, "at most " + Json.MAX_DEPTH + " nested levels",
                        "deeper nesting");
            }
            if (m.contains("Number value length")) {
                return new JsonException(file, line, "a number of at most " + Json.MAX_NUMBER_LENGTH
                        + " characters", "a longer one");
            }
            return new JsonException(file, line, "a document within Jackson's limits", clean(m));
        }
        Matcher d = DUPLICATE.matcher(m);
        if (d.find()) {
            return new JsonException(file, line, "each key once in an object", "\"" + d.group(1) + "\" again");
        }
        Matcher n = NON_STANDARD.matcher(m);
        if (n.find()) {
            return new JsonException(file, line, "a JSON number (JSON has no NaN or Infinity)",
                    Json.abbreviate(n.group(1)));
        }
        Matcher c = CLOSE_MARKER.matcher(m);
        if (c.find()) {
            return new JsonException(file, line, c.group(2) != null ? "'" + c.group(2) + "'" : "a value",
                    "'" + c.group(1) + "'");
        }
        String found = found(m);
        int colon = m.indexOf(": ");
        String expected = colon >= 0 ? clean(m.substring(colon + 2)) : "well-formed JSON";
        expected = expected.replaceFirst("^(was )?expecting ", "").replaceFirst("^expected ", "");
        // Jackson sometimes suggests a parser feature; that is no advice for the user of a file.
        boolean useless = expected.isEmpty() || expected.contains("`") || expected.contains("Feature");
        return new JsonException(file, line, useless ? "well-formed JSON" : expected, found);
    }

    private static String found(String m) {
        if (m.startsWith("Unexpected end-of-input")) {
            return "the end of the file";
        }
        Matcher u = UNEXPECTED_CHAR.matcher(m);
        if (u.find()) {
            return u.group(1);
        }
        Matcher r = UNRECOGNIZED.matcher(m);
        if (r.find()) {
            return Json.abbreviate(r.group(1));
        }
        int colon = m.indexOf(": ");
        return clean(colon >= 0 ? m.substring(0, colon) : m);
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "an unreadable document";
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    /** Drops Jackson's internal references (feature names, start-marker locations) from a message part. */
    private static String clean(String s) {
        return s.replaceAll("\\s*\\(start marker at .*?\\)", "").replaceAll("\\s*\\(from `.*?`\\)", "")
                .replaceAll("\\s*\\(for (Object|Array) starting at .*?\\)", "").trim();
    }
}
