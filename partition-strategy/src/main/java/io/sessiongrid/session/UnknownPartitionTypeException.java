package io.sessiongrid.session;

import java.util.List;

/** A partition type that the configuration does not declare. */
public class UnknownPartitionTypeException extends SessionStoreException {
    private final String partition;
    private final List<String> known;

    public UnknownPartitionTypeException(String partition, List<String> known) {
        super("unknown partition type '" + partition + "'; configured types: " + known);
        this.partition = partition;
        this.known = List.copyOf(known);
    }

    public String partition() {
        return partition;
    }

    public List<String> known() {
        return known;
    }
}
