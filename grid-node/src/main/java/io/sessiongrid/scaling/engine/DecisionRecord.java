package io.sessiongrid.scaling.engine;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import io.sessiongrid.config.compact.NamedCompactSerializer;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One decision with its inputs, as stored and shown.
 *
 * @param at        when
 * @param member    the member whose engine decided
 * @param policy    the policy's name
 * @param kind      {@code scale_out}, {@code scale_in}, {@code hold} or {@code paused}
 * @param servers   servers added (scale-out) or chosen to retire (scale-in); 0 for a hold
 * @param retired   the ids chosen to retire
 * @param reason    the policy's reason
 * @param demand    the observed demand
 * @param peakUpper the highest forecast upper bound the policy saw (the demand when there was no forecast)
 * @param committed ready plus pending servers before the decision
 */
public record DecisionRecord(Instant at, String member, String policy, String kind, int servers, List<String> retired,
                             String reason, double demand, double peakUpper, int committed) {
    public static final String TYPE_NAME = "sessiongrid.scaling.Decision";

    public DecisionRecord {
        retired = List.copyOf(retired);
    }

    /** Compact serializer; SQL sees these field names ({@code decidedAt} in epoch millis, {@code decidedBy} the member, {@code retired} comma-separated). */
    public static final class Serializer extends NamedCompactSerializer<DecisionRecord> {
        public Serializer() {
            super(TYPE_NAME, DecisionRecord.class);
        }

        @Override
        public DecisionRecord read(CompactReader in) {
            String retired = in.readString("retired");
            return new DecisionRecord(Instant.ofEpochMilli(in.readInt64("decidedAt")), in.readString("decidedBy"),
                    in.readString("policy"), in.readString("kind"), in.readInt32("servers"),
                    retired == null || retired.isEmpty() ? List.of() : Arrays.asList(retired.split(",")),
                    in.readString("reason"), in.readFloat64("demand"), in.readFloat64("peakUpper"),
                    in.readInt32("committed"));
        }

        @Override
        public void write(CompactWriter out, DecisionRecord d) {
            out.writeInt64("decidedAt", d.at().toEpochMilli());
            out.writeString("decidedBy", d.member());
            out.writeString("policy", d.policy());
            out.writeString("kind", d.kind());
            out.writeInt32("servers", d.servers());
            out.writeString("retired", String.join(",", d.retired()));
            out.writeString("reason", d.reason());
            out.writeFloat64("demand", d.demand());
            out.writeFloat64("peakUpper", d.peakUpper());
            out.writeInt32("committed", d.committed());
        }
    }
}
