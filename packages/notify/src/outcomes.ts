import { errorMessage, formatBytes, formatCount, formatDuration } from '@shipkit/runtime';
import type { AnomalyFigure, NotifyEvent } from './events';

/**
 * The events of each command, from the facts of its result (structural types, so this package
 * depends on no engine). The edges call these; the payload builders turn the event into bodies.
 */

/** A location safe to show anywhere: no user, password, query or fragment. */
export function publicLocation(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '');
  }
}

export interface BackupFacts {
  backupId: string;
  destination: string;
  documents: number;
  namespaces: number;
  bytes: number;
  durationMs: number;
  anomaly?: {
    comparedWith: string;
    namespaces: { namespace: string; before: number; after: number; missing?: boolean | undefined }[];
    total?: { before: number; after: number } | undefined;
    acceptedAt?: string | undefined;
  };
}

export function backupEvent(facts: BackupFacts, at: Date): NotifyEvent {
  const base = {
    at: at.toISOString(),
    backupId: facts.backupId,
    destination: publicLocation(facts.destination),
    documents: facts.documents,
    bytes: facts.bytes,
    durationSeconds: Math.round(facts.durationMs / 1000),
  };
  const stored = `${formatCount(facts.documents)} documents in ${facts.namespaces} namespaces, ${formatBytes(facts.bytes)} stored in ${formatDuration(facts.durationMs)}`;
  const { anomaly } = facts;
  if (anomaly && !anomaly.acceptedAt) {
    const anomalies: AnomalyFigure[] = anomaly.namespaces.map(({ namespace, before, after }) => ({
      namespace,
      before,
      after,
    }));
    if (anomaly.total) anomalies.push({ namespace: '(all namespaces)', ...anomaly.total });
    return {
      ...base,
      event: 'backup.anomaly',
      summary: `backup ${facts.backupId}: the data collapsed since ${anomaly.comparedWith} — ${anomalies
        .map((a) => `${a.namespace} ${formatCount(a.before)} → ${formatCount(a.after)}`)
        .join('; ')}. The backup before it is kept until the anomaly is acknowledged.`,
      anomalies,
    };
  }
  return { ...base, event: 'backup.succeeded', summary: `backup ${facts.backupId}: ${stored}` };
}

/** The event of a run that ended in an error: what failed, in the error's own words. */
export function failedEvent(
  event: 'backup.failed' | 'verify.failed' | 'restore.failed' | 'drill.failed' | 'freshness.stale',
  error: unknown,
  at: Date,
  context: { destination?: string; backupId?: string; durationMs?: number },
): NotifyEvent {
  const failure = errorMessage(error).slice(0, 2000);
  const command = event.slice(0, event.indexOf('.'));
  const where = context.destination ? ` (${publicLocation(context.destination)})` : '';
  return {
    event,
    at: at.toISOString(),
    summary: `${command}${where} failed: ${failure.split('\n')[0]?.slice(0, 200)}`,
    ...(context.backupId ? { backupId: context.backupId } : {}),
    ...(context.destination ? { destination: publicLocation(context.destination) } : {}),
    ...(context.durationMs !== undefined ? { durationSeconds: Math.round(context.durationMs / 1000) } : {}),
    failure,
  };
}

export interface CheckFacts {
  result: 'passed' | 'failed';
  /** The one line that says how it went. */
  headline: string;
  source: string;
  backupId?: string;
  documents: number;
  bytes: number;
  durationMs: number;
  problems: string[];
}

/** A verification or a restore, from its report. */
export function checkEvent(kind: 'verify' | 'restore', facts: CheckFacts, at: Date): NotifyEvent {
  const passed = facts.result === 'passed';
  return {
    event: `${kind}.${passed ? 'succeeded' : 'failed'}`,
    at: at.toISOString(),
    summary: facts.headline,
    ...(facts.backupId ? { backupId: facts.backupId } : {}),
    destination: publicLocation(facts.source),
    documents: facts.documents,
    bytes: facts.bytes,
    durationSeconds: Math.round(facts.durationMs / 1000),
    ...(passed ? {} : { failure: facts.problems.slice(0, 20).join('\n') }),
  };
}

export interface DrillFacts {
  passed: boolean;
  /** The backups' location (credentials are dropped). */
  source: string;
  /** The newest backup restored. */
  backupId?: string;
  /** Documents restored over every restore of the drill. */
  documents: number;
  durationMs: number;
  /** One sentence per missed target or failed restore. */
  missed: string[];
  /** e.g. "2 restores, worst 3m12s against an RTO of 2h; newest backup 5h old against an RPO of 26h". */
  measured: string;
}

/** A restore drill, from its record: bad news when a target was missed or a restore failed. */
export function drillEvent(facts: DrillFacts, at: Date): NotifyEvent {
  return {
    event: facts.passed ? 'drill.succeeded' : 'drill.failed',
    at: at.toISOString(),
    summary: `restore drill of ${publicLocation(facts.source)} ${facts.passed ? 'PASSED' : 'FAILED'}: ${facts.measured}`,
    ...(facts.backupId ? { backupId: facts.backupId } : {}),
    destination: publicLocation(facts.source),
    documents: facts.documents,
    durationSeconds: Math.round(facts.durationMs / 1000),
    ...(facts.passed ? {} : { failure: facts.missed.slice(0, 20).join('\n') }),
  };
}

export interface FreshnessFacts {
  fresh: boolean;
  location: string;
  message: string;
  newest?: { id: string; ageMs: number };
}

export function freshnessEvent(facts: FreshnessFacts, at: Date): NotifyEvent {
  return {
    event: facts.fresh ? 'freshness.ok' : 'freshness.stale',
    at: at.toISOString(),
    summary: facts.message,
    destination: publicLocation(facts.location),
    ...(facts.newest ? { backupId: facts.newest.id, ageSeconds: Math.round(facts.newest.ageMs / 1000) } : {}),
    ...(facts.fresh ? {} : { failure: facts.message }),
  };
}
