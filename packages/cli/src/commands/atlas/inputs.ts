/**
 * Every input of the `shipkit atlas …` commands, one typed list per command: name, type, default,
 * description, CLI flag, environment fallback, secret. The options `--help` shows and the values the
 * commands read both come from these lists, nothing else.
 */
import { type Inputs, parseDuration, UserError } from '@shipkit/action-kit';
import { ATLAS_ID, type AtlasCredentials, CLUSTER_NAME, parseZonedTime } from '@shipkit/atlas';
import type { OptionSpec, ParsedArgs } from '../../command';
import { optionInputs } from '../../inputs';

export interface InputSpec {
  /** The input's own name (an action input's name). */
  name: string;
  type: 'string' | 'boolean' | 'duration' | 'integer';
  /** As text, the way an action.yml declares it. */
  default?: string;
  description: string;
  /** The command-line option (without `--`); none: read from `env` only (credentials stay off argv). */
  flag?: string;
  /** Shown in `--help`, e.g. `<groupId>`. */
  value?: string;
  /** Read when the option is not given. */
  env?: string;
  secret?: boolean;
}

const CONNECTION: readonly InputSpec[] = [
  {
    name: 'project-id',
    flag: 'project',
    type: 'string',
    value: '<groupId>',
    env: 'ATLAS_PROJECT_ID',
    description: 'the Atlas project id (24 hexadecimal digits, Project Settings)',
  },
  {
    name: 'cluster',
    flag: 'cluster',
    type: 'string',
    value: '<name>',
    env: 'ATLAS_CLUSTER',
    description: "the cluster's name",
  },
  {
    name: 'client-id',
    type: 'string',
    env: 'ATLAS_CLIENT_ID',
    description: "a service account's client id (mdb_sa_id_…)",
  },
  {
    name: 'client-secret',
    type: 'string',
    env: 'ATLAS_CLIENT_SECRET',
    secret: true,
    description: "that service account's secret",
  },
  {
    name: 'public-key',
    type: 'string',
    env: 'ATLAS_PUBLIC_KEY',
    description: "a legacy API key's public key (instead of a service account)",
  },
  {
    name: 'private-key',
    type: 'string',
    env: 'ATLAS_PRIVATE_KEY',
    secret: true,
    description: "that API key's private key",
  },
  {
    name: 'base-url',
    type: 'string',
    env: 'ATLAS_BASE_URL',
    default: 'https://cloud.mongodb.com',
    description: 'where Atlas is',
  },
];

const timeout = (fallback: string, what: string): InputSpec => ({
  name: 'timeout',
  flag: 'timeout',
  type: 'duration',
  value: '<duration>',
  default: fallback,
  description: `deadline for every request${what}; then exit 1 (default ${fallback})`,
});
const wait: InputSpec = {
  name: 'wait',
  flag: 'wait',
  type: 'boolean',
  default: 'false',
  description: 'follow it until it ends',
};
const pollInterval = (fallback: string): InputSpec => ({
  name: 'poll-interval',
  flag: 'poll-interval',
  type: 'duration',
  value: '<duration>',
  default: fallback,
  description: `with --wait: how often to look (default ${fallback})`,
});

export const SNAPSHOT_INPUTS: readonly InputSpec[] = [
  ...CONNECTION,
  {
    name: 'description',
    flag: 'description',
    type: 'string',
    value: '<text>',
    description: "shown in Atlas (default: 'shipkit on-demand snapshot <time>')",
  },
  {
    name: 'retention-days',
    flag: 'retention-days',
    type: 'integer',
    value: '<days>',
    default: '7',
    description: 'how long Atlas keeps the snapshot (default 7)',
  },
  wait,
  pollInterval('10s'),
  timeout('30m', ' and for the wait'),
];

export const SNAPSHOTS_INPUTS: readonly InputSpec[] = [...CONNECTION, timeout('2m', '')];

export const EXPORT_INPUTS: readonly InputSpec[] = [
  ...CONNECTION,
  {
    name: 'snapshot-id',
    flag: 'snapshot',
    type: 'string',
    value: '<id>',
    description: 'the completed snapshot to export',
  },
  {
    name: 'export-bucket-id',
    flag: 'bucket',
    type: 'string',
    value: '<exportBucketId>',
    description: "the export bucket's id in Atlas (Project → Backup → Export buckets), not its name",
  },
  wait,
  pollInterval('30s'),
  timeout('2h', ' and for the wait'),
];

