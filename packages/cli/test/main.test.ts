// The CLI as a user meets it, whatever the command: --version, suggestions for mistakes, the shared
// exit codes, --json for refusals too, --verbose, one way to say where backups are and how many to keep.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EXIT } from '@shipkit/runtime';
import { FileStorage } from '@shipkit/storage';
import { fakeBackup } from '../../../test/support/catalog';
import { SUITE_PACKAGE } from '../src/suite';
import { shipkit as run } from './shipkit';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-main-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function shipkit(argv: string[], env: Record<string, string> = {}) {
  return run(argv, { env, cwd: dir });
}

/** A folder holding one complete backup. */
async function oneBackup() {
  const folder = await mkdtemp(join(dir, 'backups-'));
  const backup = await fakeBackup(new FileStorage({ kind: 'file', root: folder }), new Date());
  return { url: `file://${folder}`, id: backup.id };
}

describe('shipkit --version', () => {
  it('prints the suite version, as text or JSON', async () => {
    expect(await shipkit(['--version'])).toMatchObject({
      code: 0,
      stdout: `shipkit ${SUITE_PACKAGE.version}\n`,
    });
    expect(SUITE_PACKAGE.version).toMatch(/^\d+\.\d+\.\d+/);
    const json = await shipkit(['--version', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ version: SUITE_PACKAGE.version });
  });
});

describe('mistakes on the command line', () => {
  it('suggests the command that was probably meant', async () => {
    const out = await shipkit(['bakcup']);
    expect(out.code).toBe(EXIT.refused);
    expect(out.stderr).toMatch(
      /^error: unknown command 'bakcup' — did you mean 'backup'\? Commands: backup, /,
    );
  });

  it('suggests the option that was probably meant, however it was spelt', async () => {
    const camel = await shipkit(['restore', '--nsFrom', 'shop.*']);
    expect(camel.code).toBe(EXIT.refused);
    expect(camel.stderr).toContain('shipkit restore has no option --nsFrom — did you mean --ns-from?');
    expect(camel.stderr).not.toMatch(/ERR_PARSE_ARGS|TypeError|\n\s+at /);
    const inputName = await shipkit(['backup', '--mongodb-uri', 'mongodb://h/']);
    expect(inputName.stderr).toContain('shipkit backup has no option --mongodb-uri — did you mean --uri?');
    const typo = await shipkit(['verify', '--form', 'file:///x']);
    expect(typo.stderr).toContain('did you mean --from?');
    const nothingClose = await shipkit(['list', '--colour']);
    expect(nothingClose.stderr).toBe(
      'error: shipkit list has no option --colour. See `shipkit list --help`.\n',
    );
  });

  it('answers a refusal with a JSON document too under --json, naming the option as given', async () => {
    const out = await shipkit(['prune', '--at', 'file:///nowhere', '--keep-daily', '0', '--json']);
    expect(out.code).toBe(EXIT.refused);
    const document = JSON.parse(out.stdout);
    expect(document).toMatchObject({
      ok: false,
      exitCode: EXIT.refused,
      outcome: 'refused',
      option: '--keep-daily',
    });
    expect(document.error).toMatch(/^--keep-daily must keep between 1 and /);
    expect(out.stderr).toBe(`error: ${document.error}\n`);
    const unknown = await shipkit(['bakcup', '--json']);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, outcome: 'refused' });
  });
});

describe('the exit codes', () => {
  it('are the same for every command, and listed with the anomaly code', async () => {
    expect(EXIT).toEqual({ ok: 0, failed: 1, refused: 2, anomaly: 3 });
    const help = (await shipkit(['--help'])).stdout;
    expect(help).toMatch(/Exit codes \(every command\):\n {2}0 +ok: /);
    expect(help).toMatch(/\n {2}1 +failed: /);
    expect(help).toMatch(/\n {2}2 +refused: /);
    expect(help).toMatch(/\n {2}3 +anomaly: the backup was written, but its data collapsed/);
    expect(help).toMatch(/\n {2}130, 143 +cancelled by SIGINT/);
    expect((await shipkit(['inspect', '--help'])).stdout).toContain('Exit codes: see `shipkit --help`.');
  });
});

