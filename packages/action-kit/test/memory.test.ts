import { describe, expect, it } from '@jest/globals';
import { MemoryKeeper } from '../src/memory';

const MiB = 1024 * 1024;

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
});
