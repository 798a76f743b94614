/** Markdown pieces for job summaries (GITHUB_STEP_SUMMARY), built as plain strings so they are testable. */

export type Cell = string | number | boolean | undefined;

function escapeCell(cell: Cell): string {
  if (cell === undefined) return '';
  return String(cell).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A GitHub-flavoured markdown table; `align` per column, 'r' for numbers. */
export function table(headers: string[], rows: Cell[][], align: ('l' | 'r' | 'c')[] = []): string {
  const rule = headers.map((_, i) => ({ l: '---', r: '---:', c: ':---:' })[align[i] ?? 'l']);
  const line = (cells: Cell[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

export function details(summaryText: string, body: string): string {
  return `<details><summary>${escapeHtml(summaryText)}</summary>\n\n${body}\n\n</details>`;
}

export function heading(text: string, level = 3): string {
  return `${'#'.repeat(level)} ${text}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Joins sections with blank lines, dropping empty ones. */
export function sections(...parts: (string | undefined | false)[]): string {
  return `${parts.filter((p): p is string => Boolean(p)).join('\n\n')}\n`;
}
