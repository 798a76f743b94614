import { formatBytes, formatCount, formatDuration } from './format';

export interface ProgressOptions {
  /** What is being done, e.g. "backup shop". */
  label: string;
  /** Expected totals, when known, for a percentage and an ETA. */
  totalBytes?: number;
  totalDocuments?: number;
  /** Log at most once per interval, however often `add` is called. */
  intervalMs?: number;
  log: (line: string) => void;
  now?: () => number;
}

/**
 * Logs bytes and documents done, the rate and an ETA at a fixed interval — never per document, so a
 * million small documents cost a handful of log lines.
 */
export class ProgressReporter {
  private bytes = 0;
  private documents = 0;
  private readonly startedAt: number;
  private lastLoggedAt: number;
  private readonly now: () => number;
  private readonly intervalMs: number;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? 10_000;
    this.startedAt = this.now();
    this.lastLoggedAt = this.startedAt;
  }

  /** Totals learnt after the start (e.g. once the source is listed), for the percentage and ETA. */
  setTotals(totals: { bytes?: number; documents?: number }): void {
    if (totals.bytes !== undefined) this.options.totalBytes = totals.bytes;
    if (totals.documents !== undefined) this.options.totalDocuments = totals.documents;
  }

  add(bytes: number, documents = 0): void {
    this.bytes += bytes;
    this.documents += documents;
    const now = this.now();
    if (now - this.lastLoggedAt >= this.intervalMs) {
      this.lastLoggedAt = now;
      this.options.log(this.line(now));
    }
  }

  /** The closing line, whatever the interval. */
  done(): void {
    this.options.log(`${this.line(this.now())} — done`);
  }

  get totals(): { bytes: number; documents: number; elapsedMs: number } {
    return { bytes: this.bytes, documents: this.documents, elapsedMs: this.now() - this.startedAt };
  }

  line(now = this.now()): string {
    const elapsedMs = Math.max(now - this.startedAt, 1);
    const bytesPerSecond = (this.bytes / elapsedMs) * 1000;
    const parts = [`${this.options.label}: ${formatBytes(this.bytes)}`];
    const { totalBytes, totalDocuments } = this.options;
    if (totalBytes) parts[0] += ` of ${formatBytes(totalBytes)} (${percent(this.bytes, totalBytes)})`;
    parts.push(`${formatCount(this.documents)} docs`);
    if (totalDocuments && !totalBytes)
      parts[1] += ` of ${formatCount(totalDocuments)} (${percent(this.documents, totalDocuments)})`;
    parts.push(`${formatBytes(Math.round(bytesPerSecond))}/s`);
    const eta = this.etaMs(elapsedMs);
    if (eta !== undefined) parts.push(`ETA ${formatDuration(eta)}`);
    parts.push(`elapsed ${formatDuration(elapsedMs)}`);
    return parts.join(', ');
  }

  private etaMs(elapsedMs: number): number | undefined {
    const { totalBytes, totalDocuments } = this.options;
    const fraction = totalBytes
      ? this.bytes / totalBytes
      : totalDocuments
        ? this.documents / totalDocuments
        : undefined;
    if (fraction === undefined || fraction <= 0) return undefined;
    return Math.max(0, (elapsedMs / Math.min(fraction, 1)) * (1 - Math.min(fraction, 1)));
  }
}

function percent(done: number, total: number): string {
  return `${Math.min(100, (done / total) * 100).toFixed(1)}%`;
}
