// Prints the fault suite's table — fault, expected, observed, held? — and its totals, from the rows the
// faults recorded (test/faults/harness.ts). Silent when no fault ran.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rows = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.tmp', 'faults', 'rows.jsonl');

const cell = (text) => String(text).replaceAll('|', '\\|');

export default class FaultReporter {
  onRunStart() {
    rmSync(rows, { force: true });
  }

  onRunComplete() {
    if (!existsSync(rows)) return;
    const all = readFileSync(rows, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line))
      .sort((a, b) => (a.area === b.area ? 0 : a.area < b.area ? -1 : 1));
    const held = all.filter((row) => row.held).length;
    const lines = [
      '',
      '## Fault suite',
      '',
      '| area | fault | expected | observed | held? |',
      '|---|---|---|---|---|',
      ...all.map(
        (row) =>
          `| ${cell(row.area)} | ${cell(row.fault)} | ${cell(row.expected)} | ${cell(row.observed)} | ${row.held ? 'yes' : '**NO**'} |`,
      ),
      '',
      `Faults: ${all.length} tried, ${held} held, ${all.length - held} not held`,
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
