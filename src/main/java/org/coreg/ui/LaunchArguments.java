package org.coreg.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * The workstation's command line: {@code --fixed FILE}, {@code --moving FILE} (also {@code --fixed=FILE}) and
 * {@code --demo}. {@code problem} is a message for the user when the line could not be understood.
 */
record LaunchArguments(Path fixed, Path moving, boolean demo, String problem) {
    static LaunchArguments parse(List<String> raw) {
        Path fixed = null;
        Path moving = null;
        boolean demo = false;
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String inline = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            switch (name) {
                case "--demo" -> demo = true;
                case "--fixed", "--moving" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= raw.size()) {
                            return new LaunchArguments(null, null, false, name + " needs a file name");
                        }
                        value = raw.get(++i);
                    }
                    if (name.equals("--fixed")) {
                        fixed = Path.of(value);
                    } else {
                        moving = Path.of(value);
                    }
                }
                case "--session" -> {
                    return new LaunchArguments(null, null, false,
                            "--session is not supported yet: open the fixed and moving images with --fixed and --moving");
                }
                default -> {
                    return new LaunchArguments(null, null, false, "Unknown argument " + a
                            + ". Use --fixed FILE, --moving FILE or --demo.");
                }
            }
        }
        return new LaunchArguments(fixed, moving, demo, null);
    }
}
