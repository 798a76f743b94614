/** One broken rule, before severities are applied: what is wrong, what matched, how to fix it. */
export interface Finding {
  message: string;
  matched: string;
  fix: string;
}

/** What a rule saw: a one-line "what matched" for the summary, and its findings. */
export interface RuleOutcome {
  detail: string;
  findings: Finding[];
}

export const list = (values: readonly string[]): string => values.join(', ');
export const shortSha = (sha: string): string => sha.slice(0, 7);
