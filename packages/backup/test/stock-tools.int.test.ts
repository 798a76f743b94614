// Our backups are restorable by stock tools alone: mongorestore --archive (plain, --gzip), zstd -dc and age -d.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { probeServer } from '@shipkit/mongo';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { type Document, MongoClient } from 'mongodb';
import { testEnv, uniqueName } from '../../../test/support/env';
import { type CompatProxy, startCompatProxy } from '../../../test/support/mongo-compat-proxy';
import { type Compression, runBackup } from '../src';
import { fileDestination, logger, seedSmallShop } from './support';

const sh = promisify(execFile);
let client: MongoClient;
let source: string;
let restoreUri: string;
let proxy: CompatProxy | undefined;

beforeAll(async () => {
  client = await new MongoClient(testEnv().mongodbUri).connect();
  source = await seedSmallShop(client);
  // FerretDB rejects the `ns` index option stock mongorestore always sends (see the proxy's note).
  if ((await probeServer(client)).flavor === 'ferretdb') proxy = await startCompatProxy(testEnv().mongodbUri);
  restoreUri = proxy?.uri ?? testEnv().mongodbUri;
});

afterAll(async () => {
  await proxy?.close();
  await client.db(source).dropDatabase();
  await client.close();
});

async function rawDocuments(db: string, collection: string): Promise<Buffer[]> {
  const docs = await client
    .db(db)
    .collection(collection)
    .find({}, { raw: true, sort: { _id: 1 } })
    .toArray();
  return docs as unknown as Buffer[];
}

function indexSpecs(indexes: Document[]): Document[] {
  return indexes
    .map(({ v: _v, ns: _ns, ...spec }) => spec)
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

async function expectIdentical(target: string): Promise<void> {
  const collections = (await client.db(source).listCollections().toArray()).map((c) => c.name).sort();
  expect((await client.db(target).listCollections().toArray()).map((c) => c.name).sort()).toEqual(
    collections,
  );
  for (const name of collections) {
    const [ours, theirs] = [await rawDocuments(source, name), await rawDocuments(target, name)];
    expect(theirs.length).toBe(ours.length);
    for (const [i, doc] of theirs.entries()) expect(doc.equals(ours[i] as Buffer)).toBe(true);
    expect(indexSpecs(await client.db(target).collection(name).indexes())).toEqual(
      indexSpecs(await client.db(source).collection(name).indexes()),
    );
  }
}

const cases: { label: string; compression: Compression; encrypted: boolean; restore: string }[] = [
  {
    label: 'plain archive',
    compression: 'none',
    encrypted: false,
    restore: 'mongorestore --archive="$ARCHIVE"',
  },
  {
    label: 'gzip, read by --gzip',
    compression: 'gzip',
    encrypted: false,
    restore: 'mongorestore --gzip --archive="$ARCHIVE"',
  },
  {
    label: 'zstd via zstd -dc',
    compression: 'zstd',
    encrypted: false,
    restore: 'zstd -dc "$ARCHIVE" | mongorestore --archive',
  },
  {
    label: 'age + zstd via age -d | zstd -dc',
    compression: 'zstd',
    encrypted: true,
    restore: 'age -d -i "$IDENTITY_FILE" "$ARCHIVE" | zstd -dc | mongorestore --archive',
  },
];

describe('stock mongorestore restores our backups', () => {
  it.each(cases)(
    '$label: every document byte-identical, index specs equal',
    async ({ compression, encrypted, restore }) => {
      const { mongodbUri, mongoToolsBin } = testEnv();
      const destination = await fileDestination();
      const identity = await generateIdentity();
      const result = await runBackup(
        {
          uri: mongodbUri,
          destination,
          include: [source],
          compression,
          recipients: encrypted ? [await identityToRecipient(identity)] : [],
        },
        { logger: logger() },
      );
      const folder = fileURLToPath(destination);
      const archive = join(folder, result.backupId, result.manifest.archive.key);
      const identityFile = join(folder, 'identity.txt');
      await writeFile(identityFile, `${identity}\n`, { mode: 0o600 });
      const target = uniqueName('stock');
      await sh('bash', ['-o', 'pipefail', '-c', `${restore} --uri="$URI" --nsFrom="$FROM" --nsTo="$TO"`], {
        env: {
          PATH: `${mongoToolsBin}:${process.env.PATH}`,
          ARCHIVE: archive,
          IDENTITY_FILE: identityFile,
          URI: restoreUri,
          FROM: `${source}.*`,
          TO: `${target}.*`,
        },
      });
      try {
        await expectIdentical(target);
      } finally {
        await client.db(target).dropDatabase();
      }
    },
  );
});
