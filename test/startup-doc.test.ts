import { describe, expect, it } from '@jest/globals';
import { keepStartupSection, replaceStartupTable } from '../bench/startup-doc';

const doc = [
  '# Benchmarks',
  '',
  '## Backup',
  '',
  'old backup table',
  '',
  '## Action start-up',
  '',
  '<!-- startup:begin (npm run bench:startup -- --write) -->',
  'old start-up table',
  '<!-- startup:end -->',
  '',
  'What each step brought.',
  '',
].join('\n');

describe('the start-up section of docs/benchmarks.md', () => {
  it('gets its table replaced between the markers, and nothing else', () => {
    const updated = replaceStartupTable(doc, 'new table');
    expect(updated).toBe(doc.replace('old start-up table', 'new table'));
    expect(() => replaceStartupTable('# no markers', 'new table')).toThrow(/markers/);
  });

  it('is kept, notes included, when the throughput benchmark rewrites the document', () => {
    const kept = keepStartupSection('# Benchmarks\n\n## Backup\n\nnew backup table\n', doc);
    expect(kept).toBe(
      `# Benchmarks\n\n## Backup\n\nnew backup table\n${doc.slice(doc.indexOf('\n## Action start-up'))}`,
    );
    expect(keepStartupSection('# Benchmarks\n', undefined)).toBe('# Benchmarks\n');
    expect(keepStartupSection('# Benchmarks\n', '# Old, without the section\n')).toBe('# Benchmarks\n');
  });
});
