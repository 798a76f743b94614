/**
 * The rows every `shipkit atlas …` command shares, defined once: the project and cluster, the
 * credentials (from the environment only) and where Atlas is. This module imports no Atlas code, so that
 * a command which only may talk to Atlas (`init-client`) can reuse the rows without loading it.
 */
import { textRow } from '@shipkit/runtime';

/** Where the cluster is: its project and its name. */
export const TARGET_ROWS = {
  'project-id': textRow({
    description: 'The Atlas project id (24 hexadecimal digits, Project Settings).',
    required: true,
    flag: 'project',
    env: 'ATLAS_PROJECT_ID',
    placeholder: '<groupId>',
  }),
  cluster: textRow({
    description: "The cluster's name.",
    required: true,
    env: 'ATLAS_CLUSTER',
    placeholder: '<name>',
  }),
};

/** A service account or a legacy API key, from the environment only, and where Atlas is. */
export const CREDENTIAL_ROWS = {
  'client-id': textRow({
    description: "A service account's client id (mdb_sa_id_…).",
    flag: false,
    env: 'ATLAS_CLIENT_ID',
  }),
  'client-secret': textRow({
    description: "That service account's secret.",
    secret: true,
    flag: false,
    env: 'ATLAS_CLIENT_SECRET',
  }),
  'public-key': textRow({
    description: "A legacy API key's public key (instead of a service account).",
    flag: false,
    env: 'ATLAS_PUBLIC_KEY',
  }),
  'private-key': textRow({
    description: "That API key's private key.",
    secret: true,
    flag: false,
    env: 'ATLAS_PRIVATE_KEY',
  }),
  'base-url': textRow({
    description: 'Where Atlas is.',
    default: 'https://cloud.mongodb.com',
    flag: false,
    env: 'ATLAS_BASE_URL',
  }),
};

/** What every command reads: the cluster, and how to reach Atlas. */
export const CONNECTION_ROWS = { ...TARGET_ROWS, ...CREDENTIAL_ROWS };
