// The runner protocol of src/runner.ts against @actions/core's: the same calls write the same bytes to
// stdout and to the runner's files, for values that need escaping or quoting.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as actionsCore from '@actions/core';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as runner from '../src/runner';

type Protocol = 'ours' | '@actions/core';

const VALUES = [
  'plain',
  '',
  'two\nlines\r\nand a carriage return',
  '100% done: a,b,c :: ::error::not a command',
  'ünïcødé ✓ 🚀',
] as const;
const WHERE = { title: 'Title: with, punctuation', file: 'src/a,b.ts', startLine: 3, startColumn: 7 };

let dir: string;
let written: string[];
const originalWrite = process.stdout.write.bind(process.stdout);
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-protocol-'));
  written = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.exitCode = 0;
});

afterEach(() => {
  process.stdout.write = originalWrite;
  process.exitCode = 0;
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `call` with one protocol, with fresh runner files when `files` is set; returns what it wrote. */
async function observe(protocol: Protocol, call: (p: typeof runner) => unknown, files = true) {
  written = [];
  process.exitCode = 0;
  const paths = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state') };
  const summary = join(dir, 'summary');
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) delete process.env[name];
  if (files) {
    for (const [name, path] of Object.entries(paths)) {
      writeFileSync(path, '');
      process.env[name] = path;
    }
    writeFileSync(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
  }
  const api =
    protocol === 'ours'
      ? runner
      : ({
          ...actionsCore,
          appendSummary: (markdown: string) => actionsCore.summary.addRaw(markdown, true).write(),
        } as unknown as typeof runner);
  await call(api);
  const read = (path: string) => (files ? readFileSync(path, 'utf8') : '');
  // Each heredoc delimiter is random: compare them by position.
  const same = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<uuid>');
  return {
    stdout: same(written.join('')),
    output: same(read(paths.GITHUB_OUTPUT)),
    state: same(read(paths.GITHUB_STATE)),
    summary: read(summary),
    exitCode: process.exitCode,
  };
}

async function expectSame(call: (p: typeof runner) => unknown, files = true) {
  const ours = await observe('ours', call, files);
  const theirs = await observe('@actions/core', call, files);
  expect(ours).toEqual(theirs);
  return ours;
}

describe('the runner protocol', () => {
  it.each(VALUES)('writes log lines and annotations as @actions/core does: %j', async (value) => {
    const seen = await expectSame((p) => {
      p.info(value);
      p.debug(value);
      p.notice(value);
      p.warning(value, WHERE);
      p.error(value, { title: WHERE.title });
      p.error(new Error(value));
    });
    expect(seen.stdout).toContain(
      '::warning title=Title%3A with%2C punctuation,file=src/a%2Cb.ts,line=3,col=7::',
    );
  });

  it.each(VALUES)('masks and fails as @actions/core does: %j', async (value) => {
    const seen = await expectSame((p) => {
      p.setSecret(value);
      p.setFailed(value);
    });
    expect(seen.exitCode).toBe(1);
  });

  it.each(VALUES)('writes outputs and state to the runner files as @actions/core does: %j', async (value) => {
    const seen = await expectSame((p) => {
      p.setOutput('result', value);
      p.setOutput('count', 42);
      p.saveState('deploy-id', value);
    });
    expect(seen.output).toContain('result<<ghadelimiter_<uuid>\n');
    expect(seen.state).toContain('deploy-id<<ghadelimiter_<uuid>\n');
  });

  it.each(VALUES)(
    'falls back to workflow commands without the files, as @actions/core does: %j',
    async (value) => {
      const seen = await expectSame((p) => {
        p.setOutput('result', value);
        p.saveState('deploy-id', value);
      }, false);
      expect(seen.stdout).toContain('::set-output name=result::');
    },
  );

  it('appends to the job summary as @actions/core does', async () => {
    const seen = await expectSame(async (p) => {
      await p.appendSummary('## Heading\n\n| a | b |');
      await p.appendSummary('second');
    });
    expect(seen.summary).toBe('## Heading\n\n| a | b |\nsecond\n');
  });

  it('reads the state the runner hands to the post step', () => {
    process.env.STATE_deploy_id = 'dep-123';
    expect(runner.getState('deploy_id')).toBe(actionsCore.getState('deploy_id'));
    expect(runner.getState('deploy_id')).toBe('dep-123');
    expect(runner.getState('missing')).toBe('');
  });
});
