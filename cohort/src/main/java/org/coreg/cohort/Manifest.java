package org.coreg.cohort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a cohort manifest: CSV (UTF-8) with a header naming the columns {@code id}, {@code fixed}, {@code moving}
 * and optionally {@code stages}, {@code fixed_landmarks}, {@code moving_landmarks}, {@code initial_transform},
 * {@code roi}, in any order. Empty lines and lines starting with # are skipped. Every problem (unknown or missing
 * column, empty id or path, repeated id, an id that is no file name) fails the whole manifest with a message naming
 * the file and line, before anything runs. Relative paths are resolved against the manifest's folder and made
 * absolute. In {@code stages} and {@code roi} a semicolon or blank may stand for the comma (so the cell needs no
 * quotes).
 */
public final class Manifest {
    static final List<String> REQUIRED = List.of("id", "fixed", "moving");
    static final List<String> OPTIONAL = List.of("stages", "fixed_landmarks", "moving_landmarks", "initial_transform",
            "roi");
    /** Ids name output files: letters, digits, dot, dash, underscore; not starting with a dot. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private Manifest() {
    }

    /** The rows of {@code file}, in file order. */
    public static List<ManifestRow> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": manifest file does not exist", e);
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, Integer> columns = null;
        List<ManifestRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank() || text.strip().startsWith("#")) {
                continue;
            }
            List<String> fields = Csv.split(text);
            if (fields == null) {
                throw new IllegalArgumentException(where(file, i) + "a quoted field is not closed on its line");
            }
            if (columns == null) {
                columns = header(fields, file, i);
                continue;
            }
            if (fields.size() > columns.size()) {
                throw new IllegalArgumentException(where(file, i) + "expected at most " + columns.size()
                        + " fields (the header's columns), found " + fields.size());
            }
            ManifestRow row = row(fields, columns, base, file, i);
            if (!ids.add(row.id())) {
                throw new IllegalArgumentException(where(file, i) + "id '" + row.id() + "' appears twice (ids name "
                        + "the output files)");
            }
            rows.add(row);
        }
        if (columns == null) {
            throw new IllegalArgumentException(file + ": the manifest is empty (expected a header: id,fixed,moving)");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": the manifest has a header but no rows");
        }
        return rows;
    }

    private static Map<String, Integer> header(List<String> fields, Path file, int i) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < fields.size(); c++) {
            String name = fields.get(c).toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw new IllegalArgumentException(where(file, i) + "unknown column '" + fields.get(c)
                        + "' (expected id, fixed, moving and optionally " + String.join(", ", OPTIONAL) + ")");
            }
            if (columns.put(name, c) != null) {
                throw new IllegalArgumentException(where(file, i) + "column '" + name + "' appears twice");
            }
        }
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                throw new IllegalArgumentException(where(file, i) + "the header has no '" + name + "' column "
                        + "(expected id,fixed,moving[,...]), found " + String.join(",", fields));
            }
        }
        return columns;
    }

    private static ManifestRow row(List<String> fields, Map<String, Integer> columns, Path base, Path file, int i) {
        String id = cell(fields, columns, "id");
        if (id == null) {
            throw new IllegalArgumentException(where(file, i) + "the id is empty");
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where(file, i) + "id '" + id + "' cannot name a file (use letters, "
                    + "digits, '.', '-' and '_')");
        }
        String fixed = path(cell(fields, columns, "fixed"), base);
        String moving = path(cell(fields, columns, "moving"), base);
        if (fixed == null || moving == null) {
            throw new IllegalArgumentException(where(file, i) + "row '" + id + "' has no " + (fixed == null ? "fixed"
                    : "moving") + " image");
        }
        return new ManifestRow(i + 1, id, fixed, moving, list(cell(fields, columns, "stages")),
                path(cell(fields, columns, "fixed_landmarks"), base),
                path(cell(fields, columns, "moving_landmarks"), base),
                path(cell(fields, columns, "initial_transform"), base), list(cell(fields, columns, "roi")));
    }

    private static String cell(List<String> fields, Map<String, Integer> columns, String name) {
        Integer c = columns.get(name);
        if (c == null || c >= fields.size() || fields.get(c).isEmpty()) {
            return null;
        }
        return fields.get(c);
    }

    private static String path(String cell, Path base) {
        return cell == null ? null : base.resolve(cell).toAbsolutePath().normalize().toString();
    }

    /** "a; b c" -> "a,b,c": the comma-separated list coreg register expects. */
    private static String list(String cell) {
        return cell == null ? null : String.join(",", cell.strip().split("\\s*[,; ]\\s*"));
    }

    private static String where(Path file, int i) {
        return file + ": line " + (i + 1) + ": ";
    }
}
