/** The servers the integration global setup started, read from the environment it exported. */
import { randomBytes } from 'node:crypto';

export interface TestEnv {
  mongodbUri: string;
  mongoToolsBin: string;
  s3: {
    endpoint: string;
    bucket: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    clientConfig: {
      endpoint: string;
      region: string;
      forcePathStyle: true;
      credentials: { accessKeyId: string; secretAccessKey: string };
    };
  };
}

function need(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: integration tests get it from test/servers (run them with \`npm test\`).`,
    );
  }
  return value;
}

export function testEnv(): TestEnv {
  const endpoint = need('S3_ENDPOINT');
  const region = need('AWS_REGION');
  const accessKeyId = need('AWS_ACCESS_KEY_ID');
  const secretAccessKey = need('AWS_SECRET_ACCESS_KEY');
  return {
    mongodbUri: need('MONGODB_URI'),
    mongoToolsBin: need('MONGO_TOOLS_BIN'),
    s3: {
      endpoint,
      bucket: need('S3_BUCKET'),
      region,
      accessKeyId,
      secretAccessKey,
      clientConfig: { endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } },
    },
  };
}

/** A database/prefix name no other test uses (MongoDB database names stay under 64 bytes). */
export function uniqueName(label: string): string {
  return `${label}_${randomBytes(4).toString('hex')}`;
}
