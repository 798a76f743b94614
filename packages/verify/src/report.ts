import type { NamespaceType } from '@shipkit/archive';
import { describeOutcomes, type TargetOutcome } from '@shipkit/mongo';

export type VerifyMode = 'integrity' | 'full' | 'restore';

/** `not-checked`: nothing to compare with (no manifest), or the check does not apply (views). */
export type CheckState = 'passed' | 'failed' | 'not-checked';

export interface NamespaceReport {
  /** `db.collection` as backed up. */
  namespace: string;
  /** Where it was restored (full and restore modes). */
  restoredAs?: string;
  type: NamespaceType;
  /** What the manifest promises; without a manifest, what the archive holds (full mode). */
  expected: { documents?: number; contentHash?: string; crc?: string; indexes?: number };
  /** What the archive holds, recounted. */
  archive?: { documents: number; bytes: number; crc?: string; contentHash: string };
  /** What the restored namespace holds, read back. */
  restored?: { documents: number; contentHash: string; indexes: number };
  checks: { count: CheckState; contentHash: CheckState; crc: CheckState; indexes: CheckState };
  /** Every mismatch, in words. */
  problems: string[];
}

export interface VerificationReport {
  tool: { name: string; version: string };
  mode: VerifyMode;
  result: 'passed' | 'failed';
  /** The archive's URL. */
  source: string;
  backupId?: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  archive: {
    /** Layers found on the stored object, outermost first. */
    layers: string[];
    storedBytes: number;
    sha256: { expected?: string; actual?: string; state: CheckState };
    /** The archive was read to its end with every namespace CRC checked. */
    complete: boolean;
  };
  namespaces: NamespaceReport[];
  totals: { namespaces: number; documents: number; expectedDocuments?: number; restoredDocuments?: number };
  /** Every problem found, archive-wide ones first: what makes `result` failed. */
  problems: string[];
  /** What could not be checked, and why. */
  notChecked: string[];
  /**
   * Databases written in full and restore modes, and whether scratch databases were removed after;
   * in restore mode, what each target namespace is now (restored, replaced, or left as it was).
   */
  target?: { databases: string[]; removed: boolean; namespaces?: TargetOutcome[] };
  /** Where verification.json was written, when it was. */
  recorded?: string;
}

/** Thrown by callers that turn a failed report into a failed step: its message names every problem. */
export class VerificationFailedError extends Error {
  override readonly name = 'VerificationFailedError';
  constructor(readonly report: VerificationReport) {
    super(failureMessage(report));
  }
}

export function failureMessage(report: VerificationReport): string {
  const what = report.mode === 'restore' ? 'Restore check' : `Verification (${report.mode})`;
  const subject = report.backupId ? `backup ${report.backupId}` : report.source;
  const count = report.problems.length;
  const outcomes = report.target?.namespaces;
  return [
    `${what} of ${subject} failed with ${count} problem${count === 1 ? '' : 's'}:`,
    ...report.problems.map((p) => `  - ${p}`),
    ...(outcomes ? [describeOutcomes(outcomes)] : []),
  ].join('\n');
}
