/**
 * For the tests that run every command as users run it — `node bin/shipkit.js …` → packages/cli/dist
 * (test/support/shipkit-process.ts) — against the real test servers and the loopback fakes.
 */
import { expect } from '@jest/globals';
import { secretForms, uriCredentials } from '@shipkit/runtime';
import { testEnv } from '../../../../test/support/env';
import type { ShipkitExit } from '../../../../test/support/shipkit-process';

/** The environment a command needs to reach the test S3 server, as a user's shell would hold it. */
export function s3Env(): Record<string, string> {
  const { s3 } = testEnv();
  return {
    AWS_ACCESS_KEY_ID: s3.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
    AWS_REGION: s3.region,
    S3_ENDPOINT: s3.endpoint,
  };
}

/**
 * Every spelling of each secret worth looking for. A MongoDB connection string is one through its
 * password only: without one (a CI server without auth) it is printed as it is, and is no secret.
 */
export function secretsOf(...values: (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    if (/^mongodb(\+srv)?:\/\//.test(value) && !uriCredentials(value)?.password) continue;
    for (const form of secretForms(value)) forms.add(form);
  }
  return [...forms];
}

/** The secrets a test always has: the S3 secret key, and the test server's password when it has one. */
export function serverSecrets(): string[] {
  return secretsOf(testEnv().s3.secretAccessKey, testEnv().mongodbUri);
}

/** Nothing the run printed holds any of `secrets`; there was at least one to look for. */
export function expectNoSecret(run: ShipkitExit, secrets: string[]): void {
  expect(secrets.length).toBeGreaterThan(0);
  for (const secret of secrets) {
    if (run.everything.includes(secret)) throw new Error(`the run printed a secret (${secret.length} chars)`);
  }
}

/** The run's stdout as JSON, or a failure that shows what it printed. */
export function stdoutJson<T = Record<string, unknown>>(run: ShipkitExit): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** The exit code, with what the run printed when it is not the one expected. */
export function expectExit(run: ShipkitExit, code: number): void {
  if (run.code !== code) {
    throw new Error(
      `exit ${run.code}, expected ${code}:\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`,
    );
  }
}
