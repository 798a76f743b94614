import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

/**
 * The GitHub runner's protocol, as `@actions/core` speaks it: workflow commands on stdout
 * (`::error title=…::message`), and outputs, state and the job summary appended to the files the
 * runner names (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY). Spoken here rather than through
 * `@actions/core`, which loads an HTTP client (undici, for OIDC tokens no action asks for) when it is
 * imported: most of the time an action took to reach its first input (docs/benchmarks.md). The test
 * of this module checks it writes what `@actions/core` writes.
 */

/** Where an annotation points (the names `@actions/core` uses). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

function commandValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function escapeData(value: unknown): string {
  return commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Writes `::command key=value,…::message` to stdout. */
export function issueCommand(command: string, properties: Record<string, unknown>, message: unknown): void {
  const listed = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${listed ? ` ${listed}` : ''}::${escapeData(message)}${EOL}`);
}

function annotation(
  level: 'error' | 'warning' | 'notice',
  message: string | Error,
  where: AnnotationProperties,
) {
  issueCommand(
    level,
    {
      title: where.title,
      file: where.file,
      line: where.startLine,
      endLine: where.endLine,
      col: where.startColumn,
      endColumn: where.endColumn,
    },
    message instanceof Error ? message.toString() : message,
  );
}

/** Appends `name<<delimiter … delimiter` to the file the runner names in GITHUB_<kind>. */
function appendKeyValue(kind: 'OUTPUT' | 'STATE', name: string, value: unknown): void {
  const path = process.env[`GITHUB_${kind}`] as string;
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const text = commandValue(value);
  if (name.includes(delimiter) || text.includes(delimiter))
    throw new Error(`Unexpected input: the ${kind.toLowerCase()} contains the delimiter ${delimiter}`);
  appendFileSync(path, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

export function notice(message: string | Error, where: AnnotationProperties = {}): void {
  annotation('notice', message, where);
}

export function warning(message: string | Error, where: AnnotationProperties = {}): void {
  annotation('warning', message, where);
}

export function error(message: string | Error, where: AnnotationProperties = {}): void {
  annotation('error', message, where);
}

/** Fails the step: exit code 1 and an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** Asks the runner to mask the value in every log line from now on. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) {
    appendKeyValue('OUTPUT', name, value);
  } else {
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, commandValue(value));
  }
}

/** Saves a value for the action's post step, which reads it with `getState`. */
export function saveState(name: string, value: unknown): void {
  if (process.env.GITHUB_STATE) appendKeyValue('STATE', name, value);
  else issueCommand('save-state', { name }, commandValue(value));
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] || '';
}

/** Appends markdown (and a line end) to the job summary; a run outside the runner has none. */
export async function appendSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  await appendFile(path, `${markdown}${EOL}`, { encoding: 'utf8' });
}
