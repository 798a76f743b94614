/**
 * Storage errors speak plainly: a destination that fills up or is read-only fails the backup with a
 * message that names the destination and says what is wrong with it, and leaves nothing behind that
 * could pass for a backup (no archive, no temp file, no empty backup folder).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../support/env';
import { runShipkit, type ShipkitExit } from '../support/shipkit-process';
import { fault, smallDisk } from './harness';
import { listed, seedBlobs } from './stores';

let client: MongoClient;
let db: string;

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  db = uniqueName('fault_disk');
  // About 2 MiB that does not compress: more than the small disks below hold.
  await seedBlobs(client, db, 2);
}, 120_000);

afterAll(async () => {
  await client.db(db).dropDatabase();
  await client.close();
});

function errorLine(exit: ShipkitExit): string {
  return exit.stderr.split('\n').findLast((line) => line.startsWith('error:')) ?? '(no error line)';
}

async function backUpTo(path: string): Promise<ShipkitExit> {
  return runShipkit(['backup', '--to', `file://${path}`, '--include', db], {
    env: { MONGODB_URI: testEnv().mongodbUri },
  });
}

/** Nothing under `path` (no archive, no temp file, no backup folder) and no backup listed there. */
async function leftNothing(path: string): Promise<void> {
  expect(await readdir(path, { recursive: true })).toEqual([]);
  expect(await listed(`file://${path}`)).toEqual([]);
}

const id = '\\d{4}-\\d{2}-\\d{2}T\\d{6}Z-[0-9a-f]+';

fault(
  'The destination fills up during the backup (a 256 KiB disk, a 2 MiB backup)',
  'fails with "the destination … is full" naming it; no partial archive or folder is left',
  async () => {
    const disk = await smallDisk(256 * 1024);
    try {
      const exit = await backUpTo(disk.path);
      expect(exit.code).toBe(2);
      expect(errorLine(exit)).toMatch(
        new RegExp(
          `^error: The destination file://${disk.path} is full \\(no space left on device, ENOSPC\\) while writing ${id}/archive\\.mongodump\\.zst\\. Free space there`,
        ),
      );
      expect(exit.everything).not.toMatch(/operation was aborted/i);
      expect(exit.everything).not.toContain(testEnv().mongodbUri);
      await leftNothing(disk.path);
      return `exit 2: "${errorLine(exit)}"; nothing left on the disk`;
    } finally {
      await disk.remove();
    }
  },
);

fault(
  'The destination is a read-only file system',
  'fails with "the destination … is read-only" naming it, before anything is written',
  async () => {
    const disk = await smallDisk(1024 * 1024, { readOnly: true });
    try {
      const exit = await backUpTo(disk.path);
      expect(exit.code).toBe(2);
      expect(errorLine(exit)).toMatch(
        new RegExp(
          `^error: The destination file://${disk.path} is read-only \\(read-only file system, EROFS\\) while writing ${id}/archive\\.mongodump\\.zst\\. Make it writable`,
        ),
      );
      await leftNothing(disk.path);
      return `exit 2: "${errorLine(exit)}"`;
    } finally {
      await disk.remove();
    }
  },
);

fault(
  'The destination is a folder still to be created on a read-only file system',
  'the real reason (read-only), not "ENOENT … mkdir"',
  async () => {
    const disk = await smallDisk(1024 * 1024, { readOnly: true });
    try {
      const destination = join(disk.path, 'nightly');
      const exit = await backUpTo(destination);
      expect(exit.code).toBe(2);
      expect(errorLine(exit)).toMatch(
        new RegExp(
          `^error: The destination file://${destination} is read-only \\(read-only file system, EROFS\\)`,
        ),
      );
      expect(exit.everything).not.toMatch(/ENOENT|mkdir/);
      return `exit 2: "${errorLine(exit)}"`;
    } finally {
      await disk.remove();
    }
  },
);
