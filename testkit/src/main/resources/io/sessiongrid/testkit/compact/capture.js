// Captures the bytes Hazelcast's Node.js client (hazelcast-client 5.7.0) writes for SessionGrid's Compact keys and
// the session partition value. Run once against any 5.7.0 member on 127.0.0.1:5899 (cluster "nodecap"):
//   npm install hazelcast-client@5.7.0 && node capture.js > nodejs-5.7.0.json
// Each type is written twice: as a GenericRecord (the client writes its fields in schema order) and through a
// CompactSerializer like a Node.js application would write one; both must give the same bytes. Keys carry
// partitionKey (session id for placement "session", "<sessionId>/<type>" for "spread"), so the 4-byte partition
// hash at the start of each key is the one Java computes for the same key.
const { Client, GenericRecords, Fields } = require('hazelcast-client');
const Long = require('long');

// A Node.js application's session key: fields written in ascending name order, as every Hazelcast client's
// GenericRecord writes them.
class SessionKey {
  constructor(sessionId, partition, spread) {
    Object.assign(this, { sessionId, partition, spread });
    this.partitionKey = spread ? `${sessionId}/${partition}` : sessionId;
  }
}
class ConnectionKey {
  constructor(sessionId, connectionId) {
    Object.assign(this, { sessionId, connectionId });
    this.partitionKey = sessionId;
  }
}
const serializers = [
  { getClass: () => SessionKey, getTypeName: () => 'sessiongrid.SessionKey',
    read: r => new SessionKey(r.readString('sessionId'), r.readString('partition'), r.readBoolean('spread')),
    write: (w, k) => { w.writeString('partition', k.partition); w.writeString('sessionId', k.sessionId); w.writeBoolean('spread', k.spread); } },
  { getClass: () => ConnectionKey, getTypeName: () => 'sessiongrid.analyzer.ConnectionKey',
    read: r => new ConnectionKey(r.readString('sessionId'), r.readString('connectionId')),
    write: (w, k) => { w.writeString('connectionId', k.connectionId); w.writeString('sessionId', k.sessionId); } },
];
const sessionKeyFields = { sessionId: Fields.STRING, partition: Fields.STRING, spread: Fields.BOOLEAN };
const connectionKeyFields = { sessionId: Fields.STRING, connectionId: Fields.STRING };

(async () => {
  const client = await Client.newHazelcastClient({ clusterName: 'nodecap',
    network: { clusterMembers: ['127.0.0.1:5899'] }, serialization: { compact: { serializers } } });
  const samples = {
    'SessionKey(s-42,cart,session)': [new SessionKey('s-42', 'cart', false),
      GenericRecords.compact('sessiongrid.SessionKey', sessionKeyFields, { sessionId: 's-42', partition: 'cart', spread: false })],
    'SessionKey(user-7,game,spread)': [new SessionKey('user-7', 'game', true),
      GenericRecords.compact('sessiongrid.SessionKey', sessionKeyFields, { sessionId: 'user-7', partition: 'game', spread: true })],
    'ConnectionKey(s-42,conn-1)': [new ConnectionKey('s-42', 'conn-1'),
      GenericRecords.compact('sessiongrid.analyzer.ConnectionKey', connectionKeyFields, { sessionId: 's-42', connectionId: 'conn-1' })],
    'SessionPartition(sealed)': [null, GenericRecords.compact('sessiongrid.SessionPartition',
      { version: Fields.INT64, updatedAt: Fields.INT64, elements: Fields.STRING, sealed: Fields.ARRAY_OF_INT8, sizeBytes: Fields.INT32 },
      { version: Long.fromString('1234567890123'), updatedAt: Long.fromString('1700000000000'), elements: null,
        sealed: Buffer.from([1, 2, 3, 4, 5]), sizeBytes: 13 })],
  };
  const map = await client.getMap('capture');
  const out = { client: 'hazelcast-client 5.7.0 (Node.js ' + process.version + ')', note: 'hex of HeapData: 4-byte partition hash, 4-byte type id (-55 = Compact), 8-byte schema id, payload' };
  const ss = client.serializationService;
  for (const [name, [object, record]] of Object.entries(samples)) {
    for (const x of [object, record].filter(v => v !== null)) {
      await map.put(name, x);   // replicates the schema to the cluster before toData
    }
    const recordHex = ss.toData(record).toBuffer().toString('hex');
    if (object !== null) {
      const objectHex = ss.toData(object).toBuffer().toString('hex');
      // Same payload (after the partition hash) from the serializer and from the GenericRecord.
      if (objectHex.substring(8) !== recordHex.substring(8)) throw new Error(name + ': serializer and GenericRecord differ');
      out[name] = objectHex;
    } else {
      out[name] = recordHex;
    }
  }
  console.log(JSON.stringify(out, null, 2));
  await client.shutdown();
})().catch(e => { console.error(e); process.exit(1); });
