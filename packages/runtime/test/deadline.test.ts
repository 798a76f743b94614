import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { CancelledError, Deadline, DeadlineExceededError } from '../src/deadline';
import { UserError } from '../src/errors';

const never = () => new Promise<never>(() => {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('Deadline', () => {
  it('stops the run when the timeout passes, naming the request that has been silent longest', async () => {
    let now = 0;
    const deadline = new Deadline({ run: 'backup', timeoutMs: 60, now: () => now });
    const part = deadline.begin('the S3 endpoint http://s3.test (part 3 of the upload)');
    now = 10;
    const download = deadline.begin('the MongoDB server db.test:27017');
    now = 30;
    download.progress();
    now = 58;
    const pending = deadline.waitFor('a listing', never());
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      'The backup did not finish within its timeout (0.1s): still waiting for the S3 endpoint ' +
        'http://s3.test (part 3 of the upload), silent for 0.1s (and 2 other requests).',
    );
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.reason).toBe(error);
    part.end();
  });

  it('says only that the run was slow when nothing was waiting on the network', async () => {
    const deadline = new Deadline({ run: 'listing', timeoutMs: 20 });
    await sleep(60);
    expect(deadline.reason?.message).toBe(
      'The listing did not finish within its timeout (0.0s). Raise the timeout if the run is only slow.',
    );
  });

  it('turns a cancellation into a CancelledError naming the signal', async () => {
    const outside = new AbortController();
    const deadline = new Deadline({ run: 'backup', timeoutMs: 10_000, signal: outside.signal });
    const pending = deadline.waitFor('anything', never());
    outside.abort(new CancelledError('Cancelled by SIGTERM.', 'SIGTERM'));
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.message).toBe('The backup was cancelled (SIGTERM).');
    expect((error as CancelledError).signal).toBe('SIGTERM');
  });

  it('starts stopped when the outside signal already fired, and refuses new waits', async () => {
    const outside = new AbortController();
    outside.abort(new Error('gone'));
    const deadline = new Deadline({ run: 'verify run', signal: outside.signal });
    expect(deadline.stopped).toBe(true);
    await expect(deadline.waitFor('x', Promise.resolve(1))).rejects.toThrow('The verify run was cancelled.');
  });

  it('keeps the first reason: a stage that fails stops the others with its own error', async () => {
    const deadline = new Deadline({ run: 'backup', timeoutMs: 10_000 });
    const disk = new Error('disk full');
    deadline.stop(disk);
    deadline.stop(new Error('later'));
    expect(deadline.reason).toBe(disk);
  });

  it('bounds the cleanup of a stopped run: work that never ends is given up after the grace', async () => {
    const deadline = new Deadline({ run: 'backup', timeoutMs: 30 });
    const started = Date.now();
    const error = await rejection(deadline.bound(never(), 50));
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lets work that finishes in time through, and clears its timer', async () => {
    const deadline = new Deadline({ run: 'backup', timeoutMs: 10_000 });
    await expect(deadline.bound(Promise.resolve('done'))).resolves.toBe('done');
    await expect(deadline.waitFor('x', Promise.resolve(2))).resolves.toBe(2);
    deadline.dispose();
    expect(deadline.stopped).toBe(false);
  });
});

describe('runProcess', () => {
  const fixture = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'signalled.ts');

  function start(mode: 'stops' | 'ignores') {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const ready = new Promise<void>((resolve) => {
      child.stdout.on('data', () => {
        if (output.includes('ready')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    return { child, ready, exited, output: () => output };
  }

  it('turns SIGTERM into an aborted signal, and exits with 143 once the work stopped', async () => {
    const run = start('stops');
    await run.ready;
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    expect(run.output()).toContain('SIGTERM received: stopping (send it again to exit at once).');
    expect(run.output()).toContain('aborted: Cancelled by SIGTERM.');
  });

  it('ends at once on a second signal when the work does not stop', async () => {
    const run = start('ignores');
    await run.ready;
    run.child.kill('SIGINT');
    await sleep(800);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(130);
    expect(run.output()).toContain('SIGTERM received again: exiting now.');
  });

  it('counts the same signal delivered twice at once (a terminal and the wrapper) as one', async () => {
    const run = start('ignores');
    await run.ready;
    run.child.kill('SIGINT');
    run.child.kill('SIGINT');
    const early = await Promise.race([run.exited, sleep(1500).then(() => 'still running')]);
    expect(early).toBe('still running');
    run.child.kill('SIGKILL');
    await run.exited;
  });
});
