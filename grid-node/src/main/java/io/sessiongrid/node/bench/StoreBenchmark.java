package io.sessiongrid.node.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.impl.protocol.codec.MapExecuteOnKeyCodec;
import com.hazelcast.client.impl.protocol.codec.MapSetCodec;
import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.map.IMap;
import io.sessiongrid.config.HazelcastConfigs;
import io.sessiongrid.config.SessionGridConfig;
import io.sessiongrid.config.SessionGridConfigLoader;
import io.sessiongrid.node.member.MemberConfigs;
import io.sessiongrid.session.SessionStore;
import io.sessiongrid.session.SessionStores;
import io.sessiongrid.session.internal.ElementCodec;
import io.sessiongrid.session.internal.ElementDeltaProcessor;
import io.sessiongrid.session.internal.SessionKey;
import io.sessiongrid.session.internal.StoredPartition;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench store}: SessionStore get/set against a raw {@code IMap<String, byte[]>} holding the same keys
 * and 1 KiB values (and the same TTL and backup count as the session type), embedded (ops on the member) and through a client, 4 threads; and the request bytes of a
 * 100-byte element delta against a whole-partition set of a 10 KiB partition.
 *
 * <p>Both sides run in the same JVM and cluster, alternating in rounds so that drift on a noisy machine hits
 * both alike; the ratio is what to read.
 */
public final class StoreBenchmark {
    private static final int THREADS = 4;
    private static final int KEYS = 10_000;
    private static final String TYPE = "cart";

    private StoreBenchmark() {
    }