export const RESTORE_INPUTS: readonly InputSpec[] = [
  ...CONNECTION,
  {
    name: 'snapshot-id',
    flag: 'snapshot',
    type: 'string',
    value: '<id>',
    description: 'the snapshot to restore',
  },
  {
    name: 'point-in-time',
    flag: 'point-in-time',
    type: 'string',
    value: '<ISO time>',
    description:
      'instead of a snapshot: the moment to restore (continuous backup), e.g. 2026-11-25T03:00:00Z',
  },
  {
    name: 'target-cluster',
    flag: 'target-cluster',
    type: 'string',
    value: '<name>',
    description: 'the cluster whose data is replaced',
  },
  {
    name: 'target-project-id',
    flag: 'target-project',
    type: 'string',
    value: '<groupId>',
    description: "the target cluster's project (default: --project)",
  },
  {
    name: 'confirm',
    flag: 'confirm',
    type: 'string',
    value: '<name>',
    description: 'the target cluster name, typed again: nothing starts without it',
  },
  wait,
  pollInterval('30s'),
  timeout('2h', ' and for the wait'),
];

export const POLICY_INPUTS: readonly InputSpec[] = [
  ...CONNECTION,
  {
    name: 'expect',
    flag: 'expect',
    type: 'string',
    value: '<file>',
    description: 'the desired policy, YAML or JSON (see docs/ATLAS.md)',
  },
  timeout('2m', ''),
];

export const FRESHNESS_INPUTS: readonly InputSpec[] = [
  ...CONNECTION,
  {
    name: 'max-age',
    flag: 'max-age',
    type: 'duration',
    value: '<duration>',
    description: 'the newest completed snapshot may be this old, e.g. 26h',
  },
  timeout('2m', ''),
];

/** The command-line options of a list: every input with a flag (never a secret). */
export function optionsOf(specs: readonly InputSpec[]): Record<string, OptionSpec> {
  const options: Record<string, OptionSpec> = {};
  for (const spec of specs) {
    const flag = spec.flag;
    if (!flag || spec.secret) continue;
    const env = spec.env ? ` (env ${spec.env})` : '';
    options[flag] = {
      type: spec.type === 'boolean' ? 'boolean' : 'string',
      description: `${spec.description}${env}`,
      ...(spec.value ? { value: spec.value } : {}),
    };
  }
  return options;
}

/** The environment variables of a list, for `--help`. */
export function environmentOf(specs: readonly InputSpec[]): string {
  return specs
    .filter((spec) => spec.env && !spec.flag)
    .map(
      (spec) =>
        `  ${spec.env!.padEnd(20)} ${spec.description}${spec.default ? ` (default ${spec.default})` : ''}`,
    )
    .join('\n');
}

/**
 * The values of one command's inputs, read once: options, then environment variables, then the list's
 * defaults; errors name the option or the variable.
 */
export class CommandInputs {
  private readonly inputs: Inputs;
  private readonly byName: Map<string, InputSpec>;

  constructor(
    private readonly specs: readonly InputSpec[],
    args: ParsedArgs,
    env: Readonly<Record<string, string | undefined>>,
  ) {
    this.byName = new Map(specs.map((spec) => [spec.name, spec]));
    const aliases = Object.fromEntries(
      specs
        .filter((spec) => spec.flag && spec.flag !== spec.name)
        .map((spec) => [spec.flag as string, spec.name]),
    );
    // Only what the list puts on the command line is read from it.
    const onCommandLine = new Set(specs.flatMap((spec) => (spec.flag ? [spec.flag] : [])));
    const options = Object.fromEntries(
      Object.entries(args.options).filter(([option]) => onCommandLine.has(option)),
    );
    const envFallbacks = Object.fromEntries(
      specs.filter((spec) => spec.env).map((spec) => [spec.name, spec.env as string]),
    );
    this.inputs = optionInputs({ ...args, options }, env, { aliases, envFallbacks });
  }

  /** How errors name an input: its option, and its variable when it has one. */
  label(name: string): string {
    const spec = this.spec(name);
    const flag = spec.flag ? `--${spec.flag}` : undefined;
    if (flag && spec.env) return `${flag} (or ${spec.env})`;
    return flag ?? spec.env ?? name;
  }

