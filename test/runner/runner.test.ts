import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseFileCommands, runAction } from './index';

describe('parseFileCommands', () => {
  it('reads heredoc and legacy lines as the runner does', () => {
    expect(parseFileCommands('a<<EOF_1\nline 1\nline 2\nEOF_1\nb=plain\n')).toEqual({
      a: 'line 1\nline 2',
      b: 'plain',
    });
  });
});

describe('runAction', () => {
  it('passes inputs, event and state, and collects outputs, summary, annotations and the exit code', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'runner-test-'));
    const entry = join(dir, 'index.mjs');
    await writeFile(
      entry,
      `import { appendFileSync, readFileSync } from 'node:fs';
       const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
       appendFileSync(process.env.GITHUB_OUTPUT, 'greeting<<X\\nhello ' + process.env['INPUT_WHO-IS'] + '\\nX\\n');
       appendFileSync(process.env.GITHUB_OUTPUT, 'action=' + event.action + '\\n');
       appendFileSync(process.env.GITHUB_STATE, 'seen=' + (process.env.STATE_previous ?? 'none') + '\\n');
       appendFileSync(process.env.GITHUB_STEP_SUMMARY, '### done\\n');
       console.log('::warning::careful%0Anow');
       process.exitCode = 3;`,
    );
    const result = await runAction(entry, {
      inputs: { 'who is': undefined, 'who-is': 'octocat' },
      event: { action: 'opened' },
      state: { previous: 'main-ran' },
    });
    expect(result.exitCode).toBe(3);
    expect(result.outputs).toEqual({ greeting: 'hello octocat', action: 'opened' });
    expect(result.state).toEqual({ seen: 'main-ran' });
    expect(result.summary).toBe('### done\n');
    expect(result.annotations).toEqual([{ level: 'warning', message: 'careful\nnow' }]);
  });
});
