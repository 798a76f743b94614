import { UserError } from '@shipkit/runtime';
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Policy, resolvePolicy } from './policy';
import { policyConfigSchema, policyJsonSchema } from './schema';

export const DEFAULT_CONFIG_PATH = '.github/branch-policy.yml';

export interface ConfigProblem {
  /** `naming.max-length`, `flows[1].to`; empty for the whole file. */
  key: string;
  line: number;
  column: number;
  message: string;
}

/** A config file the action cannot use: every problem, each with its key and line. */
export class PolicyConfigError extends UserError {
  override name = 'PolicyConfigError';
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `${file} is not a valid branch policy (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n` +
        problems
          .map((p) => `  ${file}:${p.line}:${p.column}: ${p.key ? `${p.key}: ` : ''}${p.message}`)
          .join('\n'),
    );
  }
}

/** Parses and validates a policy file; throws PolicyConfigError naming each bad key and its line. */
export function parsePolicyConfig(text: string, file = DEFAULT_CONFIG_PATH): Policy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    throw new PolicyConfigError(
      file,
      doc.errors.map((error) => ({
        key: '',
        ...position(error.pos[0]),
        message: `YAML syntax: ${error.message}`,
      })),
    );
  }
  // An empty file (or one with only comments) means "all defaults".
  const data = doc.contents === null ? {} : doc.toJS();
  const result = policyConfigSchema.safeParse(data, { reportInput: true });
  if (result.success) return resolvePolicy(result.data);

  const locate = (path: PropertyKey[], key?: string) => position(offsetOf(doc.contents, path, key));
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, []));
  throw new PolicyConfigError(
    file,
    problems
      .map((p) => ({
        key: formatKey(p.path),
        ...locate(p.path.slice(0, p.keyIsUnknown ? -1 : undefined), p.unknownKey),
        message: p.message,
      }))
      .sort((a, b) => a.line - b.line || a.column - b.column),
  );
}

interface IssueDescription {
  path: PropertyKey[];
  message: string;
  keyIsUnknown?: boolean;
  unknownKey?: string;
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, prefix: PropertyKey[]): IssueDescription[] {
  const path = [...prefix, ...issue.path];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: unknownKeyMessage(key, allowedKeysAt(path)),
        keyIsUnknown: true,
        unknownKey: key,
      }));
    case 'invalid_type':
      return [
        {
          path,
          message: invalidTypeMessage(issue.expected, input),
        },
      ];
    case 'invalid_value':
      return [
        {
          path,
          message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(input)}`,
        },
      ];
    case 'too_small':
      return [{ path, message: tooSmallMessage(issue.origin, issue.minimum) }];
    case 'too_big':
      return [{ path, message: `must be at most ${issue.maximum}, got ${describeValue(input)}` }];
    case 'invalid_union': {
      if (input === undefined) return [{ path, message: 'is required' }];
      // A list with a bad entry: report the entry, not "neither a string nor a list".
      const deeper = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0));
      if (deeper) return deeper.flatMap((inner) => describeIssue(inner, path));
      return [{ path, message: `${issue.message}, got ${describeValue(input)}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

function invalidTypeMessage(expected: string, input: unknown): string {
  if (input === undefined) return 'is required';
  // `naming:` with nothing after it: YAML reads null, the user meant "defaults".
  if (input === null && expected === 'object')
    return 'is empty; remove the key for the defaults, or write {}';
  return `expected ${typeName(expected)}, got ${describeValue(input)}`;
}

function tooSmallMessage(origin: string, minimum: number | bigint): string {
  if (origin === 'array') return 'must list at least one entry';
  if (origin === 'string') return 'must not be empty';
  return `must be at least ${minimum}`;
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys to values',
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

function formatKey(path: PropertyKey[]): string {
  return path.reduce<string>(
    (key, part) =>
      typeof part === 'number' ? `${key}[${part}]` : key ? `${key}.${String(part)}` : String(part),
    '',
  );
}

/** Where a path points in the file: the value's node, or the nearest ancestor that exists. */
function offsetOf(root: unknown, path: PropertyKey[], unknownKey?: string): number {
  let node = root as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const part of path) {
    const child = childOf(node, part);
    if (!child) break;
    node = child;
    offset = child.range?.[0] ?? offset;
  }
  if (unknownKey !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === unknownKey);
    const keyNode = pair?.key as Node | undefined;
    if (keyNode?.range) offset = keyNode.range[0];
  }
  return offset;
}

function childOf(node: Node | null, part: PropertyKey): Node | null {
  if (!node || typeof node !== 'object' || !('items' in node)) return null;
  const items = (node as { items: unknown[] }).items;
  if (typeof part === 'number') return (items[part] as Node | undefined) ?? null;
  if (!isMap(node)) return null;
  const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part);
  return (pair?.value as Node | null | undefined) ?? (pair?.key as Node | undefined) ?? null;
}

type JsonSchemaNode = {
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
};

/** The keys allowed at a path, read from the published schema, for "did you mean" hints. */
function allowedKeysAt(path: PropertyKey[]): string[] {
  let node: JsonSchemaNode | undefined = policyJsonSchema() as JsonSchemaNode;
  for (const part of path) {
    if (!node) return [];
    const options: JsonSchemaNode[] = node.anyOf ?? [node];
    node =
      typeof part === 'number'
        ? options.find((o) => o.items)?.items
        : options.find((o) => o.properties?.[String(part)])?.properties?.[String(part)];
  }
  return Object.keys(node?.properties ?? {});
}

function unknownKeyMessage(key: string, allowed: string[]): string {
  const closest = allowed
    .map((candidate) => ({ candidate, distance: editDistance(normalizeKey(key), normalizeKey(candidate)) }))
    .sort((a, b) => a.distance - b.distance)[0];
  const hint =
    closest && closest.distance <= Math.max(2, Math.floor(key.length / 3))
      ? ` (did you mean '${closest.candidate}'?)`
      : '';
  const list = allowed.length > 0 ? `; allowed here: ${allowed.join(', ')}` : '';
  return `unknown key${hint}${list}`;
}

// `max_length`, `maxLength` and `max-length` are the same key to a human.
function normalizeKey(key: string): string {
  return key.replace(/[-_]/g, '').toLowerCase();
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
