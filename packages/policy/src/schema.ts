import { z } from 'zod';
import { branchPatternProblem } from './glob';

/** The branches of the usual flow: short-lived work → development → main, with back-merges. */
export const DEFAULT_FLOWS: readonly { from: string[]; to: string[] }[] = [
  { from: ['feature/*', 'fix/*', 'chore/*', 'docs/*'], to: ['development'] },
  { from: ['development', 'release/*', 'hotfix/*'], to: ['main'] },
  { from: ['hotfix/*'], to: ['development'] },
  { from: ['main'], to: ['development'] },
];
export const DEFAULT_PROTECTED_BRANCHES = ['main', 'development'];
export const DEFAULT_TICKET_BRANCHES = ['feature/*', 'fix/*', 'hotfix/*'];
export const DEFAULT_BOT_BRANCHES = ['dependabot/**', 'renovate/**'];
export const DEFAULT_OVERRIDE_LABEL = 'policy-override';
/** The Conventional Commits types most tools (commitlint, action-semantic-pull-request) accept by default. */
export const CONVENTIONAL_TYPES = [
  'feat',
  'fix',
  'docs',
  'style',
  'refactor',
  'perf',
  'test',
  'build',
  'ci',
  'chore',
  'revert',
];

const branchPattern = z
  .string()
  .superRefine((pattern, ctx) => {
    const problem = branchPatternProblem(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('A branch name or glob: * matches within one path segment, ** across /, ? one character.');

const branchPatterns = z.union([branchPattern, z.array(branchPattern).min(1)], {
  error: 'expected a branch pattern or a list of branch patterns',
});

const regularExpression = z.string().superRefine((source, ctx) => {
  if (source === '') {
    ctx.addIssue({ code: 'custom', message: 'must not be empty' });
    return;
  }
  try {
    new RegExp(source);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${reason}` });
  }
});

// fail: the check fails; warn: it passes with a warning (useful while rolling a rule out).
const severity = z.enum(['fail', 'warn']);

const flowSchema = z
  .strictObject({
    from: branchPatterns.describe('Head (source) branches this flow allows.'),
    to: branchPatterns.describe('Base (target) branches they may open pull requests against.'),
  })
  .describe('One allowed source → target pair.');

const namingSchema = z
  .strictObject({
    branches: z
      .array(branchPattern)
      .min(1)
      .optional()
      .describe('Allowed head-branch names. Default: every `from` pattern of the flows.'),
    ticket: regularExpression
      .optional()
      .describe(
        "A regular expression a ticket reference must match somewhere in the branch name, e.g. '[A-Z]+-\\d+'.",
      ),
    'ticket-branches': z
      .array(branchPattern)
      .min(1)
      .default(DEFAULT_TICKET_BRANCHES)
      .describe('Which head branches need the ticket reference.'),
    'max-length': z
      .int()
      .min(1)
      .max(255)
      .optional()
      .describe('Longest allowed head-branch name, in characters.'),
    lowercase: z.boolean().default(false).describe('Refuse upper-case letters in head-branch names.'),
  })
  .describe('Rules for head-branch names of pull requests.');

const protectedSchema = z
  .strictObject({
    branches: z
      .array(branchPattern)
      .default(DEFAULT_PROTECTED_BRANCHES)
      .describe('Branches that change only through merged pull requests.'),
    'allowed-actors': z
      .array(z.string().min(1))
      .default([])
      .describe("Logins (globs allowed, e.g. '*[bot]') that may push to protected branches directly."),
  })
  .describe('Pushes to these branches fail unless they are the merge of a pull request into that branch.');

const titlesSchema = z
  .strictObject({
    types: z
      .array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case word such as feat'))
      .min(1)
      .default(CONVENTIONAL_TYPES)
      .describe('Allowed Conventional Commits types.'),
    scopes: z.array(z.string().min(1)).min(1).optional().describe('Allowed scopes. Default: any scope.'),
    'require-scope': z.boolean().default(false).describe('Refuse titles without a (scope).'),
    'subject-pattern': regularExpression
      .optional()
      .describe("A regular expression the subject (after 'type(scope): ') must match, e.g. '^[a-z]'."),
  })
  .describe('Pull request titles must be Conventional Commits headers. Omit the section to skip this rule.');

const exceptionsSchema = z
  .strictObject({
    'bot-branches': z
      .array(branchPattern)
      .default(DEFAULT_BOT_BRANCHES)
      .describe('Head branches of bots, exempt from every pull request rule.'),
    'revert-branches': z
      .boolean()
      .default(true)
      .describe(
        "Exempt GitHub's own revert branches (revert-<number>-<branch>) from every pull request rule.",
      ),
    drafts: z
      .enum(['warn', 'enforce'])
      .default('warn')
      .describe('warn: failures of draft pull requests are reported as warnings; enforce: as failures.'),
    'override-label': z
      .union([z.string().min(1), z.literal(false)], { error: 'expected a label name, or false to disable' })
      .default(DEFAULT_OVERRIDE_LABEL)
      .describe('A label that turns failures into warnings, recorded in the summary. false disables it.'),
  })
  .describe('What the rules do not apply to, or apply to more gently.');

const severitySchema = z
  .strictObject({
    flows: severity.default('fail').describe('How a refused source → target pair is reported.'),
    naming: severity.default('fail').describe('How a badly named head branch is reported.'),
    protected: severity.default('fail').describe('How a push that bypassed pull requests is reported.'),
    titles: severity
      .default('fail')
      .describe('How a title that is not a Conventional Commits header is reported.'),
  })
  .describe('How each rule reports its violations.');

export const policyConfigSchema = z
  .strictObject({
    version: z.literal(1).optional().describe('Config format version; only 1 exists.'),
    flows: z
      .array(flowSchema)
      .min(1)
      .default(DEFAULT_FLOWS.map((flow) => ({ ...flow })))
      .describe(
        'Allowed source → target pairs. A pull request matching no flow fails. Replaces the defaults.',
      ),
    naming: namingSchema.prefault({}),
    protected: protectedSchema.prefault({}),
    titles: titlesSchema.optional(),
    exceptions: exceptionsSchema.prefault({}),
    severity: severitySchema.prefault({}),
  })
  .describe('Branch policy for pull requests and pushes (.github/branch-policy.yml).');

/** The config as written (before defaults), for typing fixtures. */
export type PolicyConfigInput = z.input<typeof policyConfigSchema>;
export type PolicyConfigParsed = z.output<typeof policyConfigSchema>;

/** The published JSON Schema: generated, so it cannot drift from what the action accepts. */
export function policyJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(policyConfigSchema, { target: 'draft-2020-12', io: 'input' });
  return { ...generated, title: 'Branch policy (.github/branch-policy.yml)' };
}
