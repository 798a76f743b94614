import { formatEnvValue } from './dotenv';
import { GROUP_TITLES, PLACE_LABELS, VARIABLES, type VariableSpec } from './variables';

export interface EnvExampleOptions {
  variables?: readonly VariableSpec[];
  /** Example values to show instead of the schema's, e.g. one client's database name. */
  examples?: Readonly<Record<string, string>>;
  /** A line under the header naming who the file is for. */
  subject?: string;
}

const WIDTH = 110;

/** The text of `.env.example`: every variable with what it is, whether it is needed, where it goes. */
export function renderEnvExample(options: EnvExampleOptions = {}): string {
  const variables = options.variables ?? VARIABLES;
  const lines = [
    '# Every variable one instance of the shop needs: the GitHub workflows, the Render service and',
    '# `shipkit init-client` read these names. Generated from packages/config (`npm run env-example`):',
    '# change the schema there, not this file.',
    ...(options.subject ? [`# ${options.subject}`] : []),
    '#',
    '# Copy it to .env (never commit that file), fill it in, then check it without printing any value:',
    '#   npx shipkit env-check --file .env',
    '# An empty value means unset. Secrets go to GitHub secrets or the Render environment, never to git.',
  ];
  let group: string | undefined;
  for (const spec of variables) {
    if (spec.group !== group) {
      group = spec.group;
      lines.push(
        '',
        `# ── ${GROUP_TITLES[spec.group]} ${'─'.repeat(Math.max(3, 60 - GROUP_TITLES[spec.group].length))}`,
      );
    }
    const example = options.examples?.[spec.name] ?? spec.example;
    lines.push('', ...wrap(`${spec.name}: ${spec.description}`));
    lines.push(
      ...wrap(`${requirementText(spec)} · ${spec.secret ? 'secret' : 'not secret'} · ${placesText(spec)}`),
    );
    if (!spec.exampleAsValue) lines.push(...wrap(`Example: ${example}`));
    lines.push(`${spec.name}=${spec.exampleAsValue ? formatEnvValue(example) : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function requirementText(spec: VariableSpec): string {
  if (spec.requirement === 'required') return 'Required';
  if (spec.requirement === 'optional') return 'Optional';
  return `Conditional: ${spec.condition ?? 'see the description'}`;
}

function placesText(spec: VariableSpec): string {
  return spec.places.map((place) => PLACE_LABELS[place]).join(', ');
}

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > WIDTH && line !== '#') {
      lines.push(line);
      line = '#  ';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}
