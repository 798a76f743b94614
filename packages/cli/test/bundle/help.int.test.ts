// The program's and every command's help from the bundle (node bin/shipkit.js → packages/cli/dist): each
// command's module loads from its chunk of the bundle, and says what the sources say.
import { describe, expect, it } from '@jest/globals';
import { runShipkit } from '../../../../test/support/shipkit-process';
import { commands } from '../../src/commands';
import { commandHelp, programHelp } from '../../src/main';
import { expectExit } from './support';

describe('shipkit help, from the bundle', () => {
  it('lists every command', async () => {
    const run = await runShipkit(['--help']);
    expectExit(run, 0);
    expect(run.stdout).toBe(programHelp());
    for (const command of commands) expect(run.stdout).toContain(`  ${command.name} `);
    expect(run.stderr).toBe('');
  });

  it.each(commands.map((entry) => [entry.name, entry] as const))('%s --help', async (name, entry) => {
    const run = await runShipkit([name, '--help']);
    expectExit(run, 0);
    expect(run.stdout).toBe(commandHelp(await entry.load(), entry.summary));
    expect(run.stderr).toBe('');
  });

  it('exits 2 naming the problem for no command, an unknown command and an unknown option', async () => {
    const none = await runShipkit([]);
    expectExit(none, 2);
    expect(none.stdout).toBe(programHelp());
    const unknown = await runShipkit(['bakcup']);
    expectExit(unknown, 2);
    expect(unknown.stderr).toMatch(
      /^error: unknown command 'bakcup' — did you mean 'backup'\? Commands: backup, /,
    );
    const option = await runShipkit(['list', '--att', 'file:///tmp']);
    expectExit(option, 2);
    expect(option.stderr).toMatch(/has no option --att — did you mean --at\? See `shipkit list --help`/);
    for (const run of [none, unknown, option]) expect(run.everything).not.toMatch(/\n\s+at /);
  });
});
