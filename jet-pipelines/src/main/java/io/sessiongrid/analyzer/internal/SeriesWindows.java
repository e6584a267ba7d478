package io.sessiongrid.analyzer.internal;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.sessiongrid.analyzer.ConnectionSample;

import java.io.IOException;
import java.util.Arrays;

/**
 * The open tumbling windows of one series (a connection, a session, or one processor's share of the cluster)
 * at every configured interval, plus the windows closed since they were last taken ({@link #takeClosed()}).
 * Windows are aligned to the epoch and exist once a sample fell into them. Several windows of one interval
 * may be open at once (samples from different trackers arrive out of order by up to the allowed lag); they
 * close, oldest first, when {@link #closeEndingBy} says so.
 *
 * <p>Mutable; confined to one Jet processor.
 */
final class SeriesWindows {
    private final long[] intervals;
    private final Open[] open;
    private ClosedWindows closed;

    SeriesWindows(long[] intervals) {
        this.intervals = intervals;
        this.open = new Open[intervals.length];
        for (int i = 0; i < intervals.length; i++) {
            open[i] = new Open();
        }
    }

    /** Adds {@code s} to the windows holding time {@code t} (its own start, or a later one for a late sample). */
    void add(ConnectionSample s, long t, boolean late) {
        for (int i = 0; i < intervals.length; i++) {
            open[i].at(t - Math.floorMod(t, intervals[i])).add(s, late);
        }
    }

    /**
     * Closes every open window that ends at or before {@code limit}, oldest first, into {@link #closed()}.
     *
     * @return the index in {@link #closed()} of the newest closed window at interval index {@code watch}, or
     *         -1 if none of those closed
     */
    int closeEndingBy(long limit, int watch) {
        int watched = -1;
        for (int i = 0; i < intervals.length; i++) {
            Open o = open[i];
            while (o.n > 0 && o.starts[0] + intervals[i] <= limit) {
                if (closed == null) {
                    closed = new ClosedWindows();
                }
                closed.add(o.totals[0], o.starts[0], intervals[i]);
                o.removeFirst();
                if (i == watch) {
                    watched = closed.size() - 1;
                }
            }
        }
        return watched;
    }

    /** The windows closed since the last {@link #takeClosed()}, or null when none. */
    ClosedWindows closed() {
        return closed;
    }

    /** The windows closed since the last call, in closing order, or null when none. */
    ClosedWindows takeClosed() {
        ClosedWindows out = closed;
        closed = null;
        return out;
    }

    /** Whether no window is open. */
    boolean isIdle() {
        for (Open o : open) {
            if (o.n > 0) {
                return false;
            }
        }
        return true;
    }

    void writeTo(ObjectDataOutput out) throws IOException {
        for (Open o : open) {
            out.writeInt(o.n);
            for (int k = 0; k < o.n; k++) {
                out.writeLong(o.starts[k]);
                o.totals[k].writeTo(out);
            }
        }
        out.writeBoolean(closed != null);
        if (closed != null) {
            closed.writeTo(out);
        }
    }

    static SeriesWindows readFrom(ObjectDataInput in, long[] intervals) throws IOException {
        SeriesWindows w = new SeriesWindows(intervals);
        for (Open o : w.open) {
            int n = in.readInt();
            for (int k = 0; k < n; k++) {
                long start = in.readLong();
                o.at(start).combine(WindowTotals.readFrom(in));
            }
        }
        if (in.readBoolean()) {
            w.closed = ClosedWindows.readFrom(in);
        }
        return w;
    }

    /** The open windows of one interval, sorted by start; usually one, two while batches arrive out of order. */
    private static final class Open {
        long[] starts = new long[1];
        WindowTotals[] totals = new WindowTotals[1];
        int n;
        WindowTotals spare;

        WindowTotals at(long start) {
            int k = 0;
            while (k < n && starts[k] < start) {
                k++;
            }
            if (k < n && starts[k] == start) {
                return totals[k];
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n + 1);
                totals = Arrays.copyOf(totals, n + 1);
            }
            System.arraycopy(starts, k, starts, k + 1, n - k);
            System.arraycopy(totals, k, totals, k + 1, n - k);
            WindowTotals t = spare != null ? spare : new WindowTotals();
            spare = null;
            starts[k] = start;
            totals[k] = t;
            n++;
            return t;
        }

        void removeFirst() {
            WindowTotals t = totals[0];
            t.clear();
            spare = t;
            System.arraycopy(starts, 1, starts, 0, n - 1);
            System.arraycopy(totals, 1, totals, 0, n - 1);
            totals[--n] = null;
        }
    }
}
