package org.practicealerts.embedded;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Minimal {@code --name value} / {@code --name=value} / {@code --flag} parser for the mains. */
final class CommandLine {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CommandLine() {
    }

    /**
     * @param valueOptions options that take a value, e.g. {@code --port}
     * @param flagOptions  options without a value, e.g. {@code --stop-after-start}
     * @throws IllegalArgumentException for an unknown option or a missing value
     */
    static CommandLine parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        CommandLine cli = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flagOptions.contains(name) && value == null) {
                cli.flags.add(name);
            } else if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value for " + name);
                    }
                    value = args[++i];
                }
                cli.values.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return cli;
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new IllegalArgumentException("missing required option " + name));
    }

    int intValue(String name, int defaultValue) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + raw + "'");
        }
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
