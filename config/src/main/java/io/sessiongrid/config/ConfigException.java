package io.sessiongrid.config;

import java.util.List;

/**
 * A configuration that cannot be used. The message names the source (a file or "defaults"), and for each problem
 * found the path inside it ({@code partitions.cart.maxBytes}) and what is allowed: a file with several errors reports
 * all of them at once (one per line), as far as they can be found without the others fixed (a YAML syntax error
 * ends the reading of a file).
 */
public class ConfigException extends RuntimeException {
    private final String source;
    private final String path;
    private final List<Problem> problems;

    /** One thing wrong: where ({@code ""} for the whole document) and what, with what is allowed. */
    public record Problem(String path, String problem) {
        @Override
        public String toString() {
            return (path == null || path.isEmpty() ? "" : path + ": ") + problem;
        }
    }

    public ConfigException(String source, String path, String problem) {
        this(source, path, problem, null);
    }

    public ConfigException(String source, String path, String problem, Throwable cause) {
        this(source, List.of(new Problem(path, problem)), cause);
    }

    /** Several problems of one source; {@link #path()} is the first one's. */
    public ConfigException(String source, List<Problem> problems, Throwable cause) {
        super(message(source, problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.source = source;
        this.path = problems.get(0).path();
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<Problem> problems) {
        if (problems.size() == 1) {
            return source + ": " + problems.get(0);
        }
        StringBuilder m = new StringBuilder(source).append(": ").append(problems.size()).append(" problems");
        problems.forEach(p -> m.append("\n  ").append(p));
        return m.toString();
    }

    /** Every problem found, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    /** The file (or "defaults", or another named source) the problem is in. */
    public String source() {
        return source;
    }

    /** The (first problem's) dotted path inside the source, e.g. {@code roles.game-server}; empty for the whole document. */
    public String path() {
        return path;
    }
}
