package org.coreg.ui;

import java.nio.file.Path;
import java.util.List;
import org.coreg.app.render.FusionMode;

/**
 * The workstation's command line: {@code --fixed FILE}, {@code --moving FILE} (also {@code --fixed=FILE}) and
 * {@code --demo}, {@code --overlay blend|checkerboard|colour|difference}, {@code --session FILE} (a saved session; it
 * cannot be combined with --fixed, --moving or --demo). {@code problem} is a message for the user when the line could not be understood.
 */
record LaunchArguments(Path fixed, Path moving, boolean demo, FusionMode overlay, String problem, Path session) {
    static LaunchArguments parse(List<String> raw) {
        Path fixed = null;
        Path moving = null;
        boolean demo = false;
        FusionMode overlay = null;
        Path session = null;
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            switch (name) {
                case "--demo" -> demo = true;
                case "--overlay" -> {
                    String value = inline != null ? inline : i + 1 < raw.size() ? raw.get(++i) : "";
                    try {
                        overlay = FusionMode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        return fail("--overlay needs one of blend, checkerboard, colour, difference; found '"
                                + value + "'");
                    }
                }
                case "--fixed", "--moving", "--session" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= raw.size()) {
                            return fail(name + " needs a file name");
                        }
                        value = raw.get(++i);
                    }
                    if (name.equals("--session")) {
                        session = Path.of(value);
                    } else if (name.equals("--fixed")) {
                        fixed = Path.of(value);
                    } else {
                        moving = Path.of(value);
                    }
                }
                default -> {
                    return fail("Unknown argument " + a + ". Use --fixed FILE, --moving FILE, --session FILE, --demo, "
                            + "--overlay MODE.");
                }
            }
        }
        if (session != null && (fixed != null || moving != null || demo)) {
            return fail("--session opens its own images; use it without --fixed, --moving and --demo");
        }
        return new LaunchArguments(fixed, moving, demo, overlay, null, session);
    }

    private static LaunchArguments fail(String problem) {
        return new LaunchArguments(null, null, false, null, problem, null);
    }
}
