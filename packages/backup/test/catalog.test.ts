import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryLogger } from '@shipkit/runtime';
import { FileStorage } from '@shipkit/storage';
import { fakeBackup, fakeVerification } from '../../../test/support/catalog';
import { findBackup, listBackups, newBackupId, prune, resolveBackup } from '../src';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-25T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

let dir: string;
let storage: FileStorage;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-'));
  storage = new FileStorage({ kind: 'file', root: dir });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function only(id: string) {
  const entry = await findBackup(storage, id);
  if (!entry) throw new Error(`no folder ${id}`);
  return entry;
}

describe('complete and verified are proven', () => {
  it('a valid manifest with its archive at its size is complete; a full-scope record makes it verified', async () => {
    const backup = await fakeBackup(storage, hoursAgo(2));
    expect(await only(backup.id)).toMatchObject({
      state: 'complete',
      complete: true,
      verified: false,
      damage: [],
    });
    await fakeVerification(storage, backup, 'full', { at: hoursAgo(1) });
    expect(await only(backup.id)).toMatchObject({
      state: 'verified',
      complete: true,
      verified: true,
      verification: {
        name: 'verification.full.json',
        formatVersion: 2,
        mode: 'full',
        scope: 'all',
        verifiedAt: hoursAgo(1).toISOString(),
        namespaces: 2,
        documents: 100,
        counts: true,
      },
    });
  });

  it('shows the strongest passing verification: a full one over a newer integrity check', async () => {
    const backup = await fakeBackup(storage, hoursAgo(5));
    await fakeVerification(storage, backup, 'full', { at: hoursAgo(4) });
    await fakeVerification(storage, backup, 'integrity', { at: hoursAgo(1) });
    const entry = await only(backup.id);
    expect(entry.verification).toMatchObject({ mode: 'full', verifiedAt: hoursAgo(4).toISOString() });
    expect(entry.verifications.map((v) => v.name).sort()).toEqual([
      'verification.full.json',
      'verification.integrity.json',
    ]);
  });

  it('keeps a partial restore apart from a full verification: the full one still counts (I4)', async () => {
    const backup = await fakeBackup(storage, hoursAgo(5));
    await fakeVerification(storage, backup, 'full', { at: hoursAgo(4) });
    const { key } = await fakeVerification(storage, backup, 'restore', {
      namespaces: ['shop.orders'],
      at: hoursAgo(1),
    });
    expect(key).toBe(`${backup.id}/verification.restore.partial.json`);
    const entry = await only(backup.id);
    expect(entry).toMatchObject({ state: 'verified', verification: { mode: 'full', scope: 'all' } });
    expect(entry.verifications.find((v) => v.scope === 'partial')).toEqual({
      name: 'verification.restore.partial.json',
      formatVersion: 2,
      mode: 'restore',
      scope: 'partial',
      verifiedAt: hoursAgo(1).toISOString(),
      namespaces: 1,
      documents: 60,
      counts: false,
      note: 'covers 1 of 2 namespaces',
    });
  });

  it('a partial record alone does not make a backup verified', async () => {
    const backup = await fakeBackup(storage, hoursAgo(5));
    await fakeVerification(storage, backup, 'restore', { namespaces: ['shop.customers'] });
    expect(await only(backup.id)).toMatchObject({ state: 'complete', verified: false });
  });

  it('a folder without a manifest is incomplete, whatever else it holds', async () => {
    const id = newBackupId(hoursAgo(1));
    await storage.put(`${id}/archive.mongodump.zst`, Buffer.from('partial upload'));
    await storage.put(`${id}/verification.full.json`, Buffer.from('{}'));
    expect(await only(id)).toMatchObject({ state: 'incomplete', complete: false, damage: [] });
  });
});

describe('reading', () => {
  it('reads manifests with bounded concurrency and lists newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) ids.push((await fakeBackup(storage, hoursAgo(40 - i))).id);
    const get = storage.get.bind(storage);
    let inFlight = 0;
    let most = 0;
    storage.get = async (key: string) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((done) => setTimeout(done, 5));
      try {
        return await get(key);
      } finally {
        inFlight -= 1;
      }
    };
    const entries = await listBackups(storage, { concurrency: 3 });
    expect(entries.map((e) => e.id)).toEqual([...ids].reverse());
    expect(entries.every((e) => e.state === 'complete')).toBe(true);
    expect(most).toBe(3);
  });
});