    public static BenchReport run(boolean quick, PrintStream out) throws InterruptedException {
        double seconds = quick ? 1.5 : 5;
        int rounds = quick ? 2 : 4;
        SessionGridConfig config = SessionGridConfigLoader.defaults();
        Config memberConfig = MemberConfigs.prepare(HazelcastConfigs.member(null), config);
        memberConfig.setClusterName("sessiongrid-bench-" + UUID.randomUUID().toString().substring(0, 8));
        memberConfig.getJetConfig().setEnabled(false);
        // The raw side gets the same map settings (TTL, backups) as the session type: the comparison is about
        // what SessionGrid adds, not about Hazelcast's cost of expiry.
        MapConfig typeMap = memberConfig.getMapConfig(SessionStores.mapName(TYPE));
        memberConfig.addMapConfig(new MapConfig(typeMap).setName("bench.raw.*"));
        BenchReport report = new BenchReport("store", quick, 1);
        out.printf(Locale.ROOT, "bench store: %d threads, %d keys, 1 KiB values, %d rounds x %.1f s per side%n",
                THREADS, KEYS, rounds, seconds);
        HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig);
        HazelcastInstance client = null;
        try {
            compare(report, "embedded", member, config, seconds, rounds, out);
            ClientConfig clientConfig = HazelcastConfigs.client(null);
            clientConfig.setClusterName(memberConfig.getClusterName());
            clientConfig.getNetworkConfig().getAddresses().clear();
            InetSocketAddress address = (InetSocketAddress) member.getLocalEndpoint().getSocketAddress();
            clientConfig.getNetworkConfig().addAddress("127.0.0.1:" + address.getPort());
            SessionStores.configureClient(clientConfig);
            client = HazelcastClient.newHazelcastClient(clientConfig);
            compare(report, "client", client, config, seconds, rounds, out);
            deltaBytes(report, client, config, out);
        } finally {
            if (client != null) {
                client.shutdown();
            }
            member.shutdown();
        }
        return report;
    }

    private static void compare(BenchReport report, String mode, HazelcastInstance instance, SessionGridConfig config,
                                double seconds, int rounds, PrintStream out) throws InterruptedException {
        IMap<String, byte[]> raw = instance.getMap("bench.raw." + mode);
        SessionStore store = SessionStores.create(instance, config);
        String[] sessions = new String[KEYS];
        byte[] value = new byte[1024];
        Map<String, String> elements = kib();
        for (int i = 0; i < KEYS; i++) {
            sessions[i] = "bench-" + mode + "-" + i;
            raw.set(sessions[i], value);
            store.set(sessions[i], TYPE, elements);
        }
        out.printf("  %s: warming up (JIT) every operation on both sides%n", mode);
        Throughput.measure(THREADS, KEYS, seconds, k -> raw.get(sessions[k]));
        Throughput.measure(THREADS, KEYS, seconds, k -> store.get(sessions[k], TYPE));
        Throughput.measure(THREADS, KEYS, seconds, k -> raw.set(sessions[k], value));
        Throughput.measure(THREADS, KEYS, seconds, k -> store.set(sessions[k], TYPE, elements));

        double rawGet = 0, sgGet = 0, rawSet = 0, sgSet = 0;
        for (int r = 0; r < rounds; r++) {
            out.printf("  %s: round %d/%d%n", mode, r + 1, rounds);
            boolean rawFirst = r % 2 == 0; // alternate who goes first so drift hits both sides
            if (rawFirst) {
                rawGet += Throughput.measure(THREADS, KEYS, seconds, k -> raw.get(sessions[k]));
            }
            sgGet += Throughput.measure(THREADS, KEYS, seconds, k -> store.get(sessions[k], TYPE));
            if (!rawFirst) {
                rawGet += Throughput.measure(THREADS, KEYS, seconds, k -> raw.get(sessions[k]));
            }
            if (rawFirst) {
                rawSet += Throughput.measure(THREADS, KEYS, seconds, k -> raw.set(sessions[k], value));
            }
            sgSet += Throughput.measure(THREADS, KEYS, seconds, k -> store.set(sessions[k], TYPE, elements));
            if (!rawFirst) {
                rawSet += Throughput.measure(THREADS, KEYS, seconds, k -> raw.set(sessions[k], value));
            }
        }
        report.add(BenchResult.ratioAtLeast("get_ops_per_s", mode, sgGet / rounds, rawGet / rounds, "raw IMap", 0.9));
        report.add(BenchResult.ratioAtLeast("set_ops_per_s", mode, sgSet / rounds, rawSet / rounds, "raw IMap", 0.9));
        raw.destroy();
    }

    /** Four elements whose encoded JSON is 1 KiB, like the raw side's 1 KiB value. */
    private static Map<String, String> kib() {
        Map<String, String> elements = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            elements.put("item-" + i, "x".repeat(1024 / 4 - 16));
        }
        int size = ElementCodec.utf8Length(ElementCodec.encode(elements));
        elements.put("pad", "p".repeat(Math.max(0, 1024 - size - 10)));
        return elements;
    }

    /**
     * The request bytes a client sends: the exact Hazelcast client-protocol message (frame headers, map name,
     * key and processor or value) that the store sends for a 100-byte element delta ({@code executeOnKey}) and
     * for a whole-partition set of a 10 KiB partition ({@code set}).
     */
    private static void deltaBytes(BenchReport report, HazelcastInstance client, SessionGridConfig config,
                                   PrintStream out) {
        SessionStore store = SessionStores.create(client, config);
        Map<String, String> tenKib = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            tenKib.put("item-" + i, "y".repeat(10 * 1024 / 40 - 14));
        }
        store.set("bench-delta", TYPE, tenKib);
        String json = ElementCodec.encode(tenKib);
        String hundred = "z".repeat(100);
        store.put("bench-delta", TYPE, "item-0", hundred); // the delta being measured works end to end

        SerializationService serialization = ((SerializationServiceSupport) client).getSerializationService();
        SessionKey key = new SessionKey("bench-delta", TYPE, false);
        String map = SessionStores.mapName(TYPE);
        long now = System.currentTimeMillis();
        int delta = MapExecuteOnKeyCodec.encodeRequest(map, serialization.toData(key),
                serialization.toData(new ElementDeltaProcessor("item-0", hundred, now, now, 65536)), 1).getBufferLength();
        int whole = MapSetCodec.encodeRequest(map, serialization.toData(key),
                serialization.toData(new StoredPartition(now, now, json, null, ElementCodec.utf8Length(json))), 1, -1)
                .getBufferLength();
        out.printf("  delta: %d request bytes for a 100-byte element, %d for the whole %d-byte partition%n",
                delta, whole, ElementCodec.utf8Length(json));
        report.add(BenchResult.ratioAtMost("delta_bytes", "client", delta, whole, "whole-partition set (10 KiB)", 0.05));
    }
}
