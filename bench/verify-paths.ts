/**
 * CPU, wall time and peak RSS of the integrity check's read path on a stored zstd archive, in four
 * variants: zstd frames decompressed several at once (`decompressZstd`) or one zlib stream, content
 * hashes on a worker thread or inline. Several rounds in one process, so start-up is paid once.
 *   tsx bench/verify-paths.ts <archive.mongodump.zst> [rounds]
 * The single-stream variants need a single-frame archive (`zstd -dc a.zst | zstd -3 -o single.zst`):
 * Node's zstd stream stops after the first frame of a multi-frame one.
 */
import { createReadStream } from 'node:fs';
import zlib from 'node:zlib';
import { readArchive } from '@shipkit/archive';
import { decompressZstd } from '@shipkit/backup';
import { ArchiveTally } from '../packages/verify/src/tally';

const [path, roundsArg = '3'] = process.argv.slice(2);
if (!path) throw new Error('usage: tsx bench/verify-paths.ts <archive.mongodump.zst> [rounds]');
const variants = [
  { name: 'frames, hashing worker', frames: true, inline: false },
  { name: 'frames, inline hashing', frames: true, inline: true },
  { name: 'one stream, hashing worker', frames: false, inline: false },
  { name: 'one stream, inline hashing', frames: false, inline: true },
];

for (let round = 0; round < Number(roundsArg); round++) {
  for (const variant of variants) {
    const started = performance.now();
    const before = process.cpuUsage();
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    const plain = variant.frames
      ? decompressZstd(file, { chunkSize: 1 << 20 })
      : file.pipe(zlib.createZstdDecompress({ chunkSize: 1 << 20 }));
    const tally = new ArchiveTally(
      variant.inline ? { poolAfterBytes: Number.POSITIVE_INFINITY } : { poolAfterBytes: 0, poolSize: 1 },
    );
    for await (const event of readArchive(plain)) tally.observe(event);
    await tally.finish();
    const used = process.cpuUsage(before);
    console.log(
      `${variant.name}: wall ${((performance.now() - started) / 1000).toFixed(2)} s, ` +
        `CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, ${tally.documents} documents, ` +
        `peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    );
  }
}