describe('damaged backups: listed with the reason, never fatal', () => {
  const cases: [string, (id: string) => Promise<void>, RegExp][] = [
    [
      'a manifest cut short',
      async (id) => {
        const whole = await buffer(await storage.get(`${id}/manifest.json`));
        await storage.put(`${id}/manifest.json`, whole.subarray(0, whole.length / 2));
      },
      /^manifest\.json is not valid JSON/,
    ],
    [
      'a manifest that is not JSON at all',
      (id) => storage.put(`${id}/manifest.json`, Buffer.from('not json')).then(() => undefined),
      /^manifest\.json is not valid JSON/,
    ],
    [
      'a manifest missing a field',
      (id) => storage.put(`${id}/manifest.json`, Buffer.from('{}')).then(() => undefined),
      /^manifest\.json is not a valid backup manifest: formatVersion/,
    ],
    [
      'the archive cut short',
      (id) => storage.put(`${id}/archive.mongodump.zst`, Buffer.from('cut')).then(() => undefined),
      /^the archive archive\.mongodump\.zst is 3 bytes, manifest\.json says \d+$/,
    ],
    [
      'the archive deleted',
      (id) => storage.delete(`${id}/archive.mongodump.zst`),
      /^the archive archive\.mongodump\.zst named by manifest\.json is missing$/,
    ],
    [
      'garbage in verification.json',
      (id) => storage.put(`${id}/verification.json`, Buffer.from('not json\n')).then(() => undefined),
      /^verification\.json is not valid JSON$/,
    ],
    [
      'garbage in a record of the current format',
      (id) =>
        storage.put(`${id}/verification.full.json`, Buffer.from('{"result":"passed"}')).then(() => undefined),
      /^verification\.full\.json is not a valid verification record: formatVersion/,
    ],
  ];
  it.each(cases)('%s', async (_name, damage, reason) => {
    const good = await fakeBackup(storage, hoursAgo(3));
    const bad = await fakeBackup(storage, hoursAgo(1));
    await damage(bad.id);
    const entries = await listBackups(storage);
    expect(entries.map((e) => [e.id, e.state])).toEqual([
      [bad.id, 'damaged'],
      [good.id, 'complete'],
    ]);
    expect(entries[0]?.complete).toBe(false);
    expect(entries[0]?.verified).toBe(false);
    expect(entries[0]?.damage).toEqual([expect.stringMatching(reason)]);
  });

  it('a manifest whose archive key leaves the folder, or names a database ../../x', async () => {
    const escaping = await fakeBackup(storage, hoursAgo(2), {
      edit: (m) => {
        (m.archive as NonNullable<typeof m.archive>).key = '../other/archive.mongodump.zst';
      },
    });
    const traversal = await fakeBackup(storage, hoursAgo(1), {
      edit: (m) => {
        (m.namespaces[0] as { db: string }).db = '../../x';
      },
    });
    expect((await only(escaping.id)).damage).toEqual([
      "manifest.json is not a valid backup manifest: archive.key: expected a file name in the backup's folder (no '/' or '..')",
    ]);
    expect((await only(traversal.id)).damage).toEqual([
      'manifest.json is not a valid backup manifest: namespaces.0.db: not a valid MongoDB database name',
    ]);
  });

  it('a count edited without the totals', async () => {
    const backup = await fakeBackup(storage, hoursAgo(1), {
      edit: (m) => {
        (m.namespaces[0] as { count: number }).count += 1;
      },
    });
    expect((await only(backup.id)).damage).toEqual([
      'manifest.json is not a valid backup manifest: totals.documents: is 100, but the namespaces add up to 101',
    ]);
  });

  it('a folder renamed to another backup id', async () => {
    const backup = await fakeBackup(storage, hoursAgo(5));
    const renamed = newBackupId(hoursAgo(1));
    for (const name of ['archive.mongodump.zst', 'manifest.json']) {
      const body = await storage.get(`${backup.id}/${name}`);
      await storage.put(`${renamed}/${name}`, body);
    }
    expect(await only(renamed)).toMatchObject({
      state: 'damaged',
      damage: [`manifest.json names backup ${backup.id}, not its folder ${renamed}`],
    });
  });

  it('a verification record copied in from another backup, or made for another archive or manifest', async () => {
    const other = await fakeBackup(storage, hoursAgo(9));
    const { record } = await fakeVerification(storage, other, 'full');
    const copied = await fakeBackup(storage, hoursAgo(3));
    await storage.put(`${copied.id}/verification.full.json`, Buffer.from(JSON.stringify(record)));
    expect((await only(copied.id)).damage).toEqual([
      `verification.full.json names backup ${other.id}, not ${copied.id}`,
    ]);

    const rehashed = await fakeBackup(storage, hoursAgo(2));
    await fakeVerification(storage, rehashed, 'full', {
      edit: (r) => {
        r.archiveSha256 = 'a'.repeat(64);
      },
    });
    expect((await only(rehashed.id)).damage).toEqual([
      `verification.full.json was made for another archive (SHA-256 ${'a'.repeat(16)}…)`,
    ]);

    const edited = await fakeBackup(storage, hoursAgo(1));
    await fakeVerification(storage, edited, 'integrity');
    const manifest = { ...edited.manifest, startedAt: hoursAgo(30).toISOString() };
    await storage.put(`${edited.id}/manifest.json`, Buffer.from(JSON.stringify(manifest)));
    expect((await only(edited.id)).damage).toEqual([
      'manifest.json changed after verification.integrity.json was written',
    ]);
  });

  it('a record that claims every namespace but misses one, or miscounts', async () => {
    const claims = await fakeBackup(storage, hoursAgo(2));
    await fakeVerification(storage, claims, 'full', {
      edit: (r) => {
        r.namespaces = ['shop.orders'];
        r.documents = 60;
        r.scope = 'all';
      },
    });
    expect((await only(claims.id)).damage).toEqual([
      'verification.full.json claims every namespace but misses shop.customers',
    ]);
    const miscounts = await fakeBackup(storage, hoursAgo(1));
    await fakeVerification(storage, miscounts, 'full', {
      edit: (r) => {
        r.documents = 23_100;
      },
    });
    expect((await only(miscounts.id)).damage).toEqual([
      'verification.full.json counted 23100 documents, the manifest lists 100 in those namespaces',
    ]);
  });
});

