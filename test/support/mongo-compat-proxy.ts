/**
 * A loopback TCP proxy between stock mongo-tools and FerretDB 1.24 that removes the `ns` option from
 * `createIndexes` commands. mongorestore always sends `ns` (with `ignoreUnknownIndexOptions: true`,
 * which MongoDB honours) and FerretDB 1.24 rejects it, so without this no index could be restored by
 * stock tools on the test server. Everything else passes through byte for byte. Real MongoDB needs
 * no proxy.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { BSON } from 'mongodb';

const OP_MSG = 2013;
const CHECKSUM_PRESENT = 1;
const EXACT = { promoteValues: false, promoteLongs: false, promoteBuffers: false, bsonRegExp: true } as const;

export interface CompatProxy {
  /** `uri` with its host and port replaced by the proxy's. */
  uri: string;
  /** createIndexes commands rewritten so far. */
  rewritten: () => number;
  close(): Promise<void>;
}

export async function startCompatProxy(uri: string): Promise<CompatProxy> {
  const target = /^mongodb:\/\/(?:[^@/]*@)?([^/?,:]+):(\d+)/.exec(uri);
  if (!target) throw new Error('the compat proxy takes a single-host mongodb:// URI');
  const [, host = '127.0.0.1', port = '27017'] = target;
  let rewrites = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host, port: Number(port) });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.pipe(client);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        const message = pending.subarray(0, length);
        pending = pending.subarray(length);
        const rewritten = rewriteCreateIndexes(message);
        if (rewritten !== message) rewrites += 1;
        upstream.write(rewritten);
      }
    });
    client.on('end', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    uri: uri.replace(`${host}:${port}`, `127.0.0.1:${proxyPort}`),
    rewritten: () => rewrites,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The message unchanged, or a copy whose createIndexes command has no `ns` in its index specs. */
function rewriteCreateIndexes(message: Buffer): Buffer {
  if (message.readInt32LE(12) !== OP_MSG) return message;
  const flags = message.readUInt32LE(16);
  if (message.readUInt8(20) !== 0) return message; // the body section comes first
  const bodyLength = message.readInt32LE(21);
  const body = BSON.deserialize(message.subarray(21, 21 + bodyLength), EXACT);
  if (!('createIndexes' in body) || !Array.isArray(body.indexes)) return message;
  if (!body.indexes.some((index: Record<string, unknown>) => 'ns' in index)) return message;
  body.indexes = body.indexes.map(({ ns: _ns, ...index }: Record<string, unknown>) => index);
  const newBody = Buffer.from(BSON.serialize(body));
  const rest = message.subarray(21 + bodyLength, message.length - (flags & CHECKSUM_PRESENT ? 4 : 0));
  const header = Buffer.from(message.subarray(0, 21));
  header.writeUInt32LE(flags & ~CHECKSUM_PRESENT, 16);
  const out = Buffer.concat([header, newBody, rest]);
  out.writeInt32LE(out.length, 0);
  return out;
}
