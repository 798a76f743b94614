import { identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import {
  AWS_ACCESS_KEY_ID_FORM,
  AWS_REGION_FORM,
  AWS_SECRET_ACCESS_KEY_FORM,
  deployHookServiceId,
  parseBackupDestination,
  splitIdentities,
  splitRecipients,
} from './values';
import { VARIABLES, type VariableSpec } from './variables';

/** Which variables a check covers: all of them, those the GitHub workflows read, or the Render service's. */
export type Target = 'all' | 'github' | 'render';
export const TARGETS: readonly Target[] = ['all', 'github', 'render'];

export interface CheckOptions {
  target?: Target;
  /** The values are a template such as `.env.example`: documented example values are accepted. */
  template?: boolean;
  variables?: readonly VariableSpec[];
}

/** One thing wrong with one variable. The message never contains the value. */
export interface ConfigProblem {
  variable: string;
  message: string;
  /** What a valid value looks like. */
  expected?: string;
}

export interface CheckResult {
  ok: boolean;
  problems: ConfigProblem[];
  warnings: ConfigProblem[];
  /** The variables this target covers. */
  checked: string[];
}

export function inTarget(spec: VariableSpec, target: Target): boolean {
  if (target === 'all') return true;
  if (target === 'github') return spec.places.some((place) => place.startsWith('github-'));
  return spec.places.includes('render-env');
}

/** Unset and blank are the same: an Actions secret that does not exist expands to ''. */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

type Values = Readonly<Record<string, string | undefined>>;

interface RuleContext {
  /** The value, when the variable is in scope and set. */
  value(name: string): string | undefined;
  /** Set and well-formed. */
  valid(name: string): boolean;
  inScope(name: string): boolean;
  problem(variable: string, message: string): void;
  warning(variable: string, message: string): void;
}

/**
 * The instance configuration as one zod schema: each variable's shape, which are required, and the rules
 * between variables. Issues carry the variable's name as their path and never the value.
 */
export function instanceConfigSchema(options: CheckOptions = {}) {
  const target = options.target ?? 'all';
  const specs = (options.variables ?? VARIABLES).filter((spec) => inTarget(spec, target));
  const shape = Object.fromEntries(
    specs.map((spec) => [spec.name, z.preprocess(blankToUndefined, spec.schema.optional())]),
  );
  const warnings: ConfigProblem[] = [];
  const schema = z.object(shape).superRefine(async (parsed, ctx) => {
    const values = parsed as Values;
    const byName = new Map(specs.map((spec) => [spec.name, spec]));
    const rule: RuleContext = {
      value: (name) => (byName.has(name) ? values[name] : undefined),
      valid: (name) => {
        const spec = byName.get(name);
        const value = values[name];
        return spec !== undefined && value !== undefined && spec.schema.safeParse(value).success;
      },
      inScope: (name) => byName.has(name),
      problem: (variable, message) => ctx.addIssue({ code: 'custom', path: [variable], message }),
      warning: (variable, message) => warnings.push({ variable, message }),
    };
    for (const spec of specs) {
      const value = values[spec.name];
      if (value === undefined && spec.requirement === 'required') {
        rule.problem(spec.name, 'is missing');
      }
      if (value !== undefined && spec.secret && !options.template && value === spec.example) {
        rule.problem(spec.name, 'still holds the example value from .env.example; set the real one');
      }
    }
    backupStorageRules(rule);
    deployRules(rule);
    atlasRules(rule);
    await encryptionRules(rule);
  });
  return { schema, warnings, specs };
}

function backupStorageRules(rule: RuleContext): void {
  const destination = rule.valid('BACKUP_DESTINATION')
    ? parseBackupDestination(rule.value('BACKUP_DESTINATION') as string)
    : undefined;
  if (destination === undefined || typeof destination === 'string') return;
  if (destination.kind === 'file') {
    if (rule.inScope('AWS_REGION')) {
      rule.warning(
        'BACKUP_DESTINATION',
        'is a file:// folder: on a GitHub-hosted runner it disappears with the runner; use s3:// there',
      );
    }
    return;
  }
  const endpoint = rule.value('S3_ENDPOINT');
  const role = rule.value('AWS_ROLE_ARN');
  const keyId = rule.value('AWS_ACCESS_KEY_ID');
  const secret = rule.value('AWS_SECRET_ACCESS_KEY');
  const onAws = endpoint === undefined;

  if (rule.inScope('AWS_REGION')) {
    const region = rule.value('AWS_REGION');
    if (region === undefined)
      rule.problem('AWS_REGION', 'is missing: an s3:// BACKUP_DESTINATION needs the region');
    else if (onAws && rule.valid('AWS_REGION') && !AWS_REGION_FORM.test(region)) {
      rule.problem('AWS_REGION', 'is not an AWS region name such as eu-west-1 (and no S3_ENDPOINT is set)');
    }
  }
  if (!rule.inScope('AWS_ROLE_ARN') || !rule.inScope('AWS_ACCESS_KEY_ID')) return;
  if (role !== undefined && !onAws) {
    rule.problem(
      'AWS_ROLE_ARN',
      'works with AWS only; an S3_ENDPOINT store needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
    return;
  }
  if (role !== undefined && (keyId !== undefined || secret !== undefined)) {
    rule.problem(
      'AWS_ROLE_ARN',
      'is set together with access keys: keep either the role or the keys, not both',
    );
    return;
  }
  if (role === undefined && keyId === undefined && secret === undefined) {
    rule.problem(
      onAws ? 'AWS_ROLE_ARN' : 'AWS_ACCESS_KEY_ID',
      onAws
        ? 'is missing: an s3:// BACKUP_DESTINATION needs AWS_ROLE_ARN, or AWS_ACCESS_KEY_ID with AWS_SECRET_ACCESS_KEY'
        : 'is missing: an S3_ENDPOINT store needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
    );
    return;
  }
  if (role !== undefined) return;
  if (keyId === undefined)
    rule.problem('AWS_ACCESS_KEY_ID', 'is missing: AWS_SECRET_ACCESS_KEY is set without it');
  if (secret === undefined)
    rule.problem('AWS_SECRET_ACCESS_KEY', 'is missing: AWS_ACCESS_KEY_ID is set without it');
  if (
    onAws &&
    keyId !== undefined &&
    rule.valid('AWS_ACCESS_KEY_ID') &&
    !AWS_ACCESS_KEY_ID_FORM.test(keyId)
  ) {
    rule.problem('AWS_ACCESS_KEY_ID', 'is not an AWS access key id (AKIA… and 16 more letters or digits)');
  }
  if (
    onAws &&
    secret !== undefined &&
    rule.valid('AWS_SECRET_ACCESS_KEY') &&
    !AWS_SECRET_ACCESS_KEY_FORM.test(secret)
  ) {
    rule.problem('AWS_SECRET_ACCESS_KEY', 'is not an AWS secret access key (40 letters, digits, / and +)');
  }
}

function deployRules(rule: RuleContext): void {
  if (!rule.inScope('RENDER_SERVICE_ID')) return;
  const serviceId = rule.value('RENDER_SERVICE_ID');
  const apiKey = rule.value('RENDER_API_KEY');
  const hook = rule.value('RENDER_DEPLOY_HOOK_URL');
  if (serviceId === undefined && hook === undefined) {
    rule.problem(
      'RENDER_SERVICE_ID',
      'is missing: deploys need RENDER_SERVICE_ID with RENDER_API_KEY, or RENDER_DEPLOY_HOOK_URL',
    );
  }
  if (serviceId !== undefined && apiKey === undefined && hook === undefined) {
    rule.problem(
      'RENDER_API_KEY',
      'is missing: RENDER_SERVICE_ID needs it unless RENDER_DEPLOY_HOOK_URL is set',
    );
  }
  if (apiKey !== undefined && serviceId === undefined) {
    rule.problem('RENDER_SERVICE_ID', 'is missing: RENDER_API_KEY is set but names no service to deploy');
  }
  if (serviceId !== undefined && hook !== undefined && rule.valid('RENDER_DEPLOY_HOOK_URL')) {
    const hookService = deployHookServiceId(hook);
    if (hookService !== undefined && hookService !== serviceId) {
      rule.problem('RENDER_DEPLOY_HOOK_URL', 'belongs to another service than RENDER_SERVICE_ID');
    }
  }
}

/** Atlas Cloud Backup needs all four together: the project, its cluster and a service account's id and secret. */
function atlasRules(rule: RuleContext): void {
  const names = ['ATLAS_PROJECT_ID', 'ATLAS_CLUSTER', 'ATLAS_CLIENT_ID', 'ATLAS_CLIENT_SECRET'];
  if (!names.every((name) => rule.inScope(name))) return;
  const set = names.filter((name) => rule.value(name) !== undefined);
  if (set.length === 0 || set.length === names.length) return;
  for (const name of names.filter((n) => !set.includes(n))) {
    rule.problem(name, `is missing: Atlas Cloud Backup needs it with ${set.join(', ')}`);
  }
}

async function encryptionRules(rule: RuleContext): Promise<void> {
  if (
    rule.inScope('AGE_IDENTITY') &&
    rule.value('AGE_IDENTITY') === undefined &&
    rule.valid('BACKUP_DESTINATION')
  ) {
    rule.warning(
      'AGE_IDENTITY',
      'is not set: the verification of each backup and restores cannot decrypt the backups without it',
    );
  }
  if (!rule.valid('AGE_IDENTITY') || !rule.valid('AGE_RECIPIENTS')) return;
  const recipients = new Set(splitRecipients(rule.value('AGE_RECIPIENTS') as string));
  let matched = false;
  for (const identity of splitIdentities(rule.value('AGE_IDENTITY') as string)) {
    if (identity.startsWith('AGE-PLUGIN-')) return; // plugin identities (hardware keys) cannot be checked here
    try {
      if (recipients.has(await identityToRecipient(identity))) matched = true;
    } catch {
      rule.problem('AGE_IDENTITY', 'could not be read as an age secret key');
      return;
    }
  }
  if (!matched) {
    rule.problem(
      'AGE_IDENTITY',
      'matches none of AGE_RECIPIENTS: it could not decrypt backups encrypted to those keys',
    );
  }
}

/** Checks every variable of the target at once; all problems are returned, none thrown. */
export async function checkInstanceConfig(values: Values, options: CheckOptions = {}): Promise<CheckResult> {
  const { schema, warnings, specs } = instanceConfigSchema(options);
  const input = Object.fromEntries(specs.map((spec) => [spec.name, values[spec.name]]));
  const result = await schema.safeParseAsync(input);
  const expected = new Map(specs.map((spec) => [spec.name, spec.expected]));
  const problems: ConfigProblem[] = result.success
    ? []
    : result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '');
        const shape = expected.get(name);
        return { variable: name, message: issue.message, ...(shape ? { expected: shape } : {}) };
      });
  const order = new Map(specs.map((spec, index) => [spec.name, index]));
  const byOrder = (a: ConfigProblem, b: ConfigProblem) =>
    (order.get(a.variable) ?? 0) - (order.get(b.variable) ?? 0);
  return {
    ok: problems.length === 0,
    problems: dedupe(problems).sort(byOrder),
    warnings: dedupe(warnings).sort(byOrder),
    checked: specs.map((spec) => spec.name),
  };
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.variable}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
