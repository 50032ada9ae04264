package org.coreg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The write order of a result image and its transform files: the image first, the transforms last. Each file is
 * written atomically (AtomicOutput), so a run stopped while the image is written leaves neither the image nor a
 * transform that claims it; a transform file beside an image therefore means the image is complete. If a transform
 * cannot be written, the image just written is deleted: no result without its transform either.
 */
final class ResultWrites {
    /** One write that may fail. */
    interface Write {
        void run() throws IOException;
    }

    private ResultWrites() {
    }

    /**
     * Runs {@code image} (skipped when {@code imageFile} is null), then {@code transforms}; deletes {@code imageFile}
     * if {@code transforms} fails.
     */
    static void imageThenTransforms(Path imageFile, Write image, Write transforms) throws IOException {
        if (imageFile != null) {
            image.run();
        }
        try {
            transforms.run();
        } catch (IOException | RuntimeException | Error e) {
            if (imageFile != null) {
                try {
                    Files.deleteIfExists(imageFile);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }
}
