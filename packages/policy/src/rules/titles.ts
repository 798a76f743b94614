import type { Policy } from '../policy';
import { type Finding, list, type RuleOutcome } from './finding';

type TitlesPolicy = NonNullable<Policy['titles']>;

// type(scope)!: subject — scope and ! optional; anything before the colon that is not this shape is refused.
const HEADER = /^(?<type>[^\s():!]+)(?:\((?<scope>[^()]*)\))?(?<breaking>!)?:(?<space>\s?)(?<subject>.*)$/;

/** What a branch prefix usually means as a Conventional Commits type, for the suggested title. */
const TYPE_FOR_PREFIX: Record<string, string> = {
  feature: 'feat',
  feat: 'feat',
  fix: 'fix',
  hotfix: 'fix',
  docs: 'docs',
  chore: 'chore',
};

/** Pull request titles as Conventional Commits headers: type, scope and subject. */
export function checkTitle(title: string, head: string, titles: TitlesPolicy): RuleOutcome {
  const parsed = HEADER.exec(title.trim())?.groups;
  // "feat:subject" lacks the space the spec requires; "feat:" alone is reported as a missing subject.
  const header = parsed && (parsed.space !== '' || parsed.subject === '') ? parsed : undefined;
  if (!header) {
    return {
      detail: `'${title}' is not a Conventional Commits header`,
      findings: [
        {
          message: `Title '${title}' is not a Conventional Commits header ('type(scope): subject').`,
          matched: `title '${title}'`,
          fix: `Edit the title, e.g. '${suggestTitle(title, head, titles)}'.`,
        },
      ],
    };
  }
  const type = header.type as string;
  const subject = (header.subject ?? '').trim();
  const scopes = header.scope === undefined ? [] : header.scope.split(',').map((scope) => scope.trim());
  const findings: Finding[] = [];
  const validType = titles.types.includes(type) ? type : suggestType(type, titles);

  if (!titles.types.includes(type)) {
    findings.push({
      message: `Type '${type}' is not allowed in pull request titles.`,
      matched: `type '${type}'`,
      fix: `Start the title with one of: ${list(titles.types)}.`,
    });
  }
  if (header.scope === undefined && titles.requireScope) {
    findings.push({
      message: 'The title has no scope, and a scope is required.',
      matched: `title '${title}'`,
      fix: `Add one: '${validType}(${titles.scopes?.[0] ?? 'scope'}): ${subject}'${titles.scopes ? `; allowed scopes: ${list(titles.scopes)}` : ''}.`,
    });
  }
  for (const scope of scopes) {
    if (scope === '') {
      findings.push({
        message: 'The title has an empty scope.',
        matched: `title '${title}'`,
        fix: `Name the scope inside the parentheses or remove them: '${validType}: ${subject}'.`,
      });
    } else if (titles.scopes && !titles.scopes.includes(scope)) {
      findings.push({
        message: `Scope '${scope}' is not allowed in pull request titles.`,
        matched: `scope '${scope}'`,
        fix: `Use one of: ${list(titles.scopes)}.`,
      });
    }
  }
  if (subject === '') {
    findings.push({
      message: `The title has no subject after '${type}:'.`,
      matched: `title '${title}'`,
      fix: `Describe the change after the colon, e.g. '${validType}${header.scope ? `(${header.scope})` : ''}: add login form'.`,
    });
  } else if (titles.subjectPattern !== undefined && !new RegExp(titles.subjectPattern).test(subject)) {
    findings.push({
      message: `Subject '${subject}' does not match /${titles.subjectPattern}/.`,
      matched: `subject '${subject}'`,
      fix: `Reword the subject so it matches /${titles.subjectPattern}/.`,
    });
  }
  const described = [
    `type ${type}`,
    scopes.length > 0 ? `scope ${scopes.join(',')}` : undefined,
    header.breaking ? 'breaking' : undefined,
  ];
  return {
    detail:
      findings.length === 0
        ? `'${title}': ${described.filter(Boolean).join(', ')}`
        : `'${title}': ${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}`,
    findings,
  };
}

/** An allowed type for a word such as a branch prefix ("feature" → "feat"), else the first allowed type. */
function suggestType(word: string, titles: TitlesPolicy): string {
  const mapped = TYPE_FOR_PREFIX[word.toLowerCase()];
  return mapped && titles.types.includes(mapped) ? mapped : (titles.types[0] ?? 'feat');
}

function suggestTitle(title: string, head: string, titles: TitlesPolicy): string {
  const type = suggestType(head.split('/')[0] ?? '', titles);
  const scope = titles.requireScope ? `(${titles.scopes?.[0] ?? 'scope'})` : '';
  // Drop an existing "Feature:"-like prefix so the suggestion does not repeat it.
  const words = title.replace(/^[^:]{1,20}:\s*/, '').trim() || 'describe the change';
  return `${type}${scope}: ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}
