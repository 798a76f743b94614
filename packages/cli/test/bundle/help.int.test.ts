// The program's and every command's help from the bundle (node bin/shipkit.js → packages/cli/dist): each
// command's module loads from its chunk of the bundle, and says what the sources say.
import { describe, expect, it } from '@jest/globals';
import { runShipkit } from '../../../../test/support/shipkit-process';
import { type CommandEntry, commands } from '../../src/commands';
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

  const entries: [string, string[], CommandEntry][] = commands.flatMap((entry) =>
    'subcommands' in entry
      ? entry.subcommands.map((child): [string, string[], CommandEntry] => [
          `${entry.name} ${child.name}`,
          [entry.name, child.name],
          child,
        ])
      : [[entry.name, [entry.name], entry] as [string, string[], CommandEntry]],
  );
  it.each(entries)('%s --help', async (_name, argv, entry) => {
    const run = await runShipkit([...argv, '--help']);
    expectExit(run, 0);
    expect(run.stdout).toBe(commandHelp(await entry.load(), entry.summary));
    expect(run.stderr).toBe('');
  });

  it('a command made of subcommands lists them, and names an unknown one', async () => {
    for (const group of commands) {
      if (!('subcommands' in group)) continue;
      const help = await runShipkit([group.name, '--help']);
      expectExit(help, 0);
      expect(help.stdout).toBe(groupHelp(group));
      for (const child of group.subcommands) expect(help.stdout).toContain(`  ${child.name} `);
      const bare = await runShipkit([group.name]);
      expectExit(bare, 2);
      expect(bare.stdout).toBe(groupHelp(group));
      const unknown = await runShipkit([group.name, 'snapshto']);
      expectExit(unknown, 2);
      expect(unknown.stderr).toMatch(
        new RegExp(`^error: unknown command '${group.name} snapshto'\\. Commands: `),
      );
    }
  });

  it('exits 2 naming the problem for no command, an unknown command and an unknown option', async () => {
    const none = await runShipkit([]);
    expectExit(none, 2);
    expect(none.stdout).toBe(programHelp());
    const unknown = await runShipkit(['bakcup']);
    expectExit(unknown, 2);
    expect(unknown.stderr).toMatch(/^error: unknown command 'bakcup'\. Commands: backup, /);
    const option = await runShipkit(['list', '--att', 'file:///tmp']);
    expectExit(option, 2);
    expect(option.stderr).toMatch(/--att.*see `shipkit list --help`/);
    for (const run of [none, unknown, option]) expect(run.everything).not.toMatch(/\n\s+at /);
  });
});
