/**
 * What the deadline, signal and disk faults look at after the fact: the objects and open multipart
 * uploads a private S3 server holds, what `shipkit list` calls complete, and a database big enough
 * that a backup is still running when the fault is injected.
 */
import { randomBytes } from 'node:crypto';
import { ListMultipartUploadsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { expect } from '@jest/globals';
import type { MongoClient } from 'mongodb';
import type { S3Env } from '../servers/index';
import { runShipkit, type ShipkitExit } from '../support/shipkit-process';

/** The CLI's environment and flags for an S3 server of the test's own. */
export function s3Cli(env: S3Env): { env: Record<string, string>; flags: string[] } {
  return {
    env: {
      AWS_ACCESS_KEY_ID: env.AWS_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: env.AWS_SECRET_ACCESS_KEY,
      AWS_REGION: env.AWS_REGION,
    },
    flags: ['--s3-endpoint', env.S3_ENDPOINT],
  };
}

/** Reads what a private S3 server holds, with short timeouts so a frozen server cannot hang the test. */
export class S3Probe {
  readonly #client: S3Client;
  constructor(private readonly env: S3Env) {
    this.#client = new S3Client({
      endpoint: env.S3_ENDPOINT,
      region: env.AWS_REGION,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
      requestHandler: { connectionTimeout: 2000, requestTimeout: 5000 },
    });
  }

  /** Keys of the objects under `prefix/`. */
  async objects(prefix: string): Promise<string[]> {
    const page = await this.#client.send(
      new ListObjectsV2Command({ Bucket: this.env.S3_BUCKET, Prefix: `${prefix}/` }),
    );
    return (page.Contents ?? []).map((object) => object.Key ?? '');
  }

  /** Keys of the multipart uploads started under `prefix/` and neither completed nor aborted. */
  async openUploads(prefix: string): Promise<string[]> {
    const page = await this.#client.send(
      new ListMultipartUploadsCommand({ Bucket: this.env.S3_BUCKET, Prefix: `${prefix}/` }),
    );
    return (page.Uploads ?? []).map((upload) => upload.Key ?? '');
  }

  /** Resolves once `check` holds, polling; rejects after `timeoutMs`. */
  async until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await check().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    throw new Error(`${what} did not happen within ${timeoutMs} ms`);
  }

  close(): void {
    this.#client.destroy();
  }
}

/**
 * Fills `db.blobs` with incompressible documents (about `mebibytes` MiB), so that a backup of it
 * takes seconds and its archive several 5 MiB parts.
 */
export async function seedBlobs(client: MongoClient, db: string, mebibytes: number): Promise<void> {
  const collection = client.db(db).collection<{ _id: number; blob: string }>('blobs');
  const perDocument = 48 * 1024;
  const count = Math.ceil((mebibytes * 1024 * 1024) / perDocument);
  for (let start = 0; start < count; start += 100) {
    await collection.insertMany(
      Array.from({ length: Math.min(100, count - start) }, (_, i) => ({
        _id: start + i,
        blob: randomBytes((perDocument * 3) / 4).toString('base64'),
      })),
    );
  }
}

/** The id a backup run announced ("backup <id> → …"). */
export function backupIdIn(output: string): string {
  const id = /backup (\d{4}-\d{2}-\d{2}T\d{6}Z-[0-9a-f]+) →/.exec(output)?.[1];
  if (!id) throw new Error(`no backup id in the output:\n${output}`);
  return id;
}

/** What `shipkit list --json` says about the backups at `url`. */
export async function listed(
  url: string,
  extra: { env?: Record<string, string>; flags?: string[] } = {},
): Promise<{ id: string; complete: boolean }[]> {
  const run: ShipkitExit = await runShipkit(['list', '--at', url, '--json', ...(extra.flags ?? [])], {
    env: extra.env ?? {},
  });
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { backups: { id: string; complete: boolean }[] }).backups;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
