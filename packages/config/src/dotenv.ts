/**
 * A small `.env` reader and writer. Accepted:
 *   KEY=value            unquoted; a ` #` starts a comment; surrounding spaces are dropped
 *   export KEY=value     the shell prefix is ignored
 *   KEY='literal'        no escapes; may span lines
 *   KEY="text\n"         \n \r \t \" \\ \$ escapes; may span lines
 *   # comment, blank lines, CRLF line ends, a UTF-8 byte order mark
 * No `${VAR}` expansion: values are taken as written. Problems name the line and the key, never the value,
 * since a broken line may hold a secret.
 */

export interface EnvEntry {
  key: string;
  value: string;
  /** 1-based line where the entry starts. */
  line: number;
  /** 1-based line where it ends (later than `line` for multi-line quoted values). */
  endLine: number;
}

export interface EnvParseProblem {
  line: number;
  /** The key, when the line got far enough to have one. */
  key?: string;
  message: string;
}

export interface ParsedEnv {
  /** Every assignment in order, duplicates included. */
  entries: EnvEntry[];
  /** The last value of each key, as a shell would leave it. */
  values: Record<string, string>;
  /** Keys assigned more than once. */
  duplicates: string[];
  problems: EnvParseProblem[];
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  '"': '"',
  '\\': '\\',
  $: '$',
};

export function parseEnv(text: string): ParsedEnv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: EnvEntry[] = [];
  const problems: EnvParseProblem[] = [];
  let index = 0;
  while (index < lines.length) {
    const lineNumber = index + 1;
    // Only leading space goes: trailing space may belong to a quoted value that continues below.
    const line = (lines[index] ?? '').trimStart();
    index += 1;
    if (line.trim() === '' || line.startsWith('#')) continue;

    const assignment = /^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/.exec(line);
    if (!assignment) {
      problems.push({ line: lineNumber, message: 'is not a KEY=value assignment' });
      continue;
    }
    const key = assignment[1] as string;
    const rest = assignment[2] as string;
    if (!KEY.test(key)) {
      problems.push({
        line: lineNumber,
        message: 'has a key that is not a variable name (letters, digits and _, not starting with a digit)',
      });
      continue;
    }

    const quote = rest[0];
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      entries.push({ key, value: stripInlineComment(rest), line: lineNumber, endLine: lineNumber });
      continue;
    }

    // A quoted value runs to its closing quote, possibly lines later.
    let body = rest.slice(1);
    let closing = findClosingQuote(body, quote);
    while (closing < 0 && index < lines.length) {
      body += `\n${lines[index] ?? ''}`;
      index += 1;
      closing = findClosingQuote(body, quote);
    }
    if (closing < 0) {
      problems.push({
        line: lineNumber,
        key,
        message: `has a ${quoteName(quote)} quote that is never closed`,
      });
      continue;
    }
    const after = body.slice(closing + 1).trim();
    if (after !== '' && !after.startsWith('#')) {
      problems.push({
        line: lineNumber,
        key,
        message: 'has text after the closing quote (only a # comment may follow)',
      });
      continue;
    }
    const raw = body.slice(0, closing);
    entries.push({
      key,
      value: quote === '"' ? unescapeDoubleQuoted(raw) : raw,
      line: lineNumber,
      endLine: index,
    });
  }

  const values: Record<string, string> = {};
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.key)) duplicates.add(entry.key);
    seen.add(entry.key);
    values[entry.key] = entry.value;
  }
  return { entries, values, duplicates: [...duplicates], problems };
}

function stripInlineComment(value: string): string {
  const comment = value.search(/\s#/);
  return (comment < 0 ? value : value.slice(0, comment)).trim();
}

function findClosingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') {
      i += 1;
      continue;
    }
    if (body[i] === quote) return i;
  }
  return -1;
}

function unescapeDoubleQuoted(raw: string): string {
  return raw.replace(/\\(.)/gs, (whole, next: string) => DOUBLE_QUOTE_ESCAPES[next] ?? whole);
}

function quoteName(quote: string): string {
  return quote === '"' ? 'double' : quote === "'" ? 'single' : 'back';
}

/** A value written so that `parseEnv` reads it back exactly: bare when that is safe, else quoted. */
export function formatEnvValue(value: string): string {
  if (/^[A-Za-z0-9_./:@,+=%-]*$/.test(value)) return value;
  if (!value.includes("'") && !value.includes('\r')) return `'${value}'`;
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$/g, '\\$');
  return `"${escaped}"`;
}

/** `KEY=value` lines for the given entries, in order, with a trailing newline. */
export function formatEnv(values: Iterable<[string, string]>): string {
  const lines: string[] = [];
  for (const [key, value] of values) {
    if (!KEY.test(key)) throw new Error(`'${key}' is not a valid variable name`);
    lines.push(`${key}=${formatEnvValue(value)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * `text` with each key in `updates` set: an existing assignment is replaced where it stands (its other
 * assignments removed), a new key is appended. Comments and other lines are kept as they are.
 */
export function setEnvValues(
  text: string,
  updates: Readonly<Record<string, string>>,
  appendHeader?: string,
): string {
  const parsed = parseEnv(text);
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const replaced = new Set<string>();
  // Work from the bottom up so earlier line numbers stay valid.
  for (const entry of [...parsed.entries].reverse()) {
    const value = updates[entry.key];
    if (value === undefined) continue;
    const isFirst = parsed.entries.find((e) => e.key === entry.key) === entry;
    lines.splice(
      entry.line - 1,
      entry.endLine - entry.line + 1,
      ...(isFirst ? [`${entry.key}=${formatEnvValue(value)}`] : []),
    );
    replaced.add(entry.key);
  }
  const added = Object.entries(updates).filter(([key]) => !replaced.has(key));
  if (added.length > 0) {
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
    if (appendHeader) lines.push(...appendHeader.split('\n').map((line) => `# ${line}`));
    lines.push(...formatEnv(added).trimEnd().split('\n'));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
