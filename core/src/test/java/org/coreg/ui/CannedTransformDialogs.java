package org.coreg.ui;

import java.nio.file.Path;

/**
 * Transform dialogs that give fixed answers, for tests: the file to import, the file to export to (null = cancelled)
 * and the answer to every confirmation.
 */
record CannedTransformDialogs(Path importFile, Path exportFile, boolean confirmation) implements TransformDialogs {
    @Override
    public Path chooseImport() {
        return importFile;
    }

    @Override
    public Path chooseExport(String name) {
        return exportFile;
    }

    @Override
    public boolean confirm(String question) {
        return confirmation;
    }
}
