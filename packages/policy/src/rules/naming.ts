import { firstMatch } from '../glob';
import type { Policy } from '../policy';
import { type Finding, list, type RuleOutcome } from './finding';

// Renaming on GitHub retargets open pull requests; deleting and re-pushing would close this one.
const RENAME_HINT =
  'Rename the branch on GitHub (Branches page, pencil icon) so this pull request stays open.';

/** Head-branch names: allowed patterns, case, length and a ticket reference. */
export function checkNaming(head: string, naming: Policy['naming']): RuleOutcome {
  const findings: Finding[] = [];
  const pattern = firstMatch(head, naming.branches);
  if (!pattern) {
    findings.push({
      message: `Branch name '${head}' matches none of the allowed patterns.`,
      matched: `allowed: ${list(naming.branches)}`,
      fix: `Use a name such as '${exampleName(head, naming.branches)}'. ${RENAME_HINT}`,
    });
  }
  // A ticket id keeps its own case (ABC-12): "lower-case only" is about the words around it.
  const ticketMatch = naming.ticket ? new RegExp(naming.ticket.pattern).exec(head) : null;
  const lowered = lowerCaseExcept(head, ticketMatch);
  if (naming.lowercase && head !== lowered) {
    findings.push({
      message: `Branch name '${head}' has upper-case letters; only lower-case names are allowed.`,
      matched: `upper-case: ${[...new Set(withoutMatch(head, ticketMatch).match(/\p{Lu}/gu) ?? [])].join('')}`,
      fix: `Rename it to '${lowered}'. ${RENAME_HINT}`,
    });
  }
  if (naming.maxLength !== undefined && head.length > naming.maxLength) {
    findings.push({
      message: `Branch name '${head}' is ${head.length} characters long; the limit is ${naming.maxLength}.`,
      matched: `length ${head.length} > ${naming.maxLength}`,
      fix: `Shorten the name by ${head.length - naming.maxLength} characters or more. ${RENAME_HINT}`,
    });
  }
  const ticket = naming.ticket;
  const ticketBranch = ticket ? firstMatch(head, ticket.branches) : undefined;
  if (ticket && ticketBranch && !ticketMatch) {
    findings.push({
      message: `Branch name '${head}' has no ticket reference matching /${ticket.pattern}/.`,
      matched: `${ticketBranch} branches need a ticket reference`,
      fix: `Put the ticket id in the name, after the prefix (e.g. '${head.replace(/\/.*$/, '')}/<TICKET>-${lastSegment(head)}'). ${RENAME_HINT}`,
    });
  }
  const detail =
    findings.length === 0
      ? [`${head} matches ${pattern}`, ticketBranch && ticketMatch ? `ticket ${ticketMatch[0]}` : undefined]
          .filter(Boolean)
          .join(', ')
      : `${head}: ${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}`;
  return { detail, findings };
}

function withoutMatch(name: string, match: RegExpExecArray | null): string {
  return match ? name.slice(0, match.index) + name.slice(match.index + match[0].length) : name;
}

function lowerCaseExcept(name: string, match: RegExpExecArray | null): string {
  if (!match) return name.toLowerCase();
  const end = match.index + match[0].length;
  return `${name.slice(0, match.index).toLowerCase()}${match[0]}${name.slice(end).toLowerCase()}`;
}

function lastSegment(name: string): string {
  return name.split('/').pop() || name;
}

/** The first wildcard pattern with the branch's own last segment in place of the wildcard. */
function exampleName(head: string, patterns: readonly string[]): string {
  const wildcard = patterns.find((pattern) => pattern.includes('*')) ?? patterns[0] ?? 'feature/*';
  return wildcard.replace(/\*\*|\*/, lastSegment(head).toLowerCase()).replace(/\*\*|\*|\?/g, 'x');
}