describe('format 1 records (verification.json of earlier versions)', () => {
  const legacy = (id: string, mode: string, namespaces: number, documents: number) =>
    Buffer.from(
      JSON.stringify({
        formatVersion: 1,
        backupId: id,
        verifiedAt: NOW.toISOString(),
        mode,
        result: 'passed',
        tool: { name: 'mongo-shipkit', version: '0.1.0' },
        namespaces,
        documents,
      }),
    );

  it('counts when its counts equal the manifest totals', async () => {
    const backup = await fakeBackup(storage, hoursAgo(2));
    await storage.put(`${backup.id}/verification.json`, legacy(backup.id, 'full', 2, 100));
    expect(await only(backup.id)).toMatchObject({
      state: 'verified',
      verification: { name: 'verification.json', formatVersion: 1, mode: 'full', scope: 'all', counts: true },
    });
  });

  it('does not count, and is no damage, when it was a one-collection restore', async () => {
    const backup = await fakeBackup(storage, hoursAgo(2));
    await storage.put(`${backup.id}/verification.json`, legacy(backup.id, 'restore', 1, 100));
    const entry = await only(backup.id);
    expect(entry).toMatchObject({ state: 'complete', damage: [] });
    expect(entry.verifications[0]).toMatchObject({
      counts: false,
      note: 'format 1 record of 1 namespace(s) and 100 document(s), the manifest holds 2 and 100: not the whole backup',
    });
  });

  it('is damage when it names another backup or says the check failed', async () => {
    const backup = await fakeBackup(storage, hoursAgo(2));
    await storage.put(`${backup.id}/verification.json`, legacy(newBackupId(hoursAgo(9)), 'full', 2, 100));
    expect((await only(backup.id)).state).toBe('damaged');
  });
});