describe('retention, spelled the same in backup and prune', () => {
  const source = ['--uri', 'mongodb://127.0.0.1:9/', '--to', 'file:///nowhere'];

  it('refuses a count of 0 given as --keep-daily, as in daily=0', async () => {
    for (const argv of [
      ['prune', '--at', 'file:///nowhere', '--keep-daily', '0'],
      ['backup', ...source, '--keep-daily', '0'],
    ]) {
      const out = await shipkit(argv);
      expect(out.code).toBe(EXIT.refused);
      expect(out.stderr).toMatch(/^error: --keep-daily must keep between 1 and \d+ /);
    }
    for (const argv of [
      ['prune', '--at', 'file:///nowhere', '--retention', 'daily=0'],
      ['backup', ...source, '--retention', 'daily=0'],
    ]) {
      const out = await shipkit(argv);
      expect(out.code).toBe(EXIT.refused);
      expect(out.stderr).toMatch(/^error: --retention has a part "daily=0" that must keep between 1 and/);
    }
  });

  it('takes both spellings in both commands, and refuses a rule given twice', async () => {
    for (const command of ['backup', 'prune']) {
      const help = (await shipkit([command, '--help'])).stdout;
      expect(help).toContain('--retention <rules>');
      expect(help).toContain('--keep-daily <n>');
    }
    const out = await shipkit([
      'prune',
      '--at',
      'file:///nowhere',
      '--retention',
      'daily=7',
      '--keep-daily',
      '3',
    ]);
    expect(out.code).toBe(EXIT.refused);
    expect(out.stderr).toBe(
      'error: --keep-daily repeats the rule daily of --retention; give each rule once.\n',
    );
  });

  it('prunes with --keep-* rules alone', async () => {
    const { url } = await oneBackup();
    const out = await shipkit(['prune', '--at', url, '--keep-last', '1', '--dry-run']);
    expect(out.code).toBe(EXIT.ok);
    expect(out.stdout).toContain('policy: last=1;');
  });
});

describe('inspect finds a backup the way verify and restore do', () => {
  it('takes --from <url>, a prefix with --latest, a positional URL, or a bare id under BACKUP_DESTINATION', async () => {
    const { url, id } = await oneBackup();
    const shown = `backup      ${id}\n`;
    expect((await shipkit(['inspect', '--from', `${url}/${id}`])).stdout).toContain(shown);
    expect((await shipkit(['inspect', '--from', url, '--latest'])).stdout).toContain(shown);
    expect((await shipkit(['inspect', `${url}/${id}`])).stdout).toContain(shown);
    const bare = await shipkit(['inspect', '--from', id], { BACKUP_DESTINATION: url });
    expect(bare).toMatchObject({ code: EXIT.ok });
    expect(bare.stdout).toContain(shown);
    expect((await shipkit(['inspect', id], { BACKUP_DESTINATION: url })).stdout).toContain(shown);
  });

  it('says how to name a bare id when no prefix is known', async () => {
    const out = await shipkit(['inspect', '2026-11-25T030000Z-1a2b3c']);
    expect(out.code).toBe(EXIT.refused);
    expect(out.stderr).toContain('set BACKUP_DESTINATION to it');
    expect(out.stderr).toContain('--latest');
  });
});

describe('--verbose', () => {
  it('adds debug detail on stderr — what was given, where the storage is, how the run ended — and no value', async () => {
    const { url, id } = await oneBackup();
    const quiet = await shipkit(['inspect', '--from', id], { BACKUP_DESTINATION: url });
    const verbose = await shipkit(['inspect', '--from', id, '--verbose'], { BACKUP_DESTINATION: url });
    expect(quiet.stderr).toBe('');
    expect(verbose.code).toBe(EXIT.ok);
    expect(verbose.stdout).toBe(quiet.stdout);
    expect(verbose.stderr).toContain('inspect: options given --from; the others take their defaults');
    expect(verbose.stderr).toContain(`storage: folder ${url.slice('file://'.length)}`);
    expect(verbose.stderr).toMatch(/inspect ended \(ok, exit code 0\) after /);
  });

  it('never prints a secret it was given', async () => {
    const uri = 'mongodb://admin:hunter2-secret@127.0.0.1:9/?serverSelectionTimeoutMS=200';
    const out = await shipkit(['backup', '--to', `file://${dir}/out`, '--verbose'], { MONGODB_URI: uri });
    expect(out.code).toBe(EXIT.refused);
    expect(out.stderr).toContain('backup: options given MONGODB_URI, --to; the others take their defaults');
    expect(out.stderr).toMatch(/backup ended \(refused, exit code 2\)/);
    expect(out.everything).not.toContain('hunter2-secret');
  });
});
