package io.sessiongrid.analyzer.internal;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.PartitionService;
import io.sessiongrid.analyzer.AnalyzerMaps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a flush into the ingest map with one {@code setAll}: one entry per Hazelcast partition, under a key
 * chosen to land on that partition, so that every partition of the map's event journal (the Jet job's source)
 * receives an item, and so a watermark, every flush interval. All trackers share these keys: the map holds at
 * most one batch per partition, while the journal keeps every write.
 */
public final class MapBatchWriter implements BatchWriter {
    private final IMap<String, SampleBatch> ingest;
    private final String[] keys;
    private final String source;
    private final PartitionService partitionService;

    public MapBatchWriter(HazelcastInstance hz) {
        this.ingest = hz.getMap(AnalyzerMaps.INGEST);
        this.partitionService = hz.getPartitionService();
        this.keys = partitionKeys(partitionService);
        this.source = hz.getName() + "/" + hz.getLocalEndpoint().getUuid();
    }

    /** For each partition id, a String key that Hazelcast places on it (found once, by trying "b0", "b1", ...). */
    static String[] partitionKeys(PartitionService partitions) {
        int n = partitions.getPartitions().size();
        String[] keys = new String[n];
        int found = 0;
        for (int i = 0; found < n; i++) {
            if (i > n * 1000) {
                throw new IllegalStateException("could not find a key for each of " + n + " partitions");
            }
            String key = "b" + i;
            int p = partitions.getPartition(key).getPartitionId();
            if (keys[p] == null) {
                keys[p] = key;
                found++;
            }
        }
        return keys;
    }

    @Override
    public int partitions() {
        return keys.length;
    }

    @Override
    public int partitionOf(String sessionId) {
        return partitionService.getPartition(sessionId).getPartitionId();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public void write(List<SampleBatch> batches) {
        Map<String, SampleBatch> entries = new HashMap<>(batches.size() * 2);
        for (int p = 0; p < batches.size(); p++) {
            entries.put(keys[p], batches.get(p));
        }
        ingest.setAll(entries);
    }
}