describe('resolveBackup', () => {
  it('latest skips a damaged newer backup and says it passed over it; latest-verified wants a record', async () => {
    const verified = await fakeBackup(storage, hoursAgo(9));
    await fakeVerification(storage, verified, 'full');
    const complete = await fakeBackup(storage, hoursAgo(5));
    const damaged = await fakeBackup(storage, hoursAgo(1));
    await storage.put(`${damaged.id}/manifest.json`, Buffer.from('{"formatVersion":'));

    const latest = await resolveBackup(storage, 'latest');
    expect(latest.entry.id).toBe(complete.id);
    expect(latest.passedOver.map((e) => e.id)).toEqual([damaged.id]);
    expect((await resolveBackup(storage, 'latest-verified')).entry.id).toBe(verified.id);
    const named = await resolveBackup(storage, damaged.id);
    expect(named.entry).toMatchObject({ id: damaged.id, state: 'damaged' });
  });

  it('says how many backups it ignored when none qualifies', async () => {
    const damaged = await fakeBackup(storage, hoursAgo(1));
    await storage.put(`${damaged.id}/manifest.json`, Buffer.from('x'));
    await storage.put(`${newBackupId(hoursAgo(2))}/archive.mongodump.zst`, Buffer.from('x'));
    await expect(resolveBackup(storage, 'latest')).rejects.toThrow(
      `No complete backup found at ${storage.describe('')} (1 damaged, 1 incomplete; \`shipkit list\` shows why).`,
    );
  });
});

describe('prune asks the catalogue', () => {
  const logger = () => new MemoryLogger();

  it('keep-last 2 with only older backups verified keeps the newest verified one (I1)', async () => {
    const a = await fakeBackup(storage, hoursAgo(40));
    const b = await fakeBackup(storage, hoursAgo(30));
    const c = await fakeBackup(storage, hoursAgo(20));
    const d = await fakeBackup(storage, hoursAgo(10));
    await fakeVerification(storage, a, 'full');
    await fakeVerification(storage, b, 'full');
    const result = await prune(storage, { policy: { last: 2 }, now: NOW, logger: logger() });
    expect(result.kept).toEqual([
      { id: d.id, reasons: ['last 1', 'newest complete'] },
      { id: c.id, reasons: ['last 2'] },
      { id: b.id, reasons: ['newest verified'] },
    ]);
    expect(result.removed).toEqual([a.id]);
    expect((await listBackups(storage)).map((e) => e.id)).toEqual([d.id, c.id, b.id]);
  });

  it('keeps a damaged newest backup out of the rules: the good one survives, the damaged one is reported', async () => {
    const good = await fakeBackup(storage, hoursAgo(30));
    const damaged = await fakeBackup(storage, hoursAgo(2));
    await storage.put(`${damaged.id}/manifest.json`, Buffer.from('{"formatVersion": 1, "back'));
    const log = logger();
    const plan = await prune(storage, { policy: { last: 1 }, now: NOW, logger: log, dryRun: true });
    expect(plan.kept).toEqual([{ id: good.id, reasons: ['last 1', 'newest complete'] }]);
    expect(plan.removed).toEqual([]);
    expect(plan.damaged).toEqual([
      { id: damaged.id, reason: expect.stringMatching(/^manifest\.json is not valid JSON/), deleted: false },
    ]);
    expect(log.text).toContain(`${damaged.id} is damaged and was kept (delete it with --delete-damaged)`);

    const deleted = await prune(storage, {
      policy: { last: 1 },
      now: NOW,
      logger: logger(),
      deleteDamaged: true,
    });
    expect(deleted.damaged).toEqual([expect.objectContaining({ id: damaged.id, deleted: true })]);
    expect((await listBackups(storage)).map((e) => e.id)).toEqual([good.id]);
  });

  it('deletes what a folder holds at the time, not only what it held when listed', async () => {
    const old = await fakeBackup(storage, hoursAgo(50));
    await fakeBackup(storage, hoursAgo(1));
    const original = storage.delete.bind(storage);
    let injected = false;
    storage.delete = async (key: string) => {
      await original(key);
      // A verification writing its record just after prune listed the folder.
      if (!injected && key === `${old.id}/manifest.json`) {
        injected = true;
        await storage.put(`${old.id}/verification.full.json`, Buffer.from('{}'));
      }
    };
    await prune(storage, { policy: { last: 1 }, now: NOW, logger: logger() });
    expect(injected).toBe(true);
    expect(await findBackup(storage, old.id)).toBeUndefined();
  });
});
