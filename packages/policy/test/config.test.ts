import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { type ConfigProblem, PolicyConfigError, parsePolicyConfig } from '../src/config';
import { defaultPolicy } from '../src/policy';
import { policyJsonSchema } from '../src/schema';

const FILE = '.github/branch-policy.yml';

function problemsOf(yaml: string): ConfigProblem[] {
  try {
    parsePolicyConfig(yaml, FILE);
  } catch (thrown) {
    if (thrown instanceof PolicyConfigError) return thrown.problems;
    throw thrown;
  }
  throw new Error('expected the config to be refused');
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('valid configs', () => {
  test.each([
    ['an empty file', ''],
    ['only comments', '# branch policy: defaults for now\n'],
    ['an empty mapping', '{}\n'],
    ['version 1 alone', 'version: 1\n'],
  ])('%s gives the default policy', (_, yaml) => {
    expect(parsePolicyConfig(yaml, FILE)).toEqual(defaultPolicy());
  });

  test('a full config resolves every setting', () => {
    const policy = parsePolicyConfig(
      lines(
        '# yaml-language-server: $schema=../docs/schema/branch-policy.schema.json',
        'version: 1',
        'flows:',
        '  - from: [feature/*, fix/*]',
        '    to: development',
        '  - from: development',
        '    to: main',
        'naming:',
        "  ticket: '[A-Z]+-\\d+'",
        '  ticket-branches: [feature/*]',
        '  max-length: 60',
        '  lowercase: true',
        'protected:',
        '  branches: [main]',
        "  allowed-actors: ['release-bot', '*[bot]']",
        'titles:',
        '  types: [feat, fix]',
        '  scopes: [auth, cart]',
        '  require-scope: true',
        "  subject-pattern: '^[a-z]'",
        'exceptions:',
        '  bot-branches: [dependabot/**]',
        '  revert-branches: false',
        '  drafts: enforce',
        '  override-label: false',
        'severity:',
        '  titles: warn',
      ),
      FILE,
    );
    expect(policy).toEqual({
      flows: [
        { from: ['feature/*', 'fix/*'], to: ['development'] },
        { from: ['development'], to: ['main'] },
      ],
      naming: {
        branches: ['feature/*', 'fix/*', 'development'],
        ticket: { pattern: '[A-Z]+-\\d+', branches: ['feature/*'] },
        maxLength: 60,
        lowercase: true,
      },
      protected: { branches: ['main'], allowedActors: ['release-bot', '*[bot]'] },
      titles: {
        types: ['feat', 'fix'],
        scopes: ['auth', 'cart'],
        requireScope: true,
        subjectPattern: '^[a-z]',
      },
      exceptions: { botBranches: ['dependabot/**'], revertBranches: false, drafts: 'enforce' },
      severity: { flows: 'fail', naming: 'fail', protected: 'fail', titles: 'warn' },
    });
  });

  test('an empty titles mapping turns titles on with the conventional types', () => {
    expect(parsePolicyConfig('titles: {}\n', FILE).titles).toEqual({
      types: ['feat', 'fix', 'docs', 'style', 'refactor', 'perf', 'test', 'build', 'ci', 'chore', 'revert'],
      requireScope: false,
    });
  });

  test('naming.branches, when given, replaces the flow sources', () => {
    expect(parsePolicyConfig('naming:\n  branches: [feature/*]\n', FILE).naming.branches).toEqual([
      'feature/*',
    ]);
  });
});

describe('malformed configs: every problem names its key and line', () => {
  test.each<[string, string, Omit<ConfigProblem, 'column'>[]]>([
    [
      'unknown top-level key with a suggestion',
      lines('flow:', '  - from: feature/*', '    to: development'),
      [
        {
          key: 'flow',
          line: 1,
          message:
            "unknown key (did you mean 'flows'?); allowed here: version, flows, naming, protected, titles, exceptions, severity",
        },
      ],
    ],
    [
      'snake_case spelling of a kebab-case key',
      lines('naming:', '  max_length: 40'),
      [
        {
          key: 'naming.max_length',
          line: 2,
          message:
            "unknown key (did you mean 'max-length'?); allowed here: branches, ticket, ticket-branches, max-length, lowercase",
        },
      ],
    ],
    [
      'unknown key inside a flow, without a close match',
      lines('flows:', '  - from: feature/*', '    to: development', '    when: always'),
      [{ key: 'flows[0].when', line: 4, message: 'unknown key; allowed here: from, to' }],
    ],
    [
      'a missing "to"',
      lines('flows:', '  - from: feature/*'),
      [{ key: 'flows[0].to', line: 2, message: 'is required' }],
    ],
    [
      'a number in a branch list',
      lines('flows:', '  - from: feature/*', '    to: [development, 3]'),
      [{ key: 'flows[0].to[1]', line: 3, message: 'expected a string, got 3' }],
    ],
    [
      'a mapping where a pattern belongs',
      lines('flows:', '  - from: { name: feature/* }', '    to: development'),
      [
        {
          key: 'flows[0].from',
          line: 2,
          message: 'expected a branch pattern or a list of branch patterns, got a mapping',
        },
      ],
    ],
    [
      'an empty flows list',
      lines('flows: []'),
      [{ key: 'flows', line: 1, message: 'must list at least one entry' }],
    ],
    [
      'a regular expression used as a branch pattern',
      lines('flows:', "  - from: 'feature/.*'", '    to: development'),
      [
        {
          key: 'flows[0].from',
          line: 2,
          message:
            "'feature/.*' has a path segment starting with '.' or a '..', which git does not allow in branch names (patterns use * and ** only, not regular expressions)",
        },
      ],
    ],
    [
      'an invalid ticket regular expression',
      lines('naming:', "  ticket: '[A-Z+-\\d+'"),
      [
        {
          key: 'naming.ticket',
          line: 2,
          message:
            'is not a valid regular expression: Invalid regular expression: /[A-Z+-\\d+/: Unterminated character class',
        },
      ],
    ],
    [
      'a yes/no instead of a boolean',
      lines('naming:', '  lowercase: yes'),
      [{ key: 'naming.lowercase', line: 2, message: "expected true or false, got 'yes'" }],
    ],
    [
      'a fractional and a too large max-length',
      lines('naming:', '  max-length: 40.5'),
      [{ key: 'naming.max-length', line: 2, message: 'expected a whole number, got 40.5' }],
    ],
    [
      'a max-length beyond git limits',
      lines('naming:', '  max-length: 1000'),
      [{ key: 'naming.max-length', line: 2, message: 'must be at most 255, got 1000' }],
    ],
    [
      'an empty section',
      lines('naming:', 'titles: {}'),
      [{ key: 'naming', line: 1, message: 'is empty; remove the key for the defaults, or write {}' }],
    ],
    [
      'a title type with upper case',
      lines('titles:', '  types: [feat, Fix]'),
      [{ key: 'titles.types[1]', line: 2, message: 'must be a lower-case word such as feat' }],
    ],
    [
      'an unknown drafts mode',
      lines('exceptions:', '  drafts: skip'),
      [{ key: 'exceptions.drafts', line: 2, message: 'must be one of "warn", "enforce", got \'skip\'' }],
    ],
    [
      'override-label: true',
      lines('exceptions:', '  override-label: true'),
      [
        {
          key: 'exceptions.override-label',
          line: 2,
          message: 'expected a label name, or false to disable, got true',
        },
      ],
    ],
    [
      'an unknown severity',
      lines('severity:', '  flows: error'),
      [{ key: 'severity.flows', line: 2, message: 'must be one of "fail", "warn", got \'error\'' }],
    ],
    [
      'a future version',
      lines('version: 2'),
      [{ key: 'version', line: 1, message: 'must be one of 1, got 2' }],
    ],
    [
      'a list instead of a mapping at the top',
      lines('- feature/*'),
      [{ key: '', line: 1, message: 'expected a mapping of keys to values, got a list' }],
    ],
    [
      'a duplicate key',
      lines('naming:', '  lowercase: true', '  lowercase: false'),
      [{ key: '', line: 3, message: 'YAML syntax: Map keys must be unique' }],
    ],
    [
      'a double-quoted backslash escape YAML rejects',
      lines('naming:', '  ticket: "[A-Z]+-\\d+"'),
      [{ key: '', line: 2, message: 'YAML syntax: Invalid escape sequence \\d' }],
    ],
  ])('%s', (_, yaml, expected) => {
    expect(problemsOf(yaml).map(({ column: _column, ...problem }) => problem)).toEqual(expected);
  });

  test('several problems are all reported, in file order, in one message', () => {
    const yaml = lines('naming:', '  lowercase: maybe', 'exceptions:', '  drafts: skip', 'extra: 1');
    let message = '';
    try {
      parsePolicyConfig(yaml, FILE);
    } catch (thrown) {
      message = (thrown as Error).message;
    }
    expect(message).toBe(
      [
        '.github/branch-policy.yml is not a valid branch policy (3 problems):',
        "  .github/branch-policy.yml:2:14: naming.lowercase: expected true or false, got 'maybe'",
        '  .github/branch-policy.yml:4:11: exceptions.drafts: must be one of "warn", "enforce", got \'skip\'',
        '  .github/branch-policy.yml:5:1: extra: unknown key; allowed here: version, flows, naming, protected, titles, exceptions, severity',
      ].join('\n'),
    );
  });

  test('the error is a UserError, shown without a stack trace', () => {
    expect(() => parsePolicyConfig('bogus: 1\n', FILE)).toThrow(
      expect.objectContaining({ name: 'PolicyConfigError' }),
    );
    try {
      parsePolicyConfig('bogus: 1\n', FILE);
    } catch (thrown) {
      expect((thrown as Error).constructor.name).toBe('PolicyConfigError');
      expect(Object.getPrototypeOf(PolicyConfigError.prototype).constructor.name).toBe('UserError');
    }
  });
});

describe('the published JSON Schema', () => {
  const published = new URL('../../../docs/schema/branch-policy.schema.json', import.meta.url);

  test('docs/schema/branch-policy.schema.json equals the schema the action validates with (regenerate: npm run schema -w packages/policy)', () => {
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(policyJsonSchema());
  });

  test('refuses unknown keys at every level, like the action', () => {
    const objects: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.type === 'object') objects.push(record);
        Object.values(record).forEach(walk);
      }
    };
    walk(policyJsonSchema());
    expect(objects.length).toBeGreaterThanOrEqual(7);
    expect(objects.filter((o) => o.additionalProperties !== false)).toEqual([]);
  });

  test('every key is in the reference table of docs/branch-policy.md', () => {
    const docs = readFileSync(new URL('../../../docs/branch-policy.md', import.meta.url), 'utf8');
    type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[] };
    const paths: string[] = [];
    const collect = (node: Node, prefix: string): void => {
      for (const option of node.anyOf ?? [node]) {
        if (option.items) collect(option.items, `${prefix}[]`);
        for (const [key, child] of Object.entries(option.properties ?? {})) {
          const path = prefix ? `${prefix}.${key}` : key;
          paths.push(path);
          collect(child, path);
        }
      }
    };
    collect(policyJsonSchema() as Node, '');
    expect(paths).toContain('flows[].from');
    expect(paths).toContain('exceptions.override-label');
    // severity.* are described together in one row.
    const undocumented = paths.filter(
      (path) => !path.startsWith('severity.') && !docs.includes(`| \`${path}\` |`),
    );
    expect(undocumented).toEqual([]);
  });
});
