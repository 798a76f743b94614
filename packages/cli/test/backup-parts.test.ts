// `shipkit backup plan|part|finalize`: subcommands of backup, each with its own table of options.
import { describe, expect, it } from '@jest/globals';
import { shipkit } from './shipkit';

describe('backup subcommands', () => {
  it('runs a two-word command when the second word names one, and backup itself otherwise', async () => {
    const plan = await shipkit(['backup', 'plan', '--help']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('shipkit backup plan — split a backup into parts');
    expect(plan.stdout).toContain('--parts <n>');
    const backup = await shipkit(['backup', '--help']);
    expect(backup.stdout).toContain('shipkit backup — back up MongoDB');
    const help = await shipkit(['--help']);
    expect(help.stdout).toMatch(/\n {2}backup finalize +check every part of a planned backup/);
  });

  it('refuses a missing backup id or part, and a part count out of range, naming the option', async () => {
    const finalize = await shipkit(['backup', 'finalize', '--to', 'file:///tmp/x']);
    expect(finalize.code).toBe(2);
    expect(finalize.stderr).toContain('--backup');
    const part = await shipkit(
      ['backup', 'part', '--to', 'file:///tmp/x', '--backup', '2026-11-25T030000Z-1a2b3c'],
      {
        env: { MONGODB_URI: 'mongodb://u:secret-pass@127.0.0.1:1/' },
      },
    );
    expect(part.code).toBe(2);
    expect(part.stderr).toContain('--part');
    const plan = await shipkit(['backup', 'plan', '--to', 'file:///tmp/x', '--parts', '300'], {
      env: { MONGODB_URI: 'mongodb://u:secret-pass@127.0.0.1:1/' },
    });
    expect(plan.code).toBe(2);
    expect(plan.stderr).toMatch(/--parts/);
    expect(`${part.everything}${plan.everything}`).not.toContain('secret-pass');
  });

  it('a part of a backup that was never planned is refused, saying what to run first', async () => {
    const part = await shipkit(
      [
        'backup',
        'part',
        '--to',
        'file:///tmp/shipkit-no-such-plan',
        '--backup',
        '2026-11-25T030000Z-1a2b3c',
        '--part',
        '1',
      ],
      { env: { MONGODB_URI: 'mongodb://127.0.0.1:1/' } },
    );
    expect(part.code).toBe(2);
    expect(part.stderr).toContain(
      'has no plan at file:///tmp/shipkit-no-such-plan/2026-11-25T030000Z-1a2b3c/plan.json',
    );
    expect(part.stderr).toContain('run `shipkit backup plan` first');
  });
});
