import { UserError } from '@shipkit/action-kit';
import {
  BUCKETS_PREFIX,
  isOplog,
  type Namespace,
  type NamespaceType,
  namespaceName,
  type PreludeNamespace,
} from '@shipkit/archive';
import type { MongoClient } from 'mongodb';
import type { NamespaceMapper } from './namespaces';

/** What a target namespace holds before the restore. */
export type TargetState =
  | { kind: 'absent' }
  | { kind: 'collection' | 'timeseries'; documents: number }
  | { kind: 'view' };

/**
 * - `create`: the target does not exist; it is created with the archive's options.
 * - `reuse`: an empty collection exists; documents go into it as it is (its options are kept).
 * - `replace`: the target exists and `drop` was given: it is dropped, then created.
 * - `refuse`: the target holds documents, is a view, or is of another kind, and `drop` was not given.
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
}

export interface RestorePlan {
  namespaces: PlannedNamespace[];
  /** Source namespaces left out by include/exclude. */
  excluded: string[];
  /** Source namespaces never restored, with the reason (oplog, users and roles, internal collections). */
  skipped: { namespace: string; reason: string }[];
  /** Databases written to, sorted: what `confirm` must list. */
  targetDatabases: string[];
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
  drop: boolean,
): Promise<RestorePlan> {
  const plan: RestorePlan = { namespaces: [], excluded: [], skipped: [], targetDatabases: [] };
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
  }
  for (const { entry, target } of chosen) {
    const existing = await targetState(client, target, existingByDb.get(target.db)?.get(target.collection));
    plan.namespaces.push({
      source: { db: entry.db, collection: entry.collection },
      target,
      type: entry.type,
      entry,
      existing,
      action: decide(entry.type, existing, drop),
    });
  }
  plan.targetDatabases = [...new Set(plan.namespaces.map((n) => n.target.db))].sort();
  return plan;
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

function decide(type: NamespaceType, existing: TargetState, drop: boolean): PlannedAction {
  if (existing.kind === 'absent') return 'create';
  if (drop) return 'replace';
  // An empty collection of the same kind can take the documents; anything else would be overwritten.
  if (existing.kind === type && existing.kind !== 'view' && existing.documents === 0) return 'reuse';
  return 'refuse';
}

/** The refusal, naming every namespace that would be overwritten. */
export function refusalError(plan: RestorePlan): UserError | undefined {
  const refused = plan.namespaces.filter((n) => n.action === 'refuse');
  if (refused.length === 0) return undefined;
  const listed = refused.map((n) => `${namespaceName(n.target)} (${describeState(n.existing)})`).join(', ');
  return new UserError(
    `Refusing to restore into existing namespaces without drop: ${listed}. Nothing was written. ` +
      'Restore under other names (ns-from/ns-to), or set drop to replace them.',
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
