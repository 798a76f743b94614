import {
  BUCKETS_PREFIX,
  isOplog,
  type Namespace,
  type NamespaceType,
  namespaceName,
  type PreludeNamespace,
} from '@shipkit/archive';
import { OptionError, type OptionText, ref, say, UserError } from '@shipkit/runtime';
import type { MongoClient } from 'mongodb';
import type { NamespaceMapper } from './namespaces';
import { type Leftover, parseStagingName, stagingName } from './staging-names';

/** What a target namespace holds before the restore. */
export type TargetState =
  | { kind: 'absent' }
  | { kind: 'collection' | 'timeseries'; documents: number }
  | { kind: 'view' };

/**
 * - `create`: the target does not exist; it is created with the archive's options.
 * - `reuse`: an empty collection of the same kind exists. A staged restore swaps the restored
 *   collection in for it (it holds no documents, so nothing is lost); a direct one inserts into it.
 * - `replace`: the target exists and `drop` was given: the restored namespace is swapped in for it,
 *   and what it held is dropped only after every namespace was swapped (staged restores only).
 * - `refuse`: the target holds documents, is a view, or is of another kind, and `drop` was not given;
 *   or it cannot be swapped (a time-series collection).
 */
export type PlannedAction = 'create' | 'reuse' | 'replace' | 'refuse';

export interface PlannedNamespace {
  source: Namespace;
  target: Namespace;
  type: NamespaceType;
  /** The prelude entry: options, indexes. */
  entry: PreludeNamespace;
  existing: TargetState;
  action: PlannedAction;
  /**
   * Where the documents and indexes go: a staging collection in the target's database, swapped in
   * once the restore is proven; or the target itself when the restore writes directly (a scratch
   * restore, or a time-series collection, which cannot be renamed). A view is created at the swap.
   */
  writeTo: Namespace;
  /** Why the namespace is refused: it holds data (without drop), or it cannot be swapped. */
  refusal?: 'occupied' | 'not-swappable';
  /** For a view: the collection it reads in the target database (following a renamed source). */
  viewOn?: string;
}

export interface RestorePlan {
  namespaces: PlannedNamespace[];
  /** Source namespaces left out by include/exclude. */
  excluded: string[];
  /** Source namespaces never restored, with the reason (oplog, users and roles, internal collections). */
  skipped: { namespace: string; reason: string }[];
  /** Databases written to, sorted: what `confirm` must list. */
  targetDatabases: string[];
  /** The id naming this run's staging collections; absent when the restore writes directly. */
  run?: string;
  /** Staging collections of earlier, interrupted restores, found in the target databases. */
  leftovers: Leftover[];
  /** Worth saying before anything is written (a view that keeps reading another database). */
  warnings: string[];
}

export interface PlanOptions {
  /** Replace target namespaces that exist (staged restores only). */
  drop: boolean;
  /**
   * The run id that names the staging collections. Without it the restore writes straight into the
   * targets, which is only for targets nobody else uses (a scratch server under fresh names): then
   * nothing may be replaced.
   */
  run?: string;
}

/** Why a source namespace is not restored at all, whatever the filters say; undefined if it is. */
export function unrestorableReason(ns: Namespace): string | undefined {
  if (isOplog(ns)) return 'the oplog is not replayed (point-in-time restore is not supported)';
  if (ns.db === 'local' || ns.db === 'config') return `the ${ns.db} database belongs to the server`;
  if (ns.db === 'admin' && ns.collection.startsWith('system.')) {
    return 'users, roles and server settings are not restored; recreate them on the target';
  }
  if (
    ns.collection.startsWith('system.') &&
    !ns.collection.startsWith(BUCKETS_PREFIX) &&
    ns.collection !== 'system.js'
  ) {
    return 'system collections are managed by the server';
  }
  return undefined;
}

