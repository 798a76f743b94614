import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryLogger } from '@shipkit/runtime';
import { FileStorage } from '@shipkit/storage';
import { fakeBackup } from '../../../test/support/catalog';
import {
  acknowledgeAnomaly,
  describeAnomaly,
  findAnomaly,
  findBackup,
  guardAgainstCollapse,
  type Manifest,
  prune,
} from '../src';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-25T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

let dir: string;
let storage: FileStorage;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anomaly-'));
  storage = new FileStorage({ kind: 'file', root: dir });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The manifest with `orders` set to `orders` documents (or gone), totals kept consistent. */
function withOrders(manifest: Manifest, orders: number | 'gone'): void {
  manifest.namespaces = manifest.namespaces.flatMap((ns) =>
    ns.collection !== 'orders'
      ? [ns]
      : orders === 'gone'
        ? []
        : [{ ...ns, count: orders, bytes: orders * 100 }],
  );
  manifest.totals = {
    namespaces: manifest.namespaces.length,
    documents: manifest.namespaces.reduce((sum, ns) => sum + ns.count, 0),
    bytes: manifest.namespaces.reduce((sum, ns) => sum + ns.bytes, 0),
  };
}

describe('findAnomaly (pure)', () => {
  it('flags a namespace that fell by more than the threshold, one that disappeared, and a total drop', async () => {
    const before = (await fakeBackup(storage, hoursAgo(3))).manifest; // orders 60, customers 40
    const shrunk = structuredClone(before);
    withOrders(shrunk, 6);
    expect(findAnomaly(before, shrunk, 50)).toEqual({
      comparedWith: before.backupId,
      dropPercent: 50,
      namespaces: [{ namespace: 'shop.orders', before: 60, after: 6 }],
      total: { before: 100, after: 46 }, // 54% of all documents gone too
    });
    const gone = structuredClone(before);
    withOrders(gone, 'gone');
    const anomaly = findAnomaly(before, gone, 50);
    expect(anomaly?.namespaces).toEqual([{ namespace: 'shop.orders', before: 60, after: 0, missing: true }]);
    expect(anomaly?.total).toEqual({ before: 100, after: 40 });
    expect(describeAnomaly(anomaly ?? ({} as never))).toBe(
      `shop.orders disappeared (had 60); all documents 100 → 40 (compared with ${before.backupId})`,
    );
  });

  it('a drop at the threshold, growth, or a guard at 0 is no anomaly', async () => {
    const before = (await fakeBackup(storage, hoursAgo(3))).manifest;
    const half = structuredClone(before);
    withOrders(half, 30);
    expect(findAnomaly(before, half, 50)).toBeUndefined();
    const grown = structuredClone(before);
    withOrders(grown, 600);
    expect(findAnomaly(before, grown, 50)).toBeUndefined();
    const gone = structuredClone(before);
    withOrders(gone, 'gone');
    expect(findAnomaly(before, gone, 0)).toBeUndefined();
  });
});

describe('the catalogue and retention', () => {
  it('a manifest without the field (every backup before the guard) reads as before: complete, no anomaly', async () => {
    const { id } = await fakeBackup(storage, hoursAgo(2));
    const entry = await findBackup(storage, id);
    expect(entry).toMatchObject({ state: 'complete', openAnomaly: false });
    expect(entry?.anomaly).toBeUndefined();
  });

  it('an open anomaly keeps the backup before it; acknowledged, retention is back to its rules', async () => {
    const older = await fakeBackup(storage, hoursAgo(5));
    const before = await fakeBackup(storage, hoursAgo(4));
    const anomalous = await fakeBackup(storage, hoursAgo(3), {
      edit: (m) => {
        withOrders(m, 5);
        m.anomaly = findAnomaly(before.manifest, m, 50);
      },
    });
    const logger = new MemoryLogger();
    const entry = await findBackup(storage, anomalous.id);
    expect(entry).toMatchObject({
      state: 'complete',
      openAnomaly: true,
      anomaly: { comparedWith: before.id },
    });

    const dry = await prune(storage, { policy: { last: 1 }, now: NOW, logger, dryRun: true });
    expect(dry.kept).toContainEqual({ id: before.id, reasons: [`before the anomaly in ${anomalous.id}`] });
    expect(dry.removed).toEqual([older.id]);

    const ack = await acknowledgeAnomaly(storage, anomalous.id, { now: NOW, note: 'purged' });
    expect(ack).toMatchObject({ already: false, acknowledgedAt: NOW.toISOString() });
    expect(await findBackup(storage, anomalous.id)).toMatchObject({
      openAnomaly: false,
      anomalyAcknowledgedAt: NOW.toISOString(),
    });
    expect((await acknowledgeAnomaly(storage, anomalous.id, { now: NOW })).already).toBe(true);
    const after = await prune(storage, { policy: { last: 1 }, now: NOW, logger, dryRun: true });
    expect(after.removed).toEqual([before.id, older.id]);
  });

  it('an acknowledgement of another manifest makes the backup damaged, not acknowledged', async () => {
    const before = await fakeBackup(storage, hoursAgo(4));
    const anomalous = await fakeBackup(storage, hoursAgo(3), {
      edit: (m) => {
        withOrders(m, 5);
        m.anomaly = findAnomaly(before.manifest, m, 50);
      },
    });
    await writeFile(
      join(dir, anomalous.id, 'anomaly-ack.json'),
      JSON.stringify({
        formatVersion: 1,
        backupId: anomalous.id,
        acknowledgedAt: NOW.toISOString(),
        manifestSha256: '0'.repeat(64),
      }),
    );
    const entry = await findBackup(storage, anomalous.id);
    expect(entry?.state).toBe('damaged');
    expect(entry?.damage).toEqual(['manifest.json changed after anomaly-ack.json was written']);
  });

  it('refuses to acknowledge a backup that records no anomaly', async () => {
    const { id } = await fakeBackup(storage, hoursAgo(2));
    await expect(acknowledgeAnomaly(storage, id, { now: NOW })).rejects.toThrow(/records no anomaly/);
  });

  it('the guard compares with the newest complete backup of the same selection, and accepts on demand', async () => {
    const other = await fakeBackup(storage, hoursAgo(3), {
      edit: (m) => {
        m.settings.include = ['crm'];
      },
    });
    const before = await fakeBackup(storage, hoursAgo(4));
    const next = structuredClone(before.manifest);
    next.backupId = '2026-11-25T110000Z-abcdef';
    withOrders(next, 1);
    const logger = new MemoryLogger();
    const found = await guardAgainstCollapse(storage, next, {
      dropPercent: 50,
      accept: false,
      now: NOW,
      logger,
    });
    expect(found?.comparedWith).toBe(before.id);
    expect(found?.comparedWith).not.toBe(other.id);
    expect(logger.lines.join('\n')).toContain('shop.orders 60 → 1');
    const accepted = await guardAgainstCollapse(storage, next, {
      dropPercent: 50,
      accept: true,
      now: NOW,
      logger,
    });
    expect(accepted?.acceptedAt).toBe(NOW.toISOString());
  });
});
