import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import {
  DEFAULT_CONFIG_PATH,
  defaultPolicy,
  describePolicy,
  evaluate,
  type Policy,
  type PullRequestFacts,
  parsePolicyConfig,
} from '@shipkit/policy';
import { booleanRow, EXIT, listRow, OptionError, textRow, type Values } from '@shipkit/runtime';
import { type CommandContext, command } from '../command';
import { UsageError } from '../options';
import { textTable } from '../text';

const SUBCOMMANDS = ['check', 'explain'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const POLICY_OPTIONS = {
  from: textRow({ description: 'check: the head (source) branch.', placeholder: '<branch>' }),
  to: textRow({ description: 'check: the base (target) branch.', placeholder: '<branch>' }),
  title: textRow({
    description: 'check: the pull request title (checked when the policy has titles).',
    placeholder: '<title>',
  }),
  draft: booleanRow({ description: 'check: judge it as a draft pull request.', default: 'false' }),
  label: {
    ...listRow({ description: 'check: a label on the pull request.', placeholder: '<label>' }),
    // A label may hold a comma: each --label is one label.
    parse: (raw: string) => raw.split('\n').filter((label) => label.trim() !== ''),
  },
  config: textRow({
    description: `Policy file. Default: ${DEFAULT_CONFIG_PATH} when it exists, else the default policy.`,
    placeholder: '<file>',
  }),
};

type PolicyOptions = Values<typeof POLICY_OPTIONS>;

export const policy = command({
  name: 'policy',
  usage: 'check --from <branch> --to <branch> [--title "…"] [options]   or   policy explain [options]',
  positionals: 'check | explain',
  options: POLICY_OPTIONS,
  details: `
Examples:
  shipkit policy check --from feature/login --to main
  shipkit policy check --from feature/ABC-12-login --to development --title "feat(auth): add login"
  shipkit policy explain --config .github/branch-policy.yml --json

check exits 0 on pass or warn, 1 on fail.`,
  async run({ options, positionals }, context) {
    const subcommand = parseSubcommand(positionals);
    const { policy: effective, source } = await loadPolicy(options, context);
    return subcommand === 'check'
      ? check(options, context, effective, source)
      : explain(context, effective, source);
  },
});

function parseSubcommand(positionals: string[]): Subcommand {
  const [name, ...extra] = positionals;
  const found = SUBCOMMANDS.find((s) => s === name);
  if (!found) {
    throw new UsageError(
      `policy needs a subcommand: ${SUBCOMMANDS.join(' or ')}${name ? `, got '${name}'` : ''}.`,
    );
  }
  if (extra.length > 0)
    throw new UsageError(`policy ${found} takes no further arguments, got '${extra.join(' ')}'.`);
  return found;
}

async function loadPolicy(
  options: PolicyOptions,
  context: CommandContext,
): Promise<{ policy: Policy; source: string }> {
  const explicit = options.config;
  const path = explicit ?? DEFAULT_CONFIG_PATH;
  const file = isAbsolute(path) ? path : join(context.cwd, path);
  if (!existsSync(file)) {
    if (explicit) throw new OptionError('config', `names ${explicit}, which does not exist.`);
    return { policy: defaultPolicy(), source: 'the default policy' };
  }
  return { policy: parsePolicyConfig(await readFile(file, 'utf8'), path), source: path };
}

function check(options: PolicyOptions, context: CommandContext, effective: Policy, source: string): number {
  const { from, to, title } = options;
  if (!from) throw new OptionError('from', 'is required by policy check: the head (source) branch.');
  if (!to) throw new OptionError('to', 'is required by policy check: the base (target) branch.');
  if (effective.titles && title === undefined) {
    context.logger.warn(`${source} checks titles; pass --title to check one.`);
  }
  const event: PullRequestFacts = {
    kind: 'pull_request',
    eventName: 'cli',
    action: 'opened',
    number: 0,
    title: title ?? '',
    draft: options.draft,
    head: from,
    base: to,
    labels: options.label,
    author: '',
  };
  const evaluation = evaluate({ event }, title === undefined ? withoutTitles(effective) : effective);
  if (title === undefined && effective.titles) {
    evaluation.checks = evaluation.checks.map((c) =>
      c.rule === 'titles' ? { ...c, detail: 'no --title given' } : c,
    );
  }
  const exitCode = evaluation.verdict === 'fail' ? EXIT.failed : EXIT.ok;

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
    return EXIT.ok;
  }
  const rows = describePolicy(effective).map((row) => [row.rule, row.setting, row.value]);
  context.stdout(`Branch policy from ${source}\n\n${textTable(['rule', 'setting', 'value'], rows)}`);
  return EXIT.ok;
}
