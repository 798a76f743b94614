import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newBackupId } from '@shipkit/backup';
import { FileStorage } from '@shipkit/storage';
import { fakeBackup } from '../../../test/support/catalog';
import { shipkit as run } from './shipkit';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-verify-unit-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function shipkit(argv: string[], env: Record<string, string> = {}) {
  return run(argv, { env, cwd: dir });
}

describe('verify, restore and check-freshness options', () => {
  it('lists the three commands in the program help', async () => {
    const { stdout } = await shipkit(['--help']);
    expect(stdout).toMatch(/\n {2}verify +prove a backup is complete/);
    expect(stdout).toMatch(/\n {2}restore +restore a backup/);
    expect(stdout).toMatch(/\n {2}check-freshness +fail when the newest complete/);
  });

  it('asks for the source and the target, naming the option and its variable', async () => {
    expect(await shipkit(['verify'])).toMatchObject({
      code: 2,
      stderr: 'error: --from (or BACKUP_DESTINATION) is required but was not given.\n',
    });
    expect(await shipkit(['restore', '--from', `file://${dir}`])).toMatchObject({
      code: 2,
      stderr: 'error: --uri (or MONGODB_URI) is required but was not given.\n',
    });
    expect(await shipkit(['check-freshness', '--at', `file://${dir}`])).toMatchObject({
      code: 2,
      stderr: 'error: --max-age is required but was not given.\n',
    });
  });

  it('refuses unknown modes and unpaired renames', async () => {
    const mode = await shipkit(['verify', '--from', `file://${dir}`, '--mode', 'restore']);
    expect(mode.stderr).toBe("error: --mode must be one of 'integrity', 'full', got 'restore'.\n");
    const renames = await shipkit(['verify', '--from', `file://${dir}`, '--ns-from', 'shop.*']);
    expect(renames.stderr).toBe('error: --ns-from and --ns-to must be given in pairs: got 1 and 0.\n');
  });

  it('says a prefix holds backups when --latest is missing', async () => {
    const folder = await mkdtemp(join(dir, 'backups-'));
    const storage = new FileStorage({ kind: 'file', root: folder });
    const id = newBackupId(new Date());
    await storage.put(`${id}/manifest.json`, Buffer.from('{}'));
    const { code, stderr } = await shipkit(['verify', '--from', `file://${folder}`]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `error: file://${folder} holds backups, not one archive: ask for the newest (--latest), or name one by its id.\n`,
    );
  });

  it('checks freshness of a folder of backups, as text and JSON', async () => {
    const folder = await mkdtemp(join(dir, 'fresh-'));
    const storage = new FileStorage({ kind: 'file', root: folder });
    const { id: old } = await fakeBackup(storage, new Date(Date.now() - 30 * 3_600_000));
    const stale = await shipkit(['check-freshness', '--at', `file://${folder}`, '--max-age', '26h']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(
      new RegExp(`^STALE: The newest complete backup at file://${folder}, ${old}, is 30h0\\dm old`),
    );
    const json = await shipkit(['check-freshness', '--at', `file://${folder}`, '--max-age', '2d', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      fresh: true,
      newest: { id: old, verified: false },
      qualifying: 1,
    });
  });
});
