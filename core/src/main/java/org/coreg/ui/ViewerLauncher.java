package org.coreg.ui;

import javafx.application.Application;

/**
 * Starts the workstation from a plain class path. (The java launcher refuses a main class that extends
 * {@link Application} unless JavaFX is on the module path; this class does not.)
 */
public final class ViewerLauncher {
    private ViewerLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(CoregApp.class, args);
    }
}
