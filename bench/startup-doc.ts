/**
 * The start-up section of docs/benchmarks.md: its table is written by `npm run bench:startup -- --write`
 * between two markers; the section (from its heading to the end of the file) is kept when
 * bench/run.ts rewrites the throughput figures above it.
 */
export const STARTUP_HEADING = '## Action start-up';
const BEGIN = '<!-- startup:begin (npm run bench:startup -- --write) -->';
const END = '<!-- startup:end -->';

/** The document with the table between the markers replaced. */
export function replaceStartupTable(doc: string, table: string): string {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin)
    throw new Error(`no start-up table markers (${BEGIN} … ${END}) in the document`);
  return `${doc.slice(0, begin + BEGIN.length)}\n${table}\n${doc.slice(end)}`;
}

/** `generated` followed by the start-up section of `previous` (the document it replaces), if it had one. */
export function keepStartupSection(generated: string, previous: string | undefined): string {
  const at = previous?.indexOf(`\n${STARTUP_HEADING}\n`) ?? -1;
  if (!previous || at < 0) return generated;
  return `${generated.replace(/\n*$/, '\n')}${previous.slice(at)}`;
}
