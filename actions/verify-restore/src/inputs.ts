import { DECRYPT_IDENTITY } from '@shipkit/backup';
import { CONNECT_TIMEOUT, pairRenames, RENAME_ROWS } from '@shipkit/mongo';
import { NOTIFY_ROWS } from '@shipkit/notify';
import {
  CONFIRM,
  DROP,
  RESTORE_EXCLUDE,
  RESTORE_INCLUDE,
  type RestoreRunOptions,
  TARGET_URI,
} from '@shipkit/restore';
import { enumRow, type Values } from '@shipkit/runtime';
import { S3_ROWS, s3Options } from '@shipkit/storage';
import {
  checkLocation,
  LOCATION_ROWS,
  PARALLEL_PARTS,
  RESTORE_PARALLELISM,
  RUN_TIMEOUT,
  SCRATCH_URI,
  type VerifyRunOptions,
} from '@shipkit/verify';

/** Every input of the verify-restore action: action.yml is generated from it. */
export const VERIFY_RESTORE_INPUTS = {
  ...LOCATION_ROWS,
  mode: enumRow(['integrity', 'full', 'restore'] as const, {
    description:
      'integrity (no database: SHA-256, decryption, decompression, CRCs, counts and content hashes against the manifest), full (also restore into {scratch-mongodb-uri} and compare counts, content hashes and indexes), or restore (restore into {target-mongodb-uri}, then check it).',
    default: 'integrity',
  }),
  'scratch-mongodb-uri': SCRATCH_URI,
  'target-mongodb-uri': {
    ...TARGET_URI,
    description: 'For mode restore: the server to restore into. Secret: masked in every form.',
  },
  confirm: { ...CONFIRM, description: `For mode restore: ${CONFIRM.description.replace(/^The/, 'the')}` },
  'decrypt-identity': DECRYPT_IDENTITY,
  ...RENAME_ROWS,
  include: {
    ...RESTORE_INCLUDE,
    description: `For mode restore: ${RESTORE_INCLUDE.description.replace(/^N/, 'n')}`,
  },
  exclude: {
    ...RESTORE_EXCLUDE,
    description: 'For mode restore: namespaces to leave out, same forms as {include}.',
  },
  drop: DROP,
  parallelism: RESTORE_PARALLELISM,
  'parallel-parts': PARALLEL_PARTS,
  timeout: RUN_TIMEOUT,
  'connect-timeout': {
    ...CONNECT_TIMEOUT,
    description: CONNECT_TIMEOUT.description.replace('to MongoDB', 'to the scratch or target MongoDB'),
  },
  ...S3_ROWS,
  ...NOTIFY_ROWS,
};

export type VerifyRestoreInputs =
  | { mode: 'integrity' | 'full'; options: VerifyRunOptions }
  | { mode: 'restore'; options: RestoreRunOptions };

/** The typed options of a run, from the parsed inputs. */
export function verifyRestoreOptions(
  values: Values<typeof VERIFY_RESTORE_INPUTS>,
  env: Readonly<Record<string, string | undefined>> = process.env,
): VerifyRestoreInputs {
  const source = values.source;
  const common = {
    location: checkLocation({ ...(source ? { source } : {}), backup: values.backup }),
    ...(values['decrypt-identity'] ? { identity: values['decrypt-identity'] } : {}),
    parallelism: values.parallelism,
    parallelParts: values['parallel-parts'],
    timeoutMs: values.timeout,
    ...(values['connect-timeout'] === undefined ? {} : { connectTimeoutMs: values['connect-timeout'] }),
    storage: s3Options(values, env),
  };
  const renames = pairRenames(values['ns-from'], values['ns-to']);
  if (values.mode !== 'restore') {
    const scratchUri = values['scratch-mongodb-uri'];
    return {
      mode: values.mode,
      options: { ...common, mode: values.mode, renames, ...(scratchUri ? { scratchUri } : {}) },
    };
  }
  return {
    mode: 'restore',
    options: {
      ...common,
      targetUri: values['target-mongodb-uri'] ?? '',
      renames,
      include: values.include,
      exclude: values.exclude,
      drop: values.drop,
      // The action never restores without the typed confirmation.
      confirm: values.confirm ?? '',
    },
  };
}
