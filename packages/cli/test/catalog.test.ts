// list, inspect and prune over folders of backups in every state, in-process (the bundled CLI is
// exercised by the fault suite).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inspectJsonSchema, listJsonSchema, newBackupId } from '@shipkit/backup';
import { FileStorage } from '@shipkit/storage';
import { fakeBackup, fakeVerification } from '../../../test/support/catalog';
import { shipkit as run } from './shipkit';

const HOUR = 3_600_000;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-catalog-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function shipkit(argv: string[]) {
  return run(argv, { cwd: dir });
}

/** A folder holding one backup in each state, newest first: damaged, incomplete, complete, verified. */
async function everyState() {
  const folder = await mkdtemp(join(dir, 'backups-'));
  const storage = new FileStorage({ kind: 'file', root: folder });
  // One clock reading, so that a time computed again later is the one recorded.
  const now = Date.now();
  const ago = (hours: number) => new Date(now - hours * HOUR);
  const verified = await fakeBackup(storage, ago(30));
  await fakeVerification(storage, verified, 'full', { at: ago(29) });
  await fakeVerification(storage, verified, 'restore', { namespaces: ['shop.orders'], at: ago(28) });
  const complete = await fakeBackup(storage, ago(20));
  const incomplete = newBackupId(ago(10));
  await storage.put(`${incomplete}/archive.mongodump.zst`, Buffer.from('uploading'));
  const damaged = await fakeBackup(storage, ago(2));
  await storage.put(`${damaged.id}/verification.json`, Buffer.from('not json\n'));
  return { folder, url: `file://${folder}`, storage, verified, complete, incomplete, damaged, ago };
}

describe('shipkit list', () => {
  it('shows every state, the strongest verification and when, and why a backup is damaged; exits 0', async () => {
    const { url, verified, complete, incomplete, damaged, ago } = await everyState();
    const out = await shipkit(['list', '--at', url]);
    expect(out.code).toBe(0);
    const rows = out.stdout.split('\n');
    const row = (id: string) => rows.find((line) => line.startsWith(id)) ?? '';
    expect(row(damaged.id)).toMatch(/^\S+ +DAMAGED +[\d.]+ K?i?B +2 +100 +zstd$/);
    expect(row(incomplete)).toMatch(/^\S+ +INCOMPLETE +9 B$/);
    expect(row(complete.id)).toMatch(/^\S+ +complete +[\d.]+ K?i?B +2 +100 +zstd$/);
    const when = ago(29)
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    expect(row(verified.id)).toContain(`verified    full, ${when}`);
    expect(out.stdout).toContain(`DAMAGED ${damaged.id}:\n  - verification.json is not valid JSON\n`);
  });

  it('prints JSON that follows docs/schema/backup-list.schema.json', async () => {
    const { url, verified, damaged } = await everyState();
    const out = await shipkit(['list', '--at', url, '--json']);
    expect(out.code).toBe(0);
    const listing = listJsonSchema.parse(JSON.parse(out.stdout));
    expect(listing.backups.map((b) => b.state)).toEqual(['damaged', 'incomplete', 'complete', 'verified']);
    expect(listing.backups[0]).toMatchObject({
      id: damaged.id,
      complete: false,
      verified: false,
      damage: ['verification.json is not valid JSON'],
    });
    expect(listing.backups[3]).toMatchObject({
      id: verified.id,
      verification: { mode: 'full', scope: 'all', counts: true },
    });
  });
});

describe('shipkit inspect', () => {
  it('shows the state, every verification record and which one counts', async () => {
    const { url, verified } = await everyState();
    const out = await shipkit(['inspect', `${url}/${verified.id}`]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('state       verified\n');
    expect(out.stdout).toMatch(
      /\* verification\.full\.json: full \(all\) at \S+, 2 namespace\(s\), 100 document\(s\)/,
    );
    expect(out.stdout).toMatch(
      / {2}verification\.restore\.partial\.json: restore \(partial\) at \S+, 1 namespace\(s\), 60 document\(s\) — not counted: covers 1 of 2 namespaces/,
    );
    const json = inspectJsonSchema.parse(
      JSON.parse((await shipkit(['inspect', `${url}/${verified.id}`, '--json'])).stdout),
    );
    expect(json.verifications).toHaveLength(2);
    expect(json.manifest?.backupId).toBe(verified.id);
  });

  it('shows a damaged backup with its reasons and an incomplete one as such', async () => {
    const { url, storage, damaged, incomplete } = await everyState();
    await storage.put(`${damaged.id}/manifest.json`, Buffer.from('{"formatVersion": 1,'));
    const out = await shipkit(['inspect', `${url}/${damaged.id}`]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/state +DAMAGED\ndamage\n {2}- manifest\.json is not valid JSON/);
    const json = inspectJsonSchema.parse(
      JSON.parse((await shipkit(['inspect', `${url}/${damaged.id}`, '--json'])).stdout),
    );
    expect(json).toMatchObject({ state: 'damaged', manifest: null });
    expect((await shipkit(['inspect', `${url}/${incomplete}`])).stdout).toContain('state       INCOMPLETE\n');
    const missing = newBackupId(new Date(0));
    expect(await shipkit(['inspect', `${url}/${missing}`])).toMatchObject({
      code: 2,
      stderr: `error: Backup ${missing} does not exist at ${url}.\n`,
    });
  });
});

describe('shipkit prune', () => {
  it('keeps the newest verified backup and a damaged one whatever the rules, saying why', async () => {
    const { url, verified, complete, damaged } = await everyState();
    const out = await shipkit(['prune', '--at', url, '--keep-last', '1', '--dry-run']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      'policy: last=1; the newest complete and newest verified backups are always kept\n',
    );
    const row = (id: string) => out.stdout.split('\n').find((line) => line.startsWith(id)) ?? '';
    expect(row(complete.id)).toMatch(/ keep +last 1; newest complete$/);
    expect(row(verified.id)).toMatch(/ keep +newest verified$/);
    expect(row(damaged.id)).toMatch(/ keep \(DAMAGED\) +verification\.json is not valid JSON$/);
    expect(out.stderr).toContain(`${damaged.id} is damaged and was kept (delete it with --delete-damaged)`);
  });

  it('deletes damaged backups only when asked, reporting each', async () => {
    const { url, damaged, complete, verified, incomplete } = await everyState();
    const out = await shipkit(['prune', '--at', url, '--keep-last', '1', '--delete-damaged', '--json']);
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout);
    expect(result.damaged).toEqual([
      { id: damaged.id, reason: 'verification.json is not valid JSON', deleted: true },
    ]);
    expect(result.removed).toEqual([]);
    const listed = JSON.parse((await shipkit(['list', '--at', url, '--json'])).stdout);
    expect(listed.backups.map((b: { id: string }) => b.id)).toEqual([incomplete, complete.id, verified.id]);
  });
});
