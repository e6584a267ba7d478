package io.sessiongrid.forecast.backtest;

/**
 * A trace that cannot be read or backtested: the message says what was wrong, where, and what is needed.
 */
public final class TraceException extends IllegalArgumentException {

    public TraceException(String message) {
        super(message);
    }

    public TraceException(String message, Throwable cause) {
        super(message, cause);
    }
}
