import { createHash } from 'node:crypto';
import { unifiedDiff } from './diff';
import type { FileStore } from './store';

/** Where init-client remembers what it generated, so a re-run can tell its own output from local edits. */
export const STATE_PATH = '.shipkit/generated.json';

export interface GeneratedState {
  generator: 'shipkit init-client';
  client: string;
  suite: { repository: string; version: string; ref: string };
  /** sha256 of each file as last generated, by path. */
  files: Record<string, string>;
}

export type FileAction =
  /** Did not exist: written. */
  | 'create'
  /** Unchanged since generated, and the generated text changed: rewritten. */
  | 'update'
  /** Already what would be generated. */
  | 'unchanged'
  /** Edited (or deleted) locally, and the generated text did not change: left as it is. */
  | 'kept'
  /** Edited locally (or not ours) and the generated text differs: left as it is; --force overwrites. */
  | 'conflict'
  /** A conflict overwritten because of --force. */
  | 'overwrite';

export interface FilePlan {
  path: string;
  action: FileAction;
  /** What writing would change (empty when nothing). */
  diff: string;
  /** The generated text. */
  content: string;
  /** True when the file is absent because it was deleted after being generated. */
  deletedLocally?: boolean;
}

export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Decides per file what a run does. `current` is what is on disk now; `recorded` the hash of what the
 * last run generated. Local edits survive unless `force`.
 */
export function planFile(
  path: string,
  desired: string,
  current: string | undefined,
  recorded: string | undefined,
  force: boolean,
): FilePlan {
  const plan = (action: FileAction, extra: Partial<FilePlan> = {}): FilePlan => ({
    path,
    action,
    diff: action === 'unchanged' || action === 'kept' ? '' : unifiedDiff(path, current, desired),
    content: desired,
    ...extra,
  });
  if (current === desired) return plan('unchanged');
  if (current === undefined) {
    if (recorded === undefined) return plan('create');
    if (recorded === contentHash(desired))
      return plan(force ? 'overwrite' : 'kept', { deletedLocally: true });
    return plan(force ? 'overwrite' : 'conflict', { deletedLocally: true });
  }
  if (recorded !== undefined && contentHash(current) === recorded) return plan('update');
  if (recorded !== undefined && recorded === contentHash(desired) && !force) return plan('kept');
  return plan(force ? 'overwrite' : 'conflict');
}

export const WRITES: readonly FileAction[] = ['create', 'update', 'overwrite'];

export interface GenerateOutcome {
  files: FilePlan[];
  /** Whether anything was (or, in a dry run, would be) written, the state file included. */
  changed: boolean;
}

export async function readState(store: FileStore): Promise<GeneratedState | undefined> {
  const text = await store.read(STATE_PATH);
  if (text === undefined) return undefined;
  try {
    const state = JSON.parse(text) as GeneratedState;
    return state && typeof state.files === 'object' ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Plans every file, writes what the plan says (unless `dryRun`) and records the hashes of what it wrote. */
export async function generateFiles(
  store: FileStore,
  desired: ReadonlyMap<string, string>,
  meta: Omit<GeneratedState, 'files' | 'generator'>,
  options: { force: boolean; dryRun: boolean },
): Promise<GenerateOutcome> {
  const previous = await readState(store);
  const files: FilePlan[] = [];
  for (const [path, content] of desired) {
    const current = await store.read(path);
    files.push(planFile(path, content, current, previous?.files[path], options.force));
  }
  const recorded: Record<string, string> = {};
  for (const file of files) {
    const keepsOld = file.action === 'conflict' || file.action === 'kept';
    const hash = keepsOld ? previous?.files[file.path] : contentHash(file.content);
    if (hash !== undefined) recorded[file.path] = hash;
  }
  const state: GeneratedState = {
    generator: 'shipkit init-client',
    ...meta,
    files: Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b))),
  };
  const stateText = `${JSON.stringify(state, null, 2)}\n`;
  const stateChanged = (await store.read(STATE_PATH)) !== stateText;
  const writes = files.filter((file) => WRITES.includes(file.action));
  if (!options.dryRun) {
    for (const file of writes) await store.write(file.path, file.content);
    if (stateChanged) await store.write(STATE_PATH, stateText);
  }
  return { files, changed: writes.length > 0 || stateChanged };
}
