package org.coreg.ui;

import javafx.stage.Stage;
import org.coreg.app.session.Session;
import org.coreg.app.session.SessionChange;
import org.coreg.app.sessionfile.SessionStore;

/**
 * Keeps the window title naming what is open: "Coreg - fixed 'mr' / moving 'ct' - case.coreg.json *", the star
 * when there are unsaved changes.
 */
final class WindowTitle {
    private final Stage stage;
    private final Session session;
    private final SessionStore store;

    private WindowTitle(Stage stage, Session session, SessionStore store) {
        this.stage = stage;
        this.session = session;
        this.store = store;
    }

    /** Sets the title now and after every change of volumes, edits, kept transforms, save and open. */
    static void bind(Stage stage, Session session, SessionStore store) {
        WindowTitle t = new WindowTitle(stage, session, store);
        session.addListener(c -> {
            if (c != SessionChange.CURSOR && c != SessionChange.DISPLAY) {
                t.update();
            }
        });
        session.transforms().addListener(t::update);
        store.addFileListener(t::update);
        t.update();
    }

    void update() {
        stage.setTitle(text());
    }

    String text() {
        StringBuilder b = new StringBuilder("Coreg");
        String fixed = session.fixed().map(v -> "fixed '" + v.source().metadata().name() + "'").orElse(null);
        String moving = session.moving().map(v -> "moving '" + v.source().metadata().name() + "'").orElse(null);
        if (fixed != null || moving != null) {
            b.append(" - ").append(fixed == null ? "no fixed image" : fixed).append(" / ")
                    .append(moving == null ? "no moving image" : moving);
        }
        store.file().ifPresent(f -> b.append(" - ").append(f.getFileName()));
        if (store.isDirty()) {
            b.append(" *");
        }
        return b.toString();
    }
}