/** Decides what happens to each namespace of the prelude, looking at (never changing) the target. */
export async function planRestore(
  client: MongoClient,
  prelude: readonly PreludeNamespace[],
  mapper: NamespaceMapper,
  options: PlanOptions,
): Promise<RestorePlan> {
  const { drop, run } = options;
  if (drop && run === undefined) throw new Error('drop needs a staged restore (a run id)');
  const plan: RestorePlan = {
    namespaces: [],
    excluded: [],
    skipped: [],
    targetDatabases: [],
    ...(run === undefined ? {} : { run }),
    leftovers: [],
    warnings: [],
  };
  const chosen: { entry: PreludeNamespace; target: Namespace }[] = [];
  for (const entry of prelude) {
    const source = { db: entry.db, collection: entry.collection };
    const reason = unrestorableReason(source);
    if (reason) plan.skipped.push({ namespace: namespaceName(source), reason });
    else if (!mapper.selects(source)) plan.excluded.push(namespaceName(source));
    else chosen.push({ entry, target: mapper.target(source) });
  }
  const seen = new Map<string, string>();
  for (const { entry, target } of chosen) {
    const name = namespaceName(target);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new UserError(
        `Both ${earlier} and ${namespaceName(entry)} would be restored into ${name}; change 'ns-from'/'ns-to'.`,
      );
    }
    seen.set(name, namespaceName(entry));
  }

  const existingByDb = new Map<string, Map<string, NamespaceType>>();
  for (const db of new Set(chosen.map((c) => c.target.db))) {
    const listed = await client.db(db).listCollections({}, { nameOnly: false }).toArray();
    existingByDb.set(
      db,
      new Map(listed.map((info) => [info.name, (info.type ?? 'collection') as NamespaceType])),
    );
    for (const { name } of listed) {
      const staging = parseStagingName(name);
      if (staging && staging.run !== run) plan.leftovers.push({ db, name, ...staging });
    }
  }
  for (const { entry, target } of chosen) {
    const existing = await targetState(client, target, existingByDb.get(target.db)?.get(target.collection));
    const decision = decide(entry.type, target, existing, drop, run !== undefined);
    const viewOn = entry.type === 'view' ? viewSource(entry, target, mapper, plan.warnings) : undefined;
    plan.namespaces.push({
      source: { db: entry.db, collection: entry.collection },
      target,
      type: entry.type,
      entry,
      existing,
      ...decision,
      writeTo:
        run !== undefined && stageable(entry.type, target)
          ? { db: target.db, collection: stagingName(run, 'new', target.collection) }
          : target,
      ...(viewOn === undefined ? {} : { viewOn }),
    });
  }
  plan.targetDatabases = [...new Set(plan.namespaces.map((n) => n.target.db))].sort();
  return plan;
}

/**
 * Whether a namespace's data can be restored under a staging name and renamed into place: renames
 * within a database are atomic on MongoDB. Time-series collections cannot be renamed (MongoDB
 * before 8.3), and `system.*` names are the server's; views hold no data (they are created at the swap).
 */
function stageable(type: NamespaceType, target: Namespace): boolean {
  return type === 'collection' && !target.collection.startsWith('system.');
}

/** A view reads a collection of its own database: it follows that collection if it was renamed. */
function viewSource(
  entry: PreludeNamespace,
  target: Namespace,
  mapper: NamespaceMapper,
  warnings: string[],
): string | undefined {
  const options = entry.metadata?.options as { viewOn?: unknown } | undefined;
  if (typeof options?.viewOn !== 'string') return undefined;
  const read = mapper.target({ db: entry.db, collection: options.viewOn });
  if (read.db === target.db) return read.collection;
  warnings.push(
    `view ${namespaceName(target)} reads ${entry.db}.${options.viewOn}, which is restored into another ` +
      `database (${namespaceName(read)}); the view keeps reading ${target.db}.${options.viewOn}`,
  );
  return options.viewOn;
}

