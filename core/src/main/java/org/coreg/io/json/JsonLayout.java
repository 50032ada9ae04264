package org.coreg.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The layout {@link Json#write} gives its output, as the hand-written writer before it did and 3D Slicer does:
 * 4-space indents, {@code "key": value}, arrays of plain values on one line ({@code [1, 2, 3]}), arrays holding
 * objects or arrays one element a line. One instance per document: it holds the current depth.
 */
final class JsonLayout implements PrettyPrinter {
    private final Deque<Boolean> arrays = new ArrayDeque<>();
    private int depth;
    private boolean nextOnOneLine;

    /** Says how the next array opened is laid out; {@link Json} knows its elements before it writes them. */
    void nextArrayOnOneLine(boolean oneLine) {
        nextOnOneLine = oneLine;
    }

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        g.writeRaw(" ".repeat(4 * depth));
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        depth++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        depth--;
        if (entries > 0) {
            newline(g);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        arrays.push(nextOnOneLine);
        if (!nextOnOneLine) {
            depth++;
        }
        nextOnOneLine = false;
        g.writeRaw('[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        if (!arrays.element()) {
            newline(g);
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        if (arrays.element()) {
            g.writeRaw(", ");
        } else {
            g.writeRaw(',');
            newline(g);
        }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        if (!arrays.pop()) {
            depth--;
            if (values > 0) {
                newline(g);
            }
        }
        g.writeRaw(']');
    }
}
