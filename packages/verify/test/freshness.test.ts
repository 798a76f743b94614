import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { newBackupId } from '@shipkit/backup';
import { FileStorage } from '@shipkit/storage';
import { fakeBackup, fakeVerification } from '../../../test/support/catalog';
import { checkFreshness } from '../src/freshness';

const HOUR = 3_600_000;
const now = new Date('2026-11-25T12:00:00Z');
let dir: string;
let storage: FileStorage;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'freshness-'));
  storage = new FileStorage({ kind: 'file', root: dir });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A backup folder `hoursAgo` old: without a manifest, complete, or with a full verification record. */
async function folder(hoursAgo: number, state: 'incomplete' | 'complete' | 'verified'): Promise<string> {
  const at = new Date(now.getTime() - hoursAgo * HOUR);
  if (state === 'incomplete') {
    const id = newBackupId(at);
    await storage.put(`${id}/archive.mongodump.zst`, Buffer.from('data'));
    return id;
  }
  const backup = await fakeBackup(storage, at);
  if (state === 'verified') await fakeVerification(storage, backup, 'full');
  return backup.id;
}

describe('checkFreshness', () => {
  it('passes when the newest complete backup is younger than the limit, ignoring incomplete ones', async () => {
    const complete = await folder(5, 'complete');
    await folder(1, 'incomplete');
    const result = await checkFreshness(storage, { maxAgeMs: 26 * HOUR }, () => now);
    expect(result).toMatchObject({
      fresh: true,
      newest: { id: complete, ageMs: 5 * HOUR, verified: false },
      backups: 2,
      qualifying: 1,
      damaged: [],
    });
    expect(result.message).toBe(
      `The newest complete backup at ${storage.describe()}, ${complete}, is 5h00m old (allowed: 26h00m).`,
    );
  });

  it('fails when it is older, saying why that matters', async () => {
    const old = await folder(30, 'verified');
    const result = await checkFreshness(storage, { maxAgeMs: 26 * HOUR }, () => now);
    expect(result.fresh).toBe(false);
    expect(result.message).toBe(
      `The newest complete backup at ${storage.describe()}, ${old}, is 30h00m old: older than the allowed 26h00m. ` +
        'Check that scheduled backups still run (GitHub disables schedules after 60 days without activity).',
    );
  });

  it('counts only verified backups when asked', async () => {
    const verified = await folder(20, 'verified');
    await folder(2, 'complete');
    const result = await checkFreshness(storage, { maxAgeMs: 26 * HOUR, requireVerified: true }, () => now);
    expect(result).toMatchObject({ fresh: true, newest: { id: verified, verified: true } });
    const strict = await checkFreshness(storage, { maxAgeMs: 10 * HOUR, requireVerified: true }, () => now);
    expect(strict.fresh).toBe(false);
  });

  it('fails when there is no backup at all, or none verified', async () => {
    expect((await checkFreshness(storage, { maxAgeMs: HOUR }, () => now)).message).toBe(
      `No complete backup at ${storage.describe()} (no backups at all).`,
    );
    await folder(1, 'complete');
    await folder(2, 'incomplete');
    expect(
      (await checkFreshness(storage, { maxAgeMs: HOUR, requireVerified: true }, () => now)).message,
    ).toBe(
      `No verified backup at ${storage.describe()} (2 backup folder(s), 1 incomplete, 0 damaged, 1 complete but not verified).`,
    );
  });

  it('never counts a damaged backup, and names it as an alarm', async () => {
    const good = await folder(30, 'verified');
    const cut = await folder(1, 'verified');
    await storage.put(`${cut}/manifest.json`, Buffer.from('{"formatVersion": 1, "backupId"'));
    const garbage = await folder(2, 'complete');
    await storage.put(`${garbage}/verification.json`, Buffer.from('not json\n'));
    const result = await checkFreshness(storage, { maxAgeMs: 26 * HOUR, requireVerified: true }, () => now);
    expect(result).toMatchObject({
      fresh: false,
      newest: { id: good },
      qualifying: 1,
      damaged: [
        { id: cut, damage: [expect.stringMatching(/^manifest\.json is not valid JSON/)] },
        { id: garbage, damage: ['verification.json is not valid JSON'] },
      ],
    });
    expect(result.message).toContain(
      `2 damaged backup(s) not counted, newest ${cut}: manifest.json is not valid JSON`,
    );
    const any = await checkFreshness(storage, { maxAgeMs: 26 * HOUR }, () => now);
    expect(any).toMatchObject({ fresh: false, newest: { id: good }, qualifying: 1 });
  });
});