async function targetState(
  client: MongoClient,
  target: Namespace,
  type: NamespaceType | undefined,
): Promise<TargetState> {
  if (type === undefined) return { kind: 'absent' };
  if (type === 'view') return { kind: 'view' };
  const collection = client.db(target.db).collection(target.collection);
  const any = await collection.findOne({}, { projection: { _id: 1 } });
  const documents = any === null ? 0 : Math.max(1, await collection.estimatedDocumentCount());
  return { kind: type, documents };
}

function decide(
  type: NamespaceType,
  target: Namespace,
  existing: TargetState,
  drop: boolean,
  staged: boolean,
): Pick<PlannedNamespace, 'action' | 'refusal'> {
  if (existing.kind === 'absent') return { action: 'create' };
  // What cannot be renamed cannot be swapped: replacing it would destroy it before the check.
  const swappable = existing.kind !== 'timeseries' && (type === 'view' || stageable(type, target));
  if (staged && !swappable) return { action: 'refuse', refusal: 'not-swappable' };
  if (drop) return { action: 'replace' };
  // An empty collection of the same kind can take the documents; anything else would be overwritten.
  if (existing.kind === type && existing.kind !== 'view' && existing.documents === 0)
    return { action: 'reuse' };
  return { action: 'refuse', refusal: 'occupied' };
}

/**
 * The refusal, naming every namespace that would be overwritten or cannot be swapped, and the data
 * an interrupted swap left under staging names (it may be all that is left of a target).
 */
export function refusalError(plan: RestorePlan): OptionError | undefined {
  const refused = (why: PlannedNamespace['refusal']) =>
    plan.namespaces
      .filter((n) => n.action === 'refuse' && n.refusal === why)
      .map((n) => `${namespaceName(n.target)} (${describeState(n.existing)})`)
      .join(', ');
  const occupied = refused('occupied');
  const fixed = refused('not-swappable');
  const previous = plan.leftovers.filter((l) => l.role === 'old');
  // What is in the way, then what to do about it.
  const found: (string | OptionText)[] = [];
  const advice: (string | OptionText)[] = [];
  if (occupied) {
    found.push(say`Refusing to restore into existing namespaces without ${ref('drop')}: ${occupied}.`);
    advice.push(
      say`Restore under other names (${ref('ns-from')}/${ref('ns-to')}), or give ${ref('drop')} to replace them.`,
    );
  }
  if (fixed) {
    found.push(
      `Refusing to replace ${fixed}: a time-series collection cannot be renamed (MongoDB before 8.3), ` +
        'so a restored one cannot be swapped in after the check, and replacing it would destroy it first.',
    );
    advice.push(
      say`Restore time-series collections under other names (${ref('ns-from')}/${ref('ns-to')}), or drop the existing one yourself once \`shipkit verify\` passed on this backup.`,
    );
  }
  if (previous.length > 0) {
    const listed = previous.map((l) => `${l.db}.${l.name} (what ${l.db}.${l.collection} held)`).join(', ');
    found.push(`An earlier restore was interrupted while swapping and left previous data in ${listed}.`);
    advice.push('Check each one, rename it back to its name or drop it, then run the restore again.');
  }
  if (found.length === 0) return undefined;
  const sentences = [...found, 'Nothing was written.', ...advice];
  return OptionError.saying(
    sentences.flatMap((sentence, i) => [...(i > 0 ? [' '] : []), ...asText(sentence)]),
  );
}

export function describeState(state: TargetState): string {
  switch (state.kind) {
    case 'absent':
      return 'absent';
    case 'view':
      return 'an existing view';
    default:
      return state.documents === 0
        ? `an empty ${state.kind}`
        : `holds ~${state.documents.toLocaleString('en-US')} document${state.documents === 1 ? '' : 's'}`;
  }
}

function asText(sentence: string | OptionText): OptionText {
  return typeof sentence === 'string' ? [sentence] : sentence;
}
