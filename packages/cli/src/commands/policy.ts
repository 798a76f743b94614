import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { UserError } from '@shipkit/runtime';
import {
  DEFAULT_CONFIG_PATH,
  defaultPolicy,
  describePolicy,
  evaluate,
  type Policy,
  type PullRequestFacts,
  parsePolicyConfig,
} from '@shipkit/policy';
import {
  booleanOption,
  type Command,
  type CommandContext,
  listOption,
  type ParsedArgs,
  stringOption,
} from '../command';
import { textTable } from '../text';

const SUBCOMMANDS = ['check', 'explain'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

export const policy: Command = {
  name: 'policy',
  usage: 'check --from <branch> --to <branch> [--title "…"] [options]   or   policy explain [options]',
  options: {
    from: { type: 'string', value: '<branch>', description: 'check: the head (source) branch' },
    to: { type: 'string', value: '<branch>', description: 'check: the base (target) branch' },
    title: {
      type: 'string',
      value: '<title>',
      description: 'check: the pull request title (checked when the policy has titles)',
    },
    draft: { type: 'boolean', description: 'check: judge it as a draft pull request' },
    label: {
      type: 'string',
      value: '<label>',
      multiple: true,
      description: 'check: a label on the pull request',
    },
    config: {
      type: 'string',
      value: '<file>',
      description: `policy file (default: ${DEFAULT_CONFIG_PATH} when it exists, else the default policy)`,
    },
  },
  details: `
Examples:
  shipkit policy check --from feature/login --to main
  shipkit policy check --from feature/ABC-12-login --to development --title "feat(auth): add login"
  shipkit policy explain --config .github/branch-policy.yml --json

check exits 0 on pass or warn, 1 on fail.`,
  async run(args, context) {
    const subcommand = parseSubcommand(args);
    const { policy: effective, source } = await loadPolicy(args, context);
    return subcommand === 'check'
      ? check(args, context, effective, source)
      : explain(context, effective, source);
  },
};

function parseSubcommand(args: ParsedArgs): Subcommand {
  const [name, ...extra] = args.positionals;
  const found = SUBCOMMANDS.find((s) => s === name);
  if (!found) {
    throw new UserError(
      `policy needs a subcommand: ${SUBCOMMANDS.join(' or ')}${name ? `, got '${name}'` : ''}.`,
    );
  }
  if (extra.length > 0)
    throw new UserError(`policy ${found} takes no further arguments, got '${extra.join(' ')}'.`);
  return found;
}

async function loadPolicy(
  args: ParsedArgs,
  context: CommandContext,
): Promise<{ policy: Policy; source: string }> {
  const explicit = stringOption(args, 'config');
  const path = explicit ?? DEFAULT_CONFIG_PATH;
  const file = isAbsolute(path) ? path : join(context.cwd, path);
  if (!existsSync(file)) {
    if (explicit) throw new UserError(`--config: ${explicit} does not exist.`);
    return { policy: defaultPolicy(), source: 'the default policy' };
  }
  return { policy: parsePolicyConfig(await readFile(file, 'utf8'), path), source: path };
}

function check(args: ParsedArgs, context: CommandContext, effective: Policy, source: string): number {
  const from = stringOption(args, 'from');
  const to = stringOption(args, 'to');
  if (!from || !to) throw new UserError('policy check needs --from <branch> and --to <branch>.');
  const title = stringOption(args, 'title');
  if (effective.titles && title === undefined) {
    context.logger.warn(`${source} checks titles; pass --title to check one.`);
  }
  const event: PullRequestFacts = {
    kind: 'pull_request',
    eventName: 'cli',
    action: 'opened',
    number: 0,
    title: title ?? '',
    draft: booleanOption(args, 'draft'),
    head: from,
    base: to,
    labels: listOption(args, 'label'),
    author: '',
  };
  const evaluation = evaluate({ event }, title === undefined ? withoutTitles(effective) : effective);
  if (title === undefined && effective.titles) {
    evaluation.checks = evaluation.checks.map((c) =>
      c.rule === 'titles' ? { ...c, detail: 'no --title given' } : c,
    );
  }
  const exitCode = evaluation.verdict === 'fail' ? 1 : 0;

  if (context.json) {
    const { verdict, checks, violations, exemption, override } = evaluation;
    const result = {
      from,
      to,
      ...(title === undefined ? {} : { title }),
      policy: source,
      verdict,
      checks,
      violations,
    };
    context.stdout(
      `${JSON.stringify({ ...result, ...(exemption ? { exemption } : {}), ...(override ? { override } : {}) }, null, 2)}\n`,
    );
    return exitCode;
  }
  const lines = [`${from} → ${to}: ${evaluation.verdict} (${source})`, ''];
  lines.push(
    textTable(
      ['rule', 'result', 'what matched'],
      evaluation.checks.map((c) => [c.rule, c.status, c.detail]),
    ),
  );
  for (const v of evaluation.violations) {
    lines.push(
      `${v.severity}  ${v.rule}: ${v.message}${v.note ? ` (${v.note})` : ''}`,
      `      matched: ${v.matched}`,
      `      fix: ${v.fix}`,
    );
  }
  context.stdout(`${lines.join('\n')}\n`);
  return exitCode;
}

/** Without --title there is nothing to judge the title by, so the rule is left out rather than failed. */
function withoutTitles(effective: Policy): Policy {
  const { titles: _skipped, ...rest } = effective;
  return rest;
}

function explain(context: CommandContext, effective: Policy, source: string): number {
  if (context.json) {
    context.stdout(
      `${JSON.stringify({ source, policy: effective, settings: describePolicy(effective) }, null, 2)}\n`,
    );
    return 0;
  }
  const rows = describePolicy(effective).map((row) => [row.rule, row.setting, row.value]);
  context.stdout(`Branch policy from ${source}\n\n${textTable(['rule', 'setting', 'value'], rows)}`);
  return 0;
}
