package org.coreg.app.sessionfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.coreg.io.json.Json;
import org.coreg.io.json.JsonException;

/**
 * Whether to offer a recovery file at start, and what to tell the user: a copy is offered only when it is newer than
 * the session file it was the unsaved work of (a copy older than that file is stale and is deleted), and the offer
 * says when it was autosaved and how it differs from the saved file (planning points, kept transforms, crop box,
 * current transform), the way Slicer users expect.
 *
 * @param recoveryFile the autosaved session to restore
 * @param autosavedAt  when it was written
 * @param message      the question to show, in plain words
 */
public record RecoveryOffer(Path recoveryFile, Instant autosavedAt, String message) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'on' d MMM yyyy",
            Locale.ENGLISH);

    /**
     * The offer for {@code recoveryFile}, or empty when there is none or it is older than its saved session file
     * (then it is deleted).
     */
    public static Optional<RecoveryOffer> check(Path recoveryFile, ZoneId zone) throws IOException {
        if (Autosave.pending(recoveryFile).isEmpty()) {
            return Optional.empty();
        }
        Instant autosavedAt = Files.getLastModifiedTime(recoveryFile).toInstant();
        Path sessionFile = null;
        Path info = Autosave.infoFile(recoveryFile);
        if (Files.isRegularFile(info)) {
            try {
                if (Json.parse(Files.readString(info, StandardCharsets.UTF_8), info) instanceof Map<?, ?> m) {
                    if (m.get("autosavedAt") instanceof String at) {
                        autosavedAt = Instant.parse(at);
                    }
                    if (m.get("sessionFile") instanceof String f) {
                        sessionFile = Path.of(f);
                    }
                }
            } catch (JsonException | DateTimeParseException e) {
                // an unreadable info file: offer the copy on its own file time, without comparison
            }
        }
        Instant savedAt = sessionFile != null && Files.isRegularFile(sessionFile)
                ? Files.getLastModifiedTime(sessionFile).toInstant() : null;
        if (savedAt != null && !savedAt.isBefore(autosavedAt)) {
            Autosave.discard(recoveryFile); // the saved file is the latest work
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("Coreg did not close normally last time. Work that was not saved was "
                + "autosaved at " + TIME.format(autosavedAt.atZone(zone)) + ".");
        SessionDocument copy;
        try {
            copy = SessionJson.read(recoveryFile);
        } catch (SessionFileException e) {
            return Optional.of(new RecoveryOffer(recoveryFile, autosavedAt, text + "\n\nThe autosaved copy cannot be "
                    + "read: " + e.getMessage()));
        }
        text.append("\n\nThe autosaved copy holds ").append(contents(copy)).append('.');
        if (sessionFile == null) {
            text.append("\nThis work had not been saved to a session file.");
        } else if (savedAt == null) {
            text.append("\nIts session file ").append(sessionFile).append(" is no longer there.");
        } else {
            text.append("\nThe session file ").append(sessionFile.getFileName()).append(", last saved at ")
                    .append(TIME.format(savedAt.atZone(zone))).append(", holds ");
            try {
                SessionDocument saved = SessionJson.read(sessionFile);
                text.append(contents(saved)).append('.');
                if (!saved.fixedToMoving().equals(copy.fixedToMoving())) {
                    text.append("\nThe current transform differs between them.");
                }
            } catch (SessionFileException e) {
                text.append("something Coreg cannot read (").append(e.getMessage()).append(").");
            }
        }
        text.append("\n\nRestore the autosaved work?");
        return Optional.of(new RecoveryOffer(recoveryFile, autosavedAt, text.toString()));
    }

    private static String contents(SessionDocument d) {
        return count(d.points().size(), "planning point") + ", " + count(d.kept().size(), "kept transform") + " and "
                + (d.roi() == null ? "no crop box" : "a crop box");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