  string(name: string): string | undefined {
    return this.inputs.string(name) ?? this.spec(name).default;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined) throw new UserError(`${this.label(name)} is required.`);
    return value;
  }

  boolean(name: string): boolean {
    return this.inputs.boolean(name, this.spec(name).default === 'true');
  }

  duration(name: string): number {
    const spec = this.spec(name);
    if (spec.default === undefined) this.required(name);
    return this.inputs.duration(name, spec.default === undefined ? 0 : parseDuration(name, spec.default));
  }

  integer(name: string, range: { min?: number; max?: number } = {}): number {
    const spec = this.spec(name);
    return this.inputs.integer(name, Number(spec.default ?? Number.NaN), range);
  }

  /** Every secret value given, for the redactor. */
  secrets(): string[] {
    return this.specs.filter((spec) => spec.secret).flatMap((spec) => this.inputs.string(spec.name) ?? []);
  }

  private spec(name: string): InputSpec {
    const spec = this.byName.get(name);
    if (!spec) throw new Error(`no input '${name}' in this command's list`);
    return spec;
  }
}

/** The project and cluster, checked against the forms Atlas accepts. */
export function target(inputs: CommandInputs): { projectId: string; cluster: string } {
  const projectId = inputs.required('project-id');
  if (!ATLAS_ID.test(projectId)) {
    throw new UserError(
      `${inputs.label('project-id')} must be an Atlas project id: 24 hexadecimal digits (Project Settings → Project ID), got '${projectId}'.`,
    );
  }
  return { projectId, cluster: clusterName(inputs, 'cluster') };
}

export function clusterName(inputs: CommandInputs, name: string): string {
  const cluster = inputs.required(name);
  if (!CLUSTER_NAME.test(cluster)) {
    throw new UserError(
      `${inputs.label(name)} must be a cluster name (letters, digits and hyphens), got '${cluster}'.`,
    );
  }
  return cluster;
}

export function hexId(inputs: CommandInputs, name: string, what: string): string {
  const id = inputs.required(name);
  if (!ATLAS_ID.test(id))
    throw new UserError(`${inputs.label(name)} must be ${what} (24 hexadecimal digits), got '${id}'.`);
  return id;
}

/** A service account (ATLAS_CLIENT_ID + ATLAS_CLIENT_SECRET) or an API key (ATLAS_PUBLIC_KEY + ATLAS_PRIVATE_KEY). */
export function credentials(inputs: CommandInputs): { credentials: AtlasCredentials; source: string } {
  const clientId = inputs.string('client-id');
  const clientSecret = inputs.string('client-secret');
  const publicKey = inputs.string('public-key');
  const privateKey = inputs.string('private-key');
  const pair = (a: string, b: string) => `${inputs.label(a)} and ${inputs.label(b)}`;
  if (clientId || clientSecret) {
    if (!clientId || !clientSecret) {
      throw new UserError(`A service account needs both ${pair('client-id', 'client-secret')}.`);
    }
    return {
      credentials: { kind: 'service-account', clientId, clientSecret },
      source: pair('client-id', 'client-secret'),
    };
  }
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey)
      throw new UserError(`An API key needs both ${pair('public-key', 'private-key')}.`);
    return {
      credentials: { kind: 'api-key', publicKey, privateKey },
      source: pair('public-key', 'private-key'),
    };
  }
  throw new UserError(
    `Give Atlas credentials: a service account in ${pair('client-id', 'client-secret')} (recommended), or an API key in ${pair('public-key', 'private-key')}.`,
  );
}

export function baseUrl(inputs: CommandInputs): string {
  const url = inputs.required('base-url');
  if (!/^https?:\/\/[^/]/.test(url)) {
    throw new UserError(`${inputs.label('base-url')} must be an http:// or https:// URL, got '${url}'.`);
  }
  return url;
}

/** `2026-11-25T03:00:00Z` (a time zone required: a restore must not depend on the machine's zone). */
export function pointInTime(inputs: CommandInputs): Date | undefined {
  const raw = inputs.string('point-in-time');
  if (raw === undefined) return undefined;
  const date = parseZonedTime(raw);
  if (!date) {
    throw new UserError(
      `${inputs.label('point-in-time')} must be an ISO 8601 time with its zone, e.g. 2026-11-25T03:00:00Z, got '${raw}'.`,
    );
  }
  return date;
}
