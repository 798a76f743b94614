import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { MemoryKeeper } from '../src/memory';

const MiB = 1024 * 1024;

/**
 * Batches of small objects that outlive a few scavenges, like documents in flight, in a fresh
 * process; returns the largest size V8 gave its new space (MiB). With `hold`, a MemoryKeeper is made first.
 */
function peakNewSpace(hold: boolean): number {
  const memory = new URL('../src/memory.ts', import.meta.url).href;
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    ${hold ? `const { MemoryKeeper } = await import(${JSON.stringify(memory)}); new MemoryKeeper();` : ''}
    const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    const window = [];
    let peak = 0;
    for (let i = 0; i < 300; i++) {
      const batch = [];
      for (let j = 0; j < 20000; j++) batch.push({ j, key: 'k' + j });
      window.push(batch);
      if (window.length > 4) window.shift();
      peak = Math.max(peak, newSpace());
    }
    console.log(peak / ${MiB});`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  expect(child.stderr).toBe('');
  return Number(child.stdout.trim());
}

describe('MemoryKeeper', () => {
  it('frees dead buffers once the given number of bytes went by, not before', () => {
    const keeper = new MemoryKeeper(4 * MiB);
    const garbage = Array.from({ length: 64 }, () => Buffer.alloc(MiB, 1));
    const held = process.memoryUsage().arrayBuffers;
    expect(held).toBeGreaterThanOrEqual(64 * MiB);
    garbage.length = 0;
    keeper.add(2 * MiB);
    keeper.add(2 * MiB);
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(held - 48 * MiB);
  });

  it("keeps V8's young generation from growing under documents in flight", () => {
    const grown = peakNewSpace(false);
    const held = peakNewSpace(true);
    // Measured here: 128 MiB without, 7–13 MiB with (4 MiB at start).
    expect(grown).toBeGreaterThan(64);
    expect(held).toBeLessThan(32);
  }, 60_000);
});
