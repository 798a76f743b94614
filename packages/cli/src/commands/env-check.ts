import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type CheckResult,
  type ConfigProblem,
  checkInstanceConfig,
  parseEnv,
  TARGETS,
  type Target,
  VARIABLE_NAMES,
  VARIABLES,
} from '@shipkit/config';
import { booleanRow, closest, EXIT, enumRow, OptionError, ref, say, textRow } from '@shipkit/runtime';
import { type CommandContext, command } from '../command';

interface EnvCheckReport extends CheckResult {
  source: 'file' | 'environment';
  file?: string;
  target: Target;
}

/** Problems of the file itself: unreadable lines, repeats, names that are not in the schema. */
function fileProblems(text: string, template: boolean) {
  const parsed = parseEnv(text);
  const problems: (ConfigProblem & { line?: number })[] = parsed.problems.map((p) => ({
    variable: p.key ?? `line ${p.line}`,
    line: p.line,
    message: `line ${p.line} ${p.message}`,
  }));
  const warnings: (ConfigProblem & { line?: number })[] = parsed.duplicates.map((key) => ({
    variable: key,
    message: 'is assigned more than once; the last assignment wins',
  }));
  for (const entry of parsed.entries) {
    if (VARIABLE_NAMES.includes(entry.key)) continue;
    const near = closestName(entry.key);
    warnings.push({
      variable: entry.key,
      line: entry.line,
      message: `is not part of the configuration schema${near ? ` (did you mean ${near}?)` : ''}`,
    });
  }
  if (template) {
    const listed = new Set(parsed.entries.map((e) => e.key));
    for (const name of VARIABLE_NAMES) {
      if (!listed.has(name)) problems.push({ variable: name, message: 'is not listed in the template' });
    }
  }
  return { values: parsed.values, problems, warnings };
}

function closestName(name: string): string | undefined {
  return closest(name.toUpperCase(), VARIABLE_NAMES);
}

function line(symbol: string, problem: ConfigProblem): string {
  const expected = problem.expected ? ` — expected ${problem.expected}` : '';
  return `  ${symbol} ${problem.variable}: ${problem.message}${expected}\n`;
}

export const envCheckCommand = command({
  name: 'env-check',
  usage: '[--file <path>] [--target all|github|render] [--template]',
  options: {
    file: textRow({ description: 'A .env file to check. Default: the environment.', placeholder: '<path>' }),
    target: enumRow(TARGETS, {
      description: 'Which variables: all, those the GitHub workflows read, or the Render service’s.',
      default: 'all',
    }),
    template: booleanRow({
      description:
        'The file is a template such as .env.example: every variable listed, example values allowed.',
      default: 'false',
    }),
  },
  details: `
Reports every problem at once, each with the variable's name and what is expected, and exits 1 when
there is any. No value is ever printed, not even in part.

Examples:
  shipkit env-check --file .env
  shipkit env-check --target github            # in a workflow step, with the secrets in env:
  shipkit env-check --file .env.example --template`,

  async run({ options }, context: CommandContext) {
    const { target, template, file } = options;

    let values: Record<string, string | undefined>;
    const extraProblems: ConfigProblem[] = [];
    const extraWarnings: ConfigProblem[] = [];
    if (file !== undefined) {
      let text: string;
      try {
        text = await readFile(resolve(context.cwd, file), 'utf8');
      } catch {
        throw new OptionError('file', `names ${file}, which cannot be read: give the path of a .env file.`);
      }
      const fromFile = fileProblems(text, template);
      values = fromFile.values;
      extraProblems.push(...fromFile.problems);
      extraWarnings.push(...fromFile.warnings);
      // Messages never quote values; the redactor is the second line of defence for anything secret
      // (secrets of the schema, and whatever unknown keys hold).
      const secretNames = new Set(VARIABLES.filter((v) => v.secret).map((v) => v.name));
      for (const [key, value] of Object.entries(fromFile.values)) {
        if (secretNames.has(key) || !VARIABLE_NAMES.includes(key)) context.redactor.add(value);
      }
    } else {
      if (template)
        throw OptionError.saying(
          say`${ref('template')} needs ${ref('file')}: the environment is not a template.`,
        );
      values = context.env;
      for (const spec of VARIABLES) if (spec.secret) context.redactor.add(context.env[spec.name]);
    }

    const result = await checkInstanceConfig(values, { target, template });
    const report: EnvCheckReport = {
      ...result,
      ok: result.ok && extraProblems.length === 0,
      problems: [...extraProblems, ...result.problems],
      warnings: [...extraWarnings, ...result.warnings],
      source: file === undefined ? 'environment' : 'file',
      ...(file === undefined ? {} : { file }),
      target,
    };

    if (context.json) {
      context.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return report.ok ? EXIT.ok : EXIT.failed;
    }
    const where = file ?? 'the environment';
    const scope = target === 'all' ? '' : ` (${target} variables)`;
    if (report.ok) {
      context.stdout(`${where}${scope}: ${report.checked.length} variables checked, no problems\n`);
    } else {
      const count = report.problems.length;
      context.stdout(`${where}${scope}: ${count} ${count === 1 ? 'problem' : 'problems'}\n`);
      for (const problem of report.problems) context.stdout(line('✗', problem));
    }
    if (report.warnings.length > 0) {
      context.stdout(`${report.warnings.length} ${report.warnings.length === 1 ? 'warning' : 'warnings'}:\n`);
      for (const warning of report.warnings) context.stdout(line('!', warning));
    }
    return report.ok ? EXIT.ok : EXIT.failed;
  },
});
