package io.sessiongrid.workload;

import io.sessiongrid.config.ConfigException;

/** A workload that cannot be used as given (unknown spec, unreadable trace, bad rate): a usage error (exit 2). */
public class WorkloadException extends ConfigException {
    public WorkloadException(String source, String problem, Throwable cause) {
        super(source, "workload", problem, cause);
    }
}
