package io.sessiongrid.node.demo.report;

/** A demo summary or report that cannot be read or written: says which file and what was wrong. */
public final class DemoReportException extends RuntimeException {
    public DemoReportException(String message) {
        super(message);
    }

    public DemoReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
