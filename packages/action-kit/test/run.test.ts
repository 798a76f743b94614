import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { UserError } from '@shipkit/runtime';
import { failureMessage, maskSecret, run } from '../src';

// The tests run `main` inside jest's process, which must not be ended afterwards.
const inProcess = { exit: false };

describe('run', () => {
  let written: string[];
  const originalWrite = process.stdout.write.bind(process.stdout);

  beforeEach(() => {
    written = [];
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    process.exitCode = 0;
  });

  afterEach(() => {
    process.stdout.write = originalWrite;
    process.exitCode = 0;
    delete process.env.RUNNER_DEBUG;
  });

  it.each([
    ['an Error', new Error('boom'), 'boom'],
    [
      'a UserError',
      new UserError("Input 'x' is required but was not given."),
      "Input 'x' is required but was not given.",
    ],
    ['a string', 'plain string', 'plain string'],
    ['an object', { code: 42 }, '{"code":42}'],
    ['undefined', undefined, 'unknown error (undefined was thrown)'],
    ['null', null, 'unknown error (null was thrown)'],
  ])('turns %s into a failed step with a clean message', async (_kind, thrown, message) => {
    await run(async () => {
      throw thrown;
    }, inProcess);
    expect(process.exitCode).toBe(1);
    expect(written.join('')).toContain(`::error::${message}`);
    expect(written.join('')).not.toMatch(/\n\s+at /);
  });

  it('leaves a successful step alone', async () => {
    await run(async () => {}, inProcess);
    expect(process.exitCode).toBe(0);
    expect(written.join('')).not.toContain('::error::');
  });

  it('adds the stack only under RUNNER_DEBUG=1, and never for user errors', () => {
    const error = new Error('deep failure');
    expect(failureMessage(error, false)).toBe('deep failure');
    expect(failureMessage(error, true)).toMatch(/^deep failure\nError: deep failure\n\s+at /);
    expect(failureMessage(new UserError('fix your input'), true)).toBe('fix your input');
  });

  it('redacts registered secrets from the failure message', async () => {
    const uri = 'mongodb://app:Sup3r%2Fsecret@db.example.com/shop';
    maskSecret(uri);
    await run(async () => {
      throw new Error(`could not connect to ${uri} with password Sup3r/secret`);
    }, inProcess);
    const out = written.join('');
    expect(out).toContain('::add-mask::');
    const failure = out.slice(out.indexOf('::error::'));
    expect(failure).toBe('::error::could not connect to *** with password ***\n');
  });
});
