/**
 * The CPU an integrity check spends per piece of work, one piece at a time, on a stored zstd archive:
 * Node's zstd decompression (and the zstd command-line tool's, when it is on PATH), one SHA-256 per
 * document as the content hash needs it, the same bytes hashed in one call, and CRC-64.
 *   tsx bench/verify-cost.ts <archive.mongodump.zst> [documents]
 * `documents` (default: the 1 GiB bench dataset's 2,772,000) sets the document size for the hashing
 * figures: the decompressed size over this count.
 */
import { execFileSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { Crc64 } from '@shipkit/archive';

const [path, documentsArg = '2772000'] = process.argv.slice(2);
if (!path) throw new Error('usage: tsx bench/verify-cost.ts <archive.mongodump.zst> [documents]');

/** CPU seconds (user + system) of this process spent in `work`. */
async function cpuSeconds(work: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

// Streamed as a check streams it, the output dropped; then decompressed again, untimed, to hash.
const decompress = await cpuSeconds(async () => {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(
    zlib.createZstdDecompress({ chunkSize: 1 << 20 }),
  );
  for await (const _chunk of stream);
});
const plain = zlib.zstdDecompressSync(readFileSync(path), { chunkSize: 64 << 20 });
const documents = Number(documentsArg);
const size = Math.floor(plain.length / documents);
const gib = plain.length / 2 ** 30;
const per = (seconds: number) => `${(seconds / gib).toFixed(2)} s`;

const perDocument = await cpuSeconds(() => {
  for (let i = 0; i < documents; i++) hash('sha256', plain.subarray(i * size, (i + 1) * size), 'buffer');
});
const oneCall = await cpuSeconds(() => hash('sha256', plain));
const crc = await cpuSeconds(() => {
  const sum = new Crc64();
  for (let at = 0; at < plain.length; at += 1 << 20) sum.update(plain.subarray(at, at + (1 << 20)));
});

// A child's CPU is not in this process's usage: bash's `times` reports it.
let cli = 'zstd not on PATH';
try {
  const quoted = `'${path.replace(/'/g, "'\\''")}'`;
  const times = execFileSync('bash', ['-c', `zstd -dc ${quoted} > /dev/null && times`], { encoding: 'utf8' });
  const child = times
    .trim()
    .split('\n')[1]
    ?.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
  if (child) {
    const seconds = Number(child[1]) * 60 + Number(child[2]) + Number(child[3]) * 60 + Number(child[4]);
    cli = per(seconds);
  }
} catch {}

console.log(`archive: ${(plain.length / 2 ** 20).toFixed(0)} MiB of BSON; CPU per GiB of it:`);
console.log(`  zstd decompression, Node's zlib:      ${per(decompress)}`);
console.log(`  zstd decompression, zstd CLI:         ${cli}`);
console.log(`  SHA-256 per document (${size} B each):  ${per(perDocument)}`);
console.log(`  SHA-256 of the same bytes in one call: ${per(oneCall)}`);
console.log(`  CRC-64:                                ${per(crc)}`);
