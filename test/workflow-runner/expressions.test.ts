// GitHub Actions expressions as the runner evaluates them: operators, contexts, functions, templates and
// conditions.
import { describe, expect, test } from '@jest/globals';
import { type ExpressionContext, evaluate, evaluateCondition, evaluateTemplate } from './expressions';

const ctx: ExpressionContext = {
  contexts: {
    inputs: { 'aws-role-arn': '', verify: true, parallelism: 4, name: 'Shop' },
    needs: { backup: { result: 'success', outputs: { 'backup-id': '2026-11-25T031700Z-1a2b3c' } } },
    job: { services: { mongo: { ports: { '27017': '49153' } } } },
    list: ['a', 'B'],
  },
};

describe('expressions', () => {
  test.each([
    ["inputs.aws-role-arn != ''", false],
    ["inputs.aws-role-arn == ''", true],
    ['inputs.verify', true],
    ['!inputs.verify', false],
    ["inputs.name == 'shop'", true], // strings compare without case
    ['inputs.parallelism == 4', true],
    ["inputs.parallelism == '4'", true],
    ['inputs.missing', null],
    ["inputs.aws-role-arn || 'us-east-1'", 'us-east-1'],
    ["inputs.name && 'yes'", 'yes'],
    ["needs.backup.result == 'success' && (needs.verify.result == 'success' || !inputs.verify)", false],
    ["job.services.mongo.ports['27017']", '49153'],
    ["format('{0}m', 90)", '90m'],
    ["format('{{{0}}}', 'x')", '{x}'],
    ["contains(list, 'b')", true],
    ["startsWith('refs/tags/v1', 'refs/tags/')", true],
    ["join(list, '+')", 'a+B'],
    ['fromJSON(\'{"a": [1, 2]}\').a[1]', 2],
    ['1 < 2 && 3 >= 3', true],
    ["'it''s'", "it's"],
    ['null == 0', true],
    ['-1 < 0', true],
  ])('%s → %j', (expression, expected) => {
    expect(evaluate(expression, ctx)).toEqual(expected);
  });

  /** `${{ inner }}`, spelled so that it is not taken for a template literal placeholder. */
  const x = (inner: string) => `\${{ ${inner} }}`;

  test('templates keep the type of a whole expression and make text of the rest', () => {
    expect(evaluateTemplate(x('inputs.verify'), ctx)).toBe(true);
    expect(evaluateTemplate(`mongodb://127.0.0.1:${x("job.services.mongo.ports['27017']")}/`, ctx)).toBe(
      'mongodb://127.0.0.1:49153/',
    );
    expect(evaluateTemplate(`${x('inputs.parallelism')}-${x('inputs.verify')}`, ctx)).toBe('4-true');
    expect(evaluateTemplate('plain', ctx)).toBe('plain');
  });

  test('conditions imply success() unless they name a status function', () => {
    const failed = { ...ctx, status: { success: false, failure: true, cancelled: false } };
    expect(evaluateCondition('inputs.verify', ctx)).toBe(true);
    expect(evaluateCondition('inputs.verify', failed)).toBe(false);
    expect(evaluateCondition(x('!cancelled() && inputs.verify'), failed)).toBe(true);
    expect(evaluateCondition('failure()', failed)).toBe(true);
    expect(evaluateCondition(undefined, failed)).toBe(false);
  });

  test('unknown contexts and functions are errors, not silent nulls', () => {
    expect(() => evaluate('secretz.TOKEN', ctx)).toThrow(/unknown context 'secretz'/);
    expect(() => evaluate("hashFiles('**/package-lock.json')", ctx)).toThrow(/not supported/);
    expect(() => evaluate("inputs.name == 'x", ctx)).toThrow(/unterminated string/);
  });
});
