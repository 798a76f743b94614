export {
  type CheckEventOptions,
  checkEvent,
  type IssueComment,
  LOOKUP_RETRY_DELAYS_MS,
  type PolicyGitHub,
} from './check';
export { COMMENT_MARKER, type CommentAction, renderComment, syncStickyComment } from './comment';
export { type ConfigProblem, DEFAULT_CONFIG_PATH, PolicyConfigError, parsePolicyConfig } from './config';
export {
  type CheckStatus,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationInput,
  evaluate,
  type RuleCheck,
  type Verdict,
  type Violation,
} from './evaluate';
export {
  type AssociatedPull,
  type EventFacts,
  type MergeGroupFacts,
  type PullRequestFacts,
  type PushFacts,
  readEvent,
} from './event';
export { branchPatternProblem, firstMatch, matchesGlob } from './glob';
export {
  defaultPolicy,
  type Flow,
  type Policy,
  RULES,
  type RuleName,
  resolvePolicy,
  type Severity,
} from './policy';
export { describePolicy, type PolicySetting, renderConfigProblems, renderSummary } from './report';
export {
  CONVENTIONAL_TYPES,
  DEFAULT_BOT_BRANCHES,
  DEFAULT_FLOWS,
  DEFAULT_OVERRIDE_LABEL,
  DEFAULT_PROTECTED_BRANCHES,
  DEFAULT_TICKET_BRANCHES,
  type PolicyConfigInput,
  policyConfigSchema,
  policyJsonSchema,
} from './schema';
