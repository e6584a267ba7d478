package io.sessiongrid.config;

/**
 * A configuration that cannot be used. The message names the source (a file or "defaults"), the path
 * inside it ({@code partitions.cart.maxBytes}) and what is allowed.
 */
public class ConfigException extends RuntimeException {
    private final String source;
    private final String path;

    public ConfigException(String source, String path, String problem) {
        this(source, path, problem, null);
    }

    public ConfigException(String source, String path, String problem, Throwable cause) {
        super(source + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + problem, cause);
        this.source = source;
        this.path = path;
    }

    /** The file (or "defaults", or another named source) the problem is in. */
    public String source() {
        return source;
    }

    /** The dotted path inside the source, e.g. {@code roles.game-server}; empty for the whole document. */
    public String path() {
        return path;
    }
}
