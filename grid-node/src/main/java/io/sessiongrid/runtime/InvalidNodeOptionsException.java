package io.sessiongrid.runtime;

import io.sessiongrid.config.ConfigException;

import java.util.List;

/**
 * {@link NodeOptions} that cannot start a node. The message lists every problem found, each with the option it
 * concerns and what is allowed; nothing has been started. A {@link ConfigException}, so the CLI reports it as a
 * usage error (exit 2).
 */
public class InvalidNodeOptionsException extends ConfigException {
    private final List<String> problems;

    public InvalidNodeOptionsException(List<String> problems) {
        super("node options", "", String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, as "option: what is wrong; what is allowed". */
    public List<String> problems() {
        return problems;
    }
}
