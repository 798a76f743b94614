// The program's and every command's help from the bundle (node bin/shipkit.js → packages/cli/dist): each
// command's module loads from its chunk of the bundle, and says what the sources say.
import { describe, expect, it } from '@jest/globals';
import { runShipkit } from '../../../../test/support/shipkit-process';
import { commands, GROUPS, groupCommands } from '../../src/commands';
import { commandHelp, groupHelp, programHelp } from '../../src/main';
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
    const run = await runShipkit([...name.split(' '), '--help']);
    expectExit(run, 0);
    expect(run.stdout).toBe(commandHelp(await entry.load(), entry.summary));
    expect(run.stderr).toBe('');
  });

  it('a group of commands (`shipkit atlas`) lists them, and names an unknown one', async () => {
    for (const group of Object.keys(GROUPS)) {
      const members = groupCommands(group);
      expect(members.length).toBeGreaterThan(0);
      const help = await runShipkit([group, '--help']);
      expectExit(help, 0);
      expect(help.stdout).toBe(groupHelp(group));
      for (const member of members)
        expect(help.stdout).toContain(`  ${member.name.slice(group.length + 1)} `);
      const bare = await runShipkit([group]);
      expectExit(bare, 2);
      expect(bare.stdout).toBe(groupHelp(group));
      const unknown = await runShipkit([group, 'snapshto']);
      expectExit(unknown, 2);
      expect(unknown.stderr).toMatch(new RegExp(`^error: unknown command '${group} snapshto'\\. Commands: `));
    }
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
