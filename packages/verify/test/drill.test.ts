import { describe, expect, it } from '@jest/globals';
import { UserError } from '@shipkit/runtime';
import {
  assessDrill,
  type DrillCandidate,
  drillMarkdown,
  type MeasuredRestore,
  parseOlderChoice,
  planDrill,
} from '../src/drill';

const at = (iso: string) => new Date(iso);
const backup = (id: string, complete = true): DrillCandidate => ({
  id,
  time: at(`${id.slice(0, 13)}:${id.slice(13, 15)}:${id.slice(15, 17)}Z`),
  complete,
});
// Newest first, as the catalogue lists them; one folder without a manifest.
const retained = [
  backup('2026-11-28T031700Z-dddddd', false),
  backup('2026-11-27T031700Z-cccccc'),
  backup('2026-11-26T031700Z-bbbbbb'),
  backup('2026-11-25T031700Z-aaaaaa'),
];

describe('planDrill', () => {
  it('restores the newest complete backup and one older one chosen at random', () => {
    const ids = (random: number) =>
      planDrill(retained, { kind: 'random' }, () => random, 's3://b/shop').restores.map((r) => [
        r.role,
        r.id,
      ]);
    expect(ids(0)).toEqual([
      ['newest', '2026-11-27T031700Z-cccccc'],
      ['older', '2026-11-26T031700Z-bbbbbb'],
    ]);
    expect(ids(0.99)).toEqual([
      ['newest', '2026-11-27T031700Z-cccccc'],
      ['older', '2026-11-25T031700Z-aaaaaa'],
    ]);
  });

  it('restores a named older backup, or none, and says why none', () => {
    expect(
      planDrill(retained, { kind: 'id', id: '2026-11-25T031700Z-aaaaaa' }, Math.random, 'x').restores.map(
        (r) => r.id,
      ),
    ).toEqual(['2026-11-27T031700Z-cccccc', '2026-11-25T031700Z-aaaaaa']);
    expect(planDrill(retained, { kind: 'none' }, Math.random, 'x')).toMatchObject({
      restores: [{ id: '2026-11-27T031700Z-cccccc' }],
      note: 'no older backup was asked for',
    });
    expect(planDrill(retained.slice(0, 2), { kind: 'random' }, Math.random, 'x').note).toBe(
      'only one complete backup is retained: no older one to restore',
    );
  });

  it('refuses what cannot be drilled, naming the option', () => {
    expect(() =>
      planDrill([retained[0] as DrillCandidate], { kind: 'random' }, Math.random, 's3://b/shop'),
    ).toThrow(new UserError('No complete backup at s3://b/shop: there is nothing to drill.'));
    expect(() =>
      planDrill(retained, { kind: 'id', id: '2026-11-27T031700Z-cccccc' }, Math.random, 'x'),
    ).toThrow(
      "Option 'older' names 2026-11-27T031700Z-cccccc, the newest backup, which the drill restores anyway: name an older one.",
    );
    expect(() =>
      planDrill(retained, { kind: 'id', id: '2026-11-28T031700Z-dddddd' }, Math.random, 'x'),
    ).toThrow(/is not a complete backup at x; complete backups: 2026-11-27T031700Z-cccccc, /);
    expect(parseOlderChoice(undefined)).toEqual({ kind: 'random' });
    expect(parseOlderChoice('none')).toEqual({ kind: 'none' });
    expect(() => parseOlderChoice('yesterday')).toThrow(
      "must be random, none or a backup id such as 2026-11-25T031700Z-1a2b3c; got 'yesterday'.",
    );
  });
});

describe('assessDrill', () => {
  const restores = (overrides: Partial<MeasuredRestore>[] = []): MeasuredRestore[] =>
    [
      { role: 'newest' as const, id: '2026-11-27T031700Z-cccccc', time: at('2026-11-27T03:17:00Z') },
      { role: 'older' as const, id: '2026-11-25T031700Z-aaaaaa', time: at('2026-11-25T03:17:00Z') },
    ].map((planned, i) => ({
      ...planned,
      verified: true,
      durationMs: 600_000,
      documents: 1200,
      namespaces: 3,
      problems: [],
      ...overrides[i],
    }));
  const drill = (restoreList: MeasuredRestore[], targets = { rtoMs: 3_600_000, rpoMs: 26 * 3_600_000 }) =>
    assessDrill({
      source: 's3://acme-backups/shop',
      startedAt: at('2026-11-27T09:17:00Z'),
      finishedAt: at('2026-11-27T09:40:00Z'),
      targets,
      restores: restoreList,
    });

  it('passes when every restore verified within the RTO and the newest backup is within the RPO', () => {
    const record = drill(restores());
    expect(record).toMatchObject({
      format: 'mongo-shipkit-restore-drill/1',
      passed: true,
      targets: { rtoSeconds: 3600, rpoSeconds: 93_600 },
      rpo: { backupId: '2026-11-27T031700Z-cccccc', ageSeconds: 21_600, met: true },
      rto: { worstSeconds: 600, met: true },
      missed: [],
    });
    expect(record.restores.map((r) => [r.role, r.ageSeconds, r.withinRto])).toEqual([
      ['newest', 21_600, true],
      ['older', 194_400, true],
    ]);
  });

  it('names every missed target: a slow restore, a stale newest backup, a restore that did not verify', () => {
    const record = drill(restores([{}, { durationMs: 5_400_000 }]), {
      rtoMs: 3_600_000,
      rpoMs: 2 * 3_600_000,
    });
    expect(record.passed).toBe(false);
    expect(record.rto).toEqual({ worstSeconds: 5400, met: false });
    expect(record.rpo.met).toBe(false);
    expect(record.missed).toEqual([
      'RPO missed: the newest backup 2026-11-27T031700Z-cccccc was 6h00m old, over the 2h00m target.',
      'RTO missed: restoring the older backup 2026-11-25T031700Z-aaaaaa took 1h30m, over the 1h00m target.',
    ]);
    const broken = drill(restores([{ verified: false, problems: ['shop.orders: count 10, expected 12'] }]));
    expect(broken.passed).toBe(false);
    expect(broken.rto.met).toBe(false);
    expect(broken.missed).toEqual([
      'The newest backup 2026-11-27T031700Z-cccccc did not restore correctly: shop.orders: count 10, expected 12.',
    ]);
  });

  it('renders a summary table with one row per restore and one per target', () => {
    const markdown = drillMarkdown(drill(restores([{}, { durationMs: 5_400_000 }])));
    expect(markdown).toContain('### ❌ Restore drill missed its targets');
    expect(markdown).toContain('| `2026-11-25T031700Z-aaaaaa` | older | 54h00m | 1h30m | ✅ | 1200 | ❌ |');
    expect(markdown).toContain('| RTO (restore time) | ≤ 1h00m | 1h30m (slowest restore) | ❌ |');
    expect(markdown).toContain("| RPO (newest backup's age) | ≤ 26h00m | 6h00m | ✅ |");
    expect(markdown).toContain('- RTO missed: restoring the older backup');
  });
});
