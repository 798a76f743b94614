/**
 * GitHub Actions expressions as the runner evaluates them: the text inside `${{ }}` is tokenized,
 * parsed (operators with the runner's precedence, property access, function calls) and evaluated
 * against the contexts a job has (github, inputs, secrets, vars, env, steps, needs, job, runner),
 * with the runner's loose comparisons and its status functions.
 */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unterminated string in: ${text}`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', value });
    } else if (
      /[0-9]/.test(c) ||
      (c === '-' && /[0-9]/.test(text[i + 1] ?? '') && !isOperand(tokens.at(-1)))
    ) {
      const match = /^-?(0x[0-9a-fA-F]+|\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    } else {
      const two = text.slice(i, i + 2);
      if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
        tokens.push({ kind: 'op', value: two });
        i += 2;
      } else if ('()[],.!<>*'.includes(c)) {
        tokens.push({ kind: 'op', value: c });
        i++;
      } else {
        throw new Error(`unexpected '${c}' in expression: ${text}`);
      }
    }
  }
  return tokens;
}

function isOperand(token: Token | undefined): boolean {
  return token !== undefined && (token.kind !== 'op' || token.value === ')' || token.value === ']');
}

type Node =
  | { type: 'literal'; value: Value }
  | { type: 'context'; name: string }
  | { type: 'member'; object: Node; property: Node | '*' }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): Node {
    const node = this.or();
    if (this.at < this.tokens.length) throw this.error('unexpected token');
    return node;
  }

  private error(message: string): Error {
    return new Error(`${message} at token ${this.at} of expression: ${this.source}`);
  }

  private peek(value: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'op' && token.value === value;
  }

  private expect(value: string): void {
    if (!this.peek(value)) throw this.error(`expected '${value}'`);
    this.at++;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let left = next();
    for (;;) {
      const token = this.tokens[this.at];
      if (token?.kind !== 'op' || !ops.includes(token.value)) return left;
      this.at++;
      left = { type: 'binary', op: token.value, left, right: next() };
    }
  }

  private or = (): Node => this.binary(this.and, ['||']);
  private and = (): Node => this.binary(this.equality, ['&&']);
  private equality = (): Node => this.binary(this.comparison, ['==', '!=']);
  private comparison = (): Node => this.binary(this.unary, ['<', '<=', '>', '>=']);

  private unary = (): Node => {
    if (this.peek('!')) {
      this.at++;
      return { type: 'not', operand: this.unary() };
    }
    return this.postfix();
  };

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      if (this.peek('.')) {
        this.at++;
        if (this.peek('*')) {
          this.at++;
          node = { type: 'member', object: node, property: '*' };
          continue;
        }
        const token = this.tokens[this.at];
        if (token?.kind !== 'word') throw this.error('expected a property name');
        this.at++;
        node = { type: 'member', object: node, property: { type: 'literal', value: token.value } };
      } else if (this.peek('[')) {
        this.at++;
        if (this.peek('*')) {
          this.at++;
          this.expect(']');
          node = { type: 'member', object: node, property: '*' };
          continue;
        }
        const property = this.or();
        this.expect(']');
        node = { type: 'member', object: node, property };
      } else {
        return node;
      }
    }
  }

  private primary(): Node {
    const token = this.tokens[this.at];
    if (!token) throw this.error('unexpected end');
    this.at++;
    if (token.kind === 'number' || token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'op') {
      if (token.value !== '(') throw this.error(`unexpected '${token.value}'`);
      const node = this.or();
      this.expect(')');
      return node;
    }
    if (token.value === 'true' || token.value === 'false')
      return { type: 'literal', value: token.value === 'true' };
    if (token.value === 'null') return { type: 'literal', value: null };
    if (this.peek('(')) {
      this.at++;
      const args: Node[] = [];
      if (!this.peek(')')) {
        args.push(this.or());
        while (this.peek(',')) {
          this.at++;
          args.push(this.or());
        }
      }
      this.expect(')');
      return { type: 'call', name: token.value.toLowerCase(), args };
    }
    return { type: 'context', name: token.value };
  }
}

export interface ExpressionContext {
  contexts: Record<string, Value>;
  /** success(), failure(), cancelled() where they apply (always() is always true). */
  status?: { success: boolean; failure: boolean; cancelled: boolean };
}

function truthy(value: Value): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value !== '';
  return true;
}

function toNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.trim() === '' ? 0 : Number(value);
  return Number.NaN;
}

/** How the runner turns a value into text (in templates and string functions). */
export function toText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return JSON.stringify(value, null, 2);
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === null && b === null) return true;
  const isObject = (v: Value) => v !== null && typeof v === 'object';
  if (isObject(a) || isObject(b)) return a === b;
  if (typeof a === typeof b) return a === b;
  return toNumber(a) === toNumber(b);
}

function compare(a: Value, b: Value, op: string): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof a === 'string' && typeof b === 'string') [x, y] = [a.toLowerCase(), b.toLowerCase()];
  else [x, y] = [toNumber(a), toNumber(b)];
  if (typeof x === 'number' && (Number.isNaN(x) || Number.isNaN(y as number))) return false;
  return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
}

function property(object: Value, name: Value): Value {
  if (object === null || typeof object !== 'object') return null;
  if (Array.isArray(object)) {
    const index = toNumber(name);
    return Number.isInteger(index) ? (object[index] ?? null) : null;
  }
  const key = toText(name);
  if (key in object) return object[key] ?? null;
  const found = Object.keys(object).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? null : (object[found] ?? null);
}

function format(template: string, args: Value[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = args[Number(index)];
    if (value === undefined) throw new Error(`format(): no argument {${index}} in '${template}'`);
    return toText(value);
  });
}

function evaluateNode(node: Node, ctx: ExpressionContext): Value {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'context': {
      const value = property(ctx.contexts as Value, node.name);
      if (
        value === null &&
        !Object.keys(ctx.contexts).some((k) => k.toLowerCase() === node.name.toLowerCase())
      ) {
        throw new Error(`unknown context '${node.name}'`);
      }
      return value;
    }
    case 'member': {
      const object = evaluateNode(node.object, ctx);
      if (node.property === '*') {
        if (object === null || typeof object !== 'object') return [];
        return Array.isArray(object) ? object : Object.values(object);
      }
      const name = evaluateNode(node.property, ctx);
      if (Array.isArray(object) && node.object.type === 'member' && node.object.property === '*') {
        return object.map((item) => property(item, name));
      }
      return property(object, name);
    }
    case 'not':
      return !truthy(evaluateNode(node.operand, ctx));
    case 'binary': {
      const left = evaluateNode(node.left, ctx);
      if (node.op === '&&') return truthy(left) ? evaluateNode(node.right, ctx) : left;
      if (node.op === '||') return truthy(left) ? left : evaluateNode(node.right, ctx);
      const right = evaluateNode(node.right, ctx);
      if (node.op === '==') return equal(left, right);
      if (node.op === '!=') return !equal(left, right);
      return compare(left, right, node.op);
    }
    case 'call':
      return call(node.name, node.args, ctx);
  }
}

function call(name: string, argNodes: Node[], ctx: ExpressionContext): Value {
  const args = () => argNodes.map((arg) => evaluateNode(arg, ctx));
  const status = ctx.status ?? { success: true, failure: false, cancelled: false };
  switch (name) {
    case 'success':
      return status.success;
    case 'failure':
      return status.failure;
    case 'cancelled':
      return status.cancelled;
    case 'always':
      return true;
    case 'contains': {
      const [search = null, item = null] = args();
      if (Array.isArray(search)) return search.some((value) => equal(value, item));
      return toText(search).toLowerCase().includes(toText(item).toLowerCase());
    }
    case 'startswith': {
      const [text = null, prefix = null] = args();
      return toText(text).toLowerCase().startsWith(toText(prefix).toLowerCase());
    }
    case 'endswith': {
      const [text = null, suffix = null] = args();
      return toText(text).toLowerCase().endsWith(toText(suffix).toLowerCase());
    }
    case 'format': {
      const [template = null, ...rest] = args();
      return format(toText(template), rest);
    }
    case 'join': {
      const [items = null, separator = ','] = args();
      return Array.isArray(items) ? items.map(toText).join(toText(separator)) : toText(items);
    }
    case 'tojson':
      return JSON.stringify(args()[0] ?? null, null, 2);
    case 'fromjson':
      return JSON.parse(toText(args()[0] ?? null)) as Value;
    default:
      throw new Error(`${name}() is not supported by this driver`);
  }
}

/** Evaluates one expression (the text inside `${{ }}`). */
export function evaluate(expression: string, ctx: ExpressionContext): Value {
  return evaluateNode(new Parser(tokenize(expression), expression).parse(), ctx);
}

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;

/** A YAML value with `${{ }}` in it: one whole expression keeps its type, anything else becomes text. */
export function evaluateTemplate(value: unknown, ctx: ExpressionContext): Value {
  if (typeof value !== 'string') return (value ?? null) as Value;
  const whole = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/.exec(value);
  if (whole && !(whole[1] ?? '').includes('}}')) return evaluate(whole[1] ?? '', ctx);
  return value.replace(TEMPLATE, (_, expression: string) => toText(evaluate(expression, ctx)));
}

/** An `if:` condition: with or without `${{ }}`; success() is implied when no status function appears. */
export function evaluateCondition(condition: unknown, ctx: ExpressionContext): boolean {
  if (condition === undefined || condition === null) return ctx.status?.success ?? true;
  if (typeof condition === 'boolean') return condition && (ctx.status?.success ?? true);
  let expression = String(condition).trim();
  const wrapped = /^\$\{\{([\s\S]*)\}\}$/.exec(expression);
  if (wrapped) expression = (wrapped[1] ?? '').trim();
  if (!/\b(success|failure|always|cancelled)\s*\(/i.test(expression))
    expression = `success() && (${expression})`;
  return truthy(evaluate(expression, ctx));
}
