/**
 * A unified diff of two texts, by line, for showing what a re-run would change. Files here are small
 * (workflows, docs), so the quadratic longest-common-subsequence table is fine.
 */

type Edit = { kind: 'same' | 'removed' | 'added'; line: string };

function lineEdits(before: string[], after: string[]): Edit[] {
  const rows = before.length;
  const cols = after.length;
  // common[i][j]: length of the longest common subsequence of before[i..] and after[j..]
  const common = Array.from({ length: rows + 1 }, () => new Uint32Array(cols + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      common[i]![j] =
        before[i] === after[j]
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < cols) {
    if (i < rows && j < cols && before[i] === after[j]) {
      edits.push({ kind: 'same', line: before[i]! });
      i++;
      j++;
    } else if (i < rows && (j === cols || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // Removals before additions, as diff tools show them.
      edits.push({ kind: 'removed', line: before[i]! });
      i++;
    } else {
      edits.push({ kind: 'added', line: after[j]! });
      j++;
    }
  }
  return edits;
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `--- a/path` / `+++ b/path` and `@@` hunks with `context` lines around each change; '' when equal. */
export function unifiedDiff(path: string, before: string | undefined, after: string, context = 3): string {
  if (before === after) return '';
  const edits = lineEdits(splitLines(before ?? ''), splitLines(after));
  const changed = edits
    .map((edit, index) => (edit.kind === 'same' ? -1 : index))
    .filter((index) => index >= 0);
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(edits.length, index + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else hunks.push([start, end]);
  }
  const out = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  for (const [start, end] of hunks) {
    let oldLine = 1;
    let newLine = 1;
    for (const edit of edits.slice(0, start)) {
      if (edit.kind !== 'added') oldLine++;
      if (edit.kind !== 'removed') newLine++;
    }
    const slice = edits.slice(start, end);
    const oldCount = slice.filter((e) => e.kind !== 'added').length;
    const newCount = slice.filter((e) => e.kind !== 'removed').length;
    out.push(
      `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@`,
    );
    for (const edit of slice)
      out.push(`${edit.kind === 'same' ? ' ' : edit.kind === 'added' ? '+' : '-'}${edit.line}`);
  }
  return `${out.join('\n')}\n`;
}
