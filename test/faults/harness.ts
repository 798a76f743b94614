/**
 * The fault suite: each fault is injected for real (a process killed, a server frozen, a disk filled,
 * an object damaged) and the probe returns what was observed. A probe that throws means the invariant
 * did not hold. Every fault is recorded as one row — fault, expected, observed, held? — which
 * `test/faults/reporter.js` prints as one table with totals at the end of the run.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test } from '@jest/globals';
import { type FerretdbServer, startFerretdb, startVersitygw, type VersitygwServer } from '../servers/index';
import { repoRoot } from '../support/shipkit-process';

export const FAULT_ROWS = join(repoRoot, '.tmp', 'faults', 'rows.jsonl');

export interface FaultRow {
  /** The test file the fault lives in, e.g. `prune`. */
  area: string;
  fault: string;
  expected: string;
  observed: string;
  held: boolean;
}

function record(row: FaultRow): void {
  mkdirSync(join(FAULT_ROWS, '..'), { recursive: true });
  appendFileSync(FAULT_ROWS, `${JSON.stringify(row)}\n`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * Declares one fault. `probe` injects it and returns a short description of what happened; it throws
 * (typically a failed `expect`) when the invariant did not hold.
 */
export function fault(
  name: string,
  expected: string,
  probe: () => Promise<string>,
  timeoutMs = 180_000,
): void {
  const area = basename(expect.getState().testPath ?? 'unknown').replace(/\.fault\.test\.ts$/, '');
  test(
    name,
    async () => {
      try {
        const observed = await probe();
        record({ area, fault: name, expected, observed: oneLine(observed), held: true });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        record({ area, fault: name, expected, observed: oneLine(message), held: false });
        throw error;
      }
    },
    timeoutMs,
  );
}

/** A scratch folder removed afterwards. */
export async function scratchDir(label: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `shipkit-fault-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * A small tmpfs (a disk that fills up at `sizeBytes`), or a read-only one. Mounting needs root: the suite
 * mounts directly as root, else through password-less `sudo` (as on GitHub-hosted runners). Without
 * either the fault fails with a message saying so rather than being skipped.
 */
export async function smallDisk(
  sizeBytes: number,
  options: { readOnly?: boolean } = {},
): Promise<{ path: string; remove(): Promise<void> }> {
  const privileged = (command: string, args: string[]) => {
    if (process.getuid?.() === 0) return execFileSync(command, args, { stdio: 'pipe' });
    try {
      return execFileSync('sudo', ['-n', command, ...args], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(
        `The full/read-only disk faults mount a tmpfs, which needs root or password-less sudo: \`${command}\` ` +
          `failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
      );
    }
  };
  const dir = await scratchDir('disk');
  const flags = [`size=${Math.max(4096, sizeBytes)}`, 'mode=1777', ...(options.readOnly ? ['ro'] : [])];
  privileged('mount', ['-t', 'tmpfs', '-o', flags.join(','), 'tmpfs', dir.path]);
  return {
    path: dir.path,
    async remove() {
      privileged('umount', ['-l', dir.path]);
      await dir.remove();
    },
  };
}

/** An S3 server of the test's own, which it may freeze (SIGSTOP) and thaw without disturbing other tests. */
export interface PrivateS3 extends VersitygwServer {
  /** Environment for the CLI: `AWS_*` keys and region; the endpoint goes in `--s3-endpoint` or `S3_ENDPOINT`. */
  freeze(): void;
  thaw(): void;
}

export async function privateS3(): Promise<PrivateS3 & { remove(): Promise<void> }> {
  const dir = await scratchDir('s3');
  const server = await startVersitygw(dir.path);
  return {
    ...server,
    freeze: () => server.child.kill('SIGSTOP'),
    thaw: () => server.child.kill('SIGCONT'),
    async remove() {
      server.child.kill('SIGCONT');
      await server.stop();
      await dir.remove();
    },
  };
}

/**
 * A MongoDB-compatible server (FerretDB, no authentication) of the test's own, which it may freeze
 * (SIGSTOP: connections are still accepted, nothing is answered) and thaw without disturbing other tests.
 */
export interface PrivateMongo extends FerretdbServer {
  freeze(): void;
  thaw(): void;
}

export async function privateMongo(): Promise<PrivateMongo & { remove(): Promise<void> }> {
  const dir = await scratchDir('mongo');
  const server = await startFerretdb(dir.path);
  return {
    ...server,
    freeze: () => server.child.kill('SIGSTOP'),
    thaw: () => server.child.kill('SIGCONT'),
    async remove() {
      server.child.kill('SIGCONT');
      await server.stop();
      await dir.remove();
    },
  };
}
