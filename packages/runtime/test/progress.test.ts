import { describe, expect, it } from '@jest/globals';
import { formatBytes, formatDuration } from '../src/format';
import { ProgressReporter } from '../src/progress';

describe('ProgressReporter', () => {
  it('logs at a fixed interval, not per call, with bytes, documents, rate and ETA', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new ProgressReporter({
      label: 'backup',
      totalBytes: 100 * 2 ** 20,
      intervalMs: 10_000,
      log: (line) => lines.push(line),
      now: () => now,
    });
    for (let i = 0; i < 1000; i++) {
      now += 25; // 1000 calls over 25 s
      progress.add(25 * 1024, 10);
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'backup: 9.8 MiB of 100 MiB (9.8%), 4,000 docs, 1000 KiB/s, ETA 1m32s, elapsed 10s',
    );
    progress.done();
    expect(lines[2]).toMatch(/^backup: 24\.4 MiB of 100 MiB \(24\.4%\), 10,000 docs, .* — done$/);
    expect(progress.totals).toEqual({ bytes: 25 * 1024 * 1000, documents: 10_000, elapsedMs: 25_000 });
  });

  it('omits the ETA when no total is known', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new ProgressReporter({
      label: 'restore',
      intervalMs: 1000,
      log: (l) => lines.push(l),
      now: () => now,
    });
    now = 2000;
    progress.add(2048, 5);
    expect(lines[0]).toBe('restore: 2.0 KiB, 5 docs, 1.0 KiB/s, elapsed 2.0s');
  });
});

describe('formatting', () => {
  it('formats bytes and durations for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 2 ** 30)).toBe('5.0 GiB');
    expect(formatDuration(4200)).toBe('4.2s');
    expect(formatDuration(75_000)).toBe('1m15s');
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3h05m');
  });
});
