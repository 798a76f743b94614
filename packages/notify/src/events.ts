/**
 * What a run tells the outside world when it ends: one event, from which every payload (generic
 * webhook, Slack, Teams, heartbeat) is built. It never holds a URI, a key or a hook URL.
 */
export const EVENTS = [
  'backup.succeeded',
  'backup.failed',
  'backup.anomaly',
  'verify.succeeded',
  'verify.failed',
  'restore.succeeded',
  'restore.failed',
  'drill.succeeded',
  'drill.failed',
  'freshness.ok',
  'freshness.stale',
] as const;
// freshness.ok only reaches the heartbeat: a daily "all is well" is no news for a channel.

export type EventName = (typeof EVENTS)[number];

/** Whether an event is bad news: the heartbeat reports it on `/fail`, and messages say so. */
export function isAlarm(event: EventName): boolean {
  return !event.endsWith('.succeeded') && event !== 'freshness.ok';
}

/** A namespace that disappeared or lost documents since the previous backup. */
export interface AnomalyFigure {
  namespace: string;
  before: number;
  after: number;
}

export interface NotifyEvent {
  event: EventName;
  /** When the run ended, ISO 8601. */
  at: string;
  /** One line saying what happened, e.g. "backup 2026-… of 1,204 documents stored in 12s". */
  summary: string;
  backupId?: string;
  /** Where the backups are, without credentials (s3://bucket/prefix, file:///path). */
  destination?: string;
  documents?: number;
  bytes?: number;
  durationSeconds?: number;
  /** What failed, in one or a few lines: the error the run ended with. */
  failure?: string;
  /** For `backup.anomaly`: each namespace whose documents collapsed, and the totals. */
  anomalies?: AnomalyFigure[];
  /** For `freshness.*`: the age of the newest qualifying backup, in seconds. */
  ageSeconds?: number;
}
