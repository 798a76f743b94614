// The bundled action running a backup in parts step by step, as the reusable workflow's plan, part and
// finalize jobs run it (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, exit code).
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findBackup } from '@shipkit/backup';
import { secretForms, uriCredentials } from '@shipkit/runtime';
import { openStorage } from '@shipkit/storage';
import { MongoClient } from 'mongodb';
import { fileDestination, seedSmallShop } from '../../../packages/backup/test/support';
import { runAction } from '../../../test/runner';
import { testEnv } from '../../../test/support/env';

const entry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
let client: MongoClient;
let source: string;

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  source = await seedSmallShop(client, 200);
  // One collection large enough to be cut into _id ranges over the parts.
  await client
    .db(source)
    .collection<{ _id: number }>('events')
    .insertMany(
      Array.from({ length: 3000 }, (_, i) => ({ _id: i, payload: randomBytes(200).toString('base64') })),
    );
});

afterAll(async () => {
  await client.db(source).dropDatabase();
  await client.close();
});

describe('mongo-backup action: parts-step', () => {
  it('plans, writes each part and finalizes; each step sets its outputs and writes its summary table', async () => {
    const uri = testEnv().mongodbUri;
    const destination = await fileDestination();
    const planned = await runAction(entry, {
      inputs: { 'mongodb-uri': uri, destination, include: source, 'parts-step': 'plan', parts: '3' },
    });
    expect(planned.stderr).toBe('');
    expect(planned.exitCode).toBe(0);
    const backupId = planned.outputs['backup-id'] as string;
    expect(backupId).toMatch(/^\d{4}-\d{2}-\d{2}T\d{6}Z-[0-9a-f]{6}$/);
    expect(JSON.parse(planned.outputs['parts-matrix'] as string)).toEqual([1, 2, 3]);
    expect(planned.summary).toContain('| part | estimated data |');
    expect(planned.summary).toContain(`| \`${backupId}\` | 3 |`);

    const steps = [planned];
    let documents = 0;
    for (const part of [3, 1, 2]) {
      const written = await runAction(entry, {
        inputs: {
          'mongodb-uri': uri,
          destination,
          'parts-step': 'part',
          'backup-id': backupId,
          part: String(part),
        },
      });
      expect(written.exitCode).toBe(0);
      expect(written.outputs).toMatchObject({ 'backup-id': backupId, part: String(part) });
      expect(Number(written.outputs.bytes)).toBeGreaterThan(0);
      documents += Number(written.outputs.documents);
      expect(written.summary).toContain(`MongoDB backup in parts: part ${part} of 3`);
      steps.push(written);
    }

    // Finalize reads the storage only: no connection string.
    const finalized = await runAction(entry, {
      inputs: { destination, 'parts-step': 'finalize', 'backup-id': backupId },
    });
    expect(finalized.exitCode).toBe(0);
    steps.push(finalized);
    expect(finalized.outputs['backup-id']).toBe(backupId);
    expect(finalized.outputs['manifest-url']).toBe(`${destination}/${backupId}/manifest.json`);
    expect(finalized.outputs['backup-url']).toBe(`${destination}/${backupId}/`);
    expect(Number(finalized.outputs.documents)).toBe(documents);
    expect(documents).toBe(200 + 40 + 400 + 1 + 3000);
    expect(finalized.outputs.anomaly).toBe('false');
    expect(finalized.summary).toContain(
      '| part | namespaces | documents | stored | read from | read until |',
    );
    const storage = openStorage(destination);
    expect((await findBackup(storage, backupId))?.state).toBe('complete');

    const password = uriCredentials(uri)?.password ?? '';
    for (const step of steps) {
      for (const form of [...secretForms(uri), password]) expect(step.everything).not.toContain(form);
    }
  });

  it('refuses a part out of the plan, naming the input, and writes nothing for it', async () => {
    const destination = await fileDestination();
    const uri = testEnv().mongodbUri;
    const planned = await runAction(entry, {
      inputs: { 'mongodb-uri': uri, destination, include: source, 'parts-step': 'plan', parts: '2' },
    });
    expect(planned.exitCode).toBe(0);
    const backupId = planned.outputs['backup-id'] as string;
    const result = await runAction(entry, {
      inputs: { 'mongodb-uri': uri, destination, 'parts-step': 'part', 'backup-id': backupId, part: '3' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toBe(
      `Input 'part' must be a part of backup ${backupId}: 1 to 2, got 3.`,
    );
    expect(result.everything).not.toMatch(/\n\s+at /);
    const written = await readdir(join(fileURLToPath(destination), backupId));
    expect(written.filter((name) => name.startsWith('part-003'))).toEqual([]);
  });

  it.each([
    [
      'a part without backup-id',
      { 'parts-step': 'part', part: '1' },
      "Input 'backup-id' is required with 'parts-step' part: the backup-id output of the plan step.",
    ],
    [
      'a finalize with a backup-id that is none',
      { 'parts-step': 'finalize', 'backup-id': '../elsewhere' },
      "Input 'backup-id' must be a backup id such as 2026-11-25T030000Z-1a2b3c, got '../elsewhere'.",
    ],
    [
      'a part without part',
      { 'parts-step': 'part', 'backup-id': '2026-11-25T030000Z-1a2b3c' },
      /^Input 'part' is required/,
    ],
    [
      'an unknown step',
      { 'parts-step': 'merge' },
      /^Input 'parts-step' must be one of 'plan', 'part', 'finalize', got 'merge'/,
    ],
    ['parts without a plan step', { parts: '4' }, /^Input 'parts' splits a backup only with/],
    ['a plan of one part', { 'parts-step': 'plan', parts: '1' }, /^Input 'parts' must be 2 or more/],
    ['part on a whole backup', { part: '2' }, /^Input 'part' is only for/],
    [
      'backup-id on a plan',
      { 'parts-step': 'plan', parts: '2', 'backup-id': '2026-11-25T030000Z-1a2b3c' },
      /^Input 'backup-id' is only for/,
    ],
  ])('refuses %s, naming the input, before connecting anywhere', async (_what, inputs, message) => {
    const destination = await fileDestination();
    const result = await runAction(entry, {
      inputs: { 'mongodb-uri': 'mongodb://127.0.0.1:1/', destination, ...inputs },
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations).toHaveLength(1);
    if (typeof message === 'string') expect(result.annotations[0]?.message).toBe(message);
    else expect(result.annotations[0]?.message).toMatch(message);
    expect(result.everything).not.toMatch(/\n\s+at /);
  });
});
