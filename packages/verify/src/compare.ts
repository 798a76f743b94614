import { BUCKETS_PREFIX, isOplog, type NamespaceType, type PreludeNamespace } from '@shipkit/archive';
import type { Manifest, NamespaceEntry } from '@shipkit/backup';
import { compareIndexSpecs, indexSpecs } from '@shipkit/mongo';
import type { RestoredNamespace } from './read-back';
import type { CheckState, NamespaceReport } from './report';
import type { ArchiveTally } from './tally';

/** Everything known about the backup's namespaces once the archive was read (and restored). */
export interface ComparisonInput {
  manifest: Manifest | undefined;
  tally: ArchiveTally;
  /** Set in full and restore modes: what was read back, by source namespace. */
  restored: Map<string, RestoredNamespace> | undefined;
  /** Source namespaces that were restored (full and restore modes); others are left out of the rows. */
  restoredNamespaces: Set<string> | undefined;
}

const short = (hash: string | undefined) => (hash ? `${hash.slice(0, 16)}…` : '(none)');

/**
 * One row per namespace: the manifest's promise against the archive's content (integrity) and, in
 * full and restore modes, against what the server holds after the restore. Without a manifest the
 * archive itself is what the restore is compared with.
 */
export function compareNamespaces(input: ComparisonInput): { rows: NamespaceReport[]; problems: string[] } {
  const { manifest, tally, restoredNamespaces } = input;
  const prelude = new Map((tally.prelude ?? []).filter((e) => !isOplog(e)).map((e) => [nameOf(e), e]));
  const listed = new Map((manifest?.namespaces ?? []).map((e) => [nameOf(e), e]));
  const names = [...new Set([...listed.keys(), ...prelude.keys()])].filter(
    (name) => !restoredNamespaces || restoredNamespaces.has(name),
  );
  const rows: NamespaceReport[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const row = compareOne(name, listed.get(name), prelude.get(name), input);
    rows.push(row);
    problems.push(...row.problems);
  }
  // The oplog is the only data the prelude need not list; a backup of ours never holds one.
  if (manifest && tally.get('.oplog'))
    problems.push('the archive holds an oplog, which the manifest does not list');
  return { rows, problems };
}

function compareOne(
  name: string,
  listed: NamespaceEntry | undefined,
  prelude: PreludeNamespace | undefined,
  input: ComparisonInput,
): NamespaceReport {
  const { manifest, tally, restored } = input;
  const type: NamespaceType = listed?.type ?? prelude?.type ?? 'collection';
  const problems: string[] = [];
  const data = tally.get(name) ?? (type === 'timeseries' ? tally.get(bucketsName(name)) : undefined);
  const archive = data && {
    documents: data.documents,
    bytes: data.bytes,
    contentHash: data.contentHash,
    ...(data.crc ? { crc: data.crc } : {}),
  };
  const back = restored?.get(name);
  const row: NamespaceReport = {
    namespace: name,
    ...(back ? { restoredAs: back.target } : {}),
    type,
    expected: {},
    ...(archive ? { archive } : {}),
    ...(back
      ? {
          restored: {
            documents: back.documents,
            contentHash: back.contentHash,
            indexes: back.indexes.length,
          },
        }
      : {}),
    checks: { count: 'not-checked', contentHash: 'not-checked', crc: 'not-checked', indexes: 'not-checked' },
    problems,
  };

  if (manifest && !listed) problems.push(`${name}: in the archive but not in the manifest`);
  if (!prelude && tally.complete) problems.push(`${name}: in the manifest but not in the archive`);

  // What the namespace should hold: the manifest's word, or else the archive's own content.
  const expectedIndexes = listed?.indexes ?? (prelude ? indexSpecs(prelude) : undefined);
  const expected: NamespaceReport['expected'] = listed
    ? { documents: listed.count, contentHash: listed.contentHash, crc: listed.crc }
    : restored && archive
      ? {
          documents: archive.documents,
          contentHash: archive.contentHash,
          ...(archive.crc ? { crc: archive.crc } : {}),
        }
      : {};
  row.expected = { ...expected, ...(expectedIndexes ? { indexes: expectedIndexes.length } : {}) };

  const verdicts: Record<'count' | 'contentHash' | 'crc' | 'indexes', CheckState[]> = {
    count: [],
    contentHash: [],
    crc: [],
    indexes: [],
  };
  const check = (kind: keyof typeof verdicts, ok: boolean, problem: string) => {
    verdicts[kind].push(ok ? 'passed' : 'failed');
    if (!ok) problems.push(problem);
  };

  if (listed && archive) {
    check(
      'count',
      listed.count === archive.documents,
      `${name}: document count differs — manifest ${listed.count}, archive ${archive.documents}`,
    );
    check(
      'contentHash',
      listed.contentHash === archive.contentHash,
      `${name}: content hash differs — manifest ${short(listed.contentHash)}, archive ${short(archive.contentHash)}`,
    );
    if (archive.crc) {
      check(
        'crc',
        listed.crc === archive.crc,
        `${name}: CRC-64 differs — manifest ${listed.crc}, archive ${archive.crc}`,
      );
    }
  } else if (archive?.crc) {
    // The reader checked the CRC stored in the archive against the documents.
    verdicts.crc.push('passed');
  }
  if (listed && prelude && !restored) {
    const differences = compareIndexSpecs(listed.indexes, indexSpecs(prelude));
    check(
      'indexes',
      differences.length === 0,
      `${name}: archive index specs differ from the manifest — ${differences.join('; ')}`,
    );
  }

  if (back) {
    const where = back.stagedAs
      ? `staged for ${back.target} as ${back.stagedAs}`
      : `restored as ${back.target}`;
    if (!back.exists) {
      problems.push(`${name}: the ${type} was not restored (${back.stagedAs ?? back.target} does not exist)`);
      verdicts.count.push('failed');
    } else if (type !== 'view') {
      if (expected.documents !== undefined) {
        check(
          'count',
          back.documents === expected.documents,
          `${name}: document count differs — expected ${expected.documents}, ${where} ${back.documents}`,
        );
      }
      if (expected.contentHash !== undefined) {
        check(
          'contentHash',
          back.contentHash === expected.contentHash,
          `${name}: content hash differs — expected ${short(expected.contentHash)}, ${where} ${short(back.contentHash)}`,
        );
      }
      if (expectedIndexes) {
        const differences = compareIndexSpecs(expectedIndexes, back.indexes);
        check(
          'indexes',
          differences.length === 0,
          `${name}: index specs differ (${where}) — ${differences.join('; ')}`,
        );
      }
    }
  }
  row.checks = {
    count: combine(verdicts.count),
    contentHash: combine(verdicts.contentHash),
    crc: combine(verdicts.crc),
    indexes: combine(verdicts.indexes),
  };
  return row;
}

function combine(states: CheckState[]): CheckState {
  if (states.includes('failed')) return 'failed';
  return states.includes('passed') ? 'passed' : 'not-checked';
}

function nameOf(ns: { db: string; collection: string }): string {
  return `${ns.db}.${ns.collection}`;
}

function bucketsName(name: string): string {
  const dot = name.indexOf('.');
  return `${name.slice(0, dot)}.${BUCKETS_PREFIX}${name.slice(dot + 1)}`;
}
