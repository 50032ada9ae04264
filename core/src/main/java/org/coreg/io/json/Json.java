package org.coreg.io.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's JSON reader and writer, on Jackson: objects (insertion-ordered maps), arrays (lists), strings,
 * numbers (double), booleans and null. Parsing is strict JSON (RFC 8259) and refuses, with a {@link JsonException}
 * naming the file and line, what Jackson refuses plus duplicate keys, nesting deeper than {@value #MAX_DEPTH}
 * levels, numbers longer than {@value #MAX_NUMBER_LENGTH} characters and numbers outside the range of a double.
 * Writing pretty-prints with 4-space indents (as Slicer does), arrays of plain values on one line; numbers are
 * written so that they read back to the same double.
 */
public final class Json {
    /** Deepest nesting of objects and arrays accepted; session and markups files use five levels. */
    static final int MAX_DEPTH = 64;
    /** Longest number accepted, in characters; a double needs at most 25. */
    static final int MAX_NUMBER_LENGTH = 1000;

    // Immutable once built and thread-safe (Jackson's documented contract), so one instance serves every call.
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {
    }

    /** Parses a whole document; {@code file} names it in error messages. */
    public static Object parse(String text, Path file) throws JsonException {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonException(file, line(p.currentLocation()), "a value", "the end of the file");
            }
            Object v = value(p, first, file);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                throw new JsonException(file, line(p.currentTokenLocation()), "end of the document",
                        "'" + p.getText() + "'");
            }
            return v;
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e, file);
        } catch (IOException e) {
            // A String source has no I/O; only a parser failure Jackson did not classify ends here.
            throw new JsonException(file, 1, "a readable document", e.getMessage());
        }
    }

    private static Object value(JsonParser p, JsonToken t, Path file) throws IOException, JsonException {
        return switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    m.put(key, value(p, p.nextToken(), file));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    l.add(value(p, e, file));
                }
                yield l;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                double d = p.getValueAsDouble();
                if (!Double.isFinite(d)) {
                    throw new JsonException(file, line(p.currentTokenLocation()), "a number within the range of a "
                            + "double (about 1.8e308)", abbreviate(p.getText()));
                }
                yield d;
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonException(file, line(p.currentTokenLocation()), "a JSON value", "" + t);
        };
    }

    static int line(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
    }

    static String abbreviate(String s) {
        return "'" + (s.length() > 24 ? s.substring(0, 20) + "..." : s) + "'";
    }

    /** Pretty-printed JSON of maps, lists, strings, numbers, booleans and null. */
    public static String write(Object v) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            JsonLayout layout = new JsonLayout();
            g.setPrettyPrinter(layout);
            write(v, g, layout);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.append('\n').toString();
    }

    private static void write(Object v, JsonGenerator g, JsonLayout layout) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    write(e.getValue(), g, layout);
                }
                g.writeEndObject();
            }
            case List<?> l -> {
                layout.nextArrayOnOneLine(l.stream().noneMatch(x -> x instanceof Map || x instanceof List));
                g.writeStartArray();
                for (Object x : l) {
                    write(x, g, layout);
                }
                g.writeEndArray();
            }
            case String s -> g.writeString(s);
            case Double d when Double.isFinite(d) -> g.writeNumber(number(d));
            case Float f when Float.isFinite(f) -> g.writeNumber(number(f));
            case Integer i -> g.writeNumber(i);
            case Long i -> g.writeNumber(i);
            case Number n -> g.writeNumber(n.doubleValue());   // NaN, infinities: Jackson writes them as strings
            case Boolean b -> g.writeBoolean(b);
            default -> g.writeString(v.toString());
        }
    }

    /** Integers without a fraction; other values in the shortest form that reads back to the same double. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }
}
