package org.coreg.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of a row: SHA-256 over the register arguments that decide the result (images, options, seed,
 * outputs; not the thread count) and the content of every input file. Equal fingerprints mean the same inputs and
 * settings, so a rerun may keep the row's earlier outputs. A missing or unreadable input enters as its path only
 * (the row will fail and be retried).
 */
final class Fingerprint {
    private static final String VERSION = "coreg-cohort fingerprint 1";

    private Fingerprint() {
    }

    static String of(List<String> registerArgs, List<Path> inputs) {
        MessageDigest d = sha256();
        update(d, VERSION);
        for (String a : RegisterArgs.settingsPart(registerArgs)) {
            update(d, "arg");
            update(d, a);
        }
        byte[] buf = new byte[1 << 16];
        for (Path p : inputs) {
            update(d, "file");
            update(d, p.toString());
            try (InputStream in = Files.newInputStream(p)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    d.update(buf, 0, n);
                }
            } catch (IOException e) {
                update(d, "unreadable");
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update((byte) (b.length >>> 24));
        d.update((byte) (b.length >>> 16));
        d.update((byte) (b.length >>> 8));
        d.update((byte) b.length);
        d.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
