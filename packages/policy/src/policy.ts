import { type PolicyConfigParsed, policyConfigSchema } from './schema';

export type Severity = 'fail' | 'warn';
export type RuleName = 'flows' | 'naming' | 'protected' | 'titles';
export const RULES: readonly RuleName[] = ['flows', 'naming', 'protected', 'titles'];

export interface Flow {
  from: string[];
  to: string[];
}

/** The effective policy: every default filled in, in the shape the engine reads. */
export interface Policy {
  flows: Flow[];
  naming: {
    branches: string[];
    ticket?: { pattern: string; branches: string[] };
    maxLength?: number;
    lowercase: boolean;
  };
  protected: { branches: string[]; allowedActors: string[] };
  /** Absent when titles are not checked. */
  titles?: { types: string[]; scopes?: string[]; requireScope: boolean; subjectPattern?: string };
  exceptions: {
    botBranches: string[];
    revertBranches: boolean;
    drafts: 'warn' | 'enforce';
    overrideLabel?: string;
  };
  severity: Record<RuleName, Severity>;
}

const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
const unique = (values: string[]): string[] => [...new Set(values)];

export function resolvePolicy(config: PolicyConfigParsed): Policy {
  const flows = config.flows.map((flow) => ({ from: asList(flow.from), to: asList(flow.to) }));
  const { naming, titles, exceptions } = config;
  const policy: Policy = {
    flows,
    naming: {
      branches: naming.branches ?? unique(flows.flatMap((flow) => flow.from)),
      lowercase: naming.lowercase,
    },
    protected: { branches: config.protected.branches, allowedActors: config.protected['allowed-actors'] },
    exceptions: {
      botBranches: exceptions['bot-branches'],
      revertBranches: exceptions['revert-branches'],
      drafts: exceptions.drafts,
    },
    severity: config.severity,
  };
  if (naming.ticket !== undefined)
    policy.naming.ticket = { pattern: naming.ticket, branches: naming['ticket-branches'] };
  if (naming['max-length'] !== undefined) policy.naming.maxLength = naming['max-length'];
  if (exceptions['override-label'] !== false) policy.exceptions.overrideLabel = exceptions['override-label'];
  if (titles) {
    policy.titles = { types: titles.types, requireScope: titles['require-scope'] };
    if (titles.scopes) policy.titles.scopes = titles.scopes;
    if (titles['subject-pattern'] !== undefined) policy.titles.subjectPattern = titles['subject-pattern'];
  }
  return policy;
}

/** The policy used when the repository has no config file: the schema's defaults. */
export function defaultPolicy(): Policy {
  return resolvePolicy(policyConfigSchema.parse({}));
}
