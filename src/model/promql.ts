import { parser } from '@prometheus-io/lezer-promql';

/** A node of the grammar's tree (lezer's SyntaxNode, named without depending on @lezer/common). */
type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/**
 * PromQL read with Prometheus's own grammar (`@prometheus-io/lezer-promql`, the parser the
 * Prometheus UI's editor uses), never a hand-written one: where it stops understanding an
 * expression, and which series each selector asks for. One answer for the checks (is an alert
 * expression valid?) and for monitoring (does a rule or dashboard watch this gateway?).
 */

/** A label matcher of a selector: `name op "value"`. */
export interface LabelMatcher {
  readonly name: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

/** A vector selector: `metric{matchers}` (a metric name, when written, is not a matcher here). */
export interface SeriesSelector {
  readonly metric: string | undefined;
  readonly matchers: readonly LabelMatcher[];
}

/** Where the grammar stops understanding an expression, 1-based line and column in it. */
export interface PromqlError {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ParsedPromql {
  readonly errors: readonly PromqlError[];
  readonly selectors: readonly SeriesSelector[];
}

const cache = new Map<string, ParsedPromql>();
const MAX_CACHED = 2000;

/** An expression's errors (empty: the grammar accepts it) and selectors. Never throws. */
export function parsePromql(expr: string): ParsedPromql {
  const cached = cache.get(expr);
  if (cached) return cached;
  const parsed = parseUncached(expr);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(expr, parsed);
  return parsed;
}

function parseUncached(expr: string): ParsedPromql {
  const errors: PromqlError[] = [];
  const selectors: SeriesSelector[] = [];
  if (expr.trim() === '')
    return {
      errors: [{ ...lineColumn(expr, 0), offset: 0, message: 'the expression is empty' }],
      selectors,
    };
  const tree = parser.parse(expr);
  const cursor = tree.cursor();
  do {
    const node = cursor.node;
    if (node.type.isError) {
      // One error per place: lezer may mark an insertion and a skipped token at one offset.
      if (errors.some((e) => e.offset === node.from)) continue;
      errors.push({
        offset: node.from,
        ...lineColumn(expr, node.from),
        message: errorText(expr, node.from, node.to) + labelValueHint(node),
      });
    } else if (node.name === 'FunctionCall') {
      const problem = rangeArgumentProblem(expr, node);
      if (problem && !errors.some((e) => e.offset === problem.offset)) errors.push(problem);
    } else if (node.name === 'VectorSelector') {
      let metric: string | undefined;
      const matchers: LabelMatcher[] = [];
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.name === 'Identifier') metric = expr.slice(child.from, child.to);
        if (child.name !== 'LabelMatchers') continue;
        for (let m = child.firstChild; m; m = m.nextSibling) {
          const nameNode =
            m.getChild('LabelName') ?? m.getChild('QuotedLabelName')?.getChild('StringLiteral');
          const opNode = m.getChild('MatchOp');
          const valueNode = m.getChildren('StringLiteral').at(-1);
          if (!nameNode || !opNode || !valueNode || valueNode === nameNode) continue;
          const rawName = expr.slice(nameNode.from, nameNode.to);
          const name = m.name === 'QuotedLabelMatcher' ? unquote(rawName) : rawName;
          const op = expr.slice(opNode.from, opNode.to);
          if (name === undefined || (op !== '=' && op !== '!=' && op !== '=~' && op !== '!~'))
            continue;
          const value = unquote(expr.slice(valueNode.from, valueNode.to));
          if (value === undefined) continue;
          if (name === '__name__' && op === '=') metric = value;
          else matchers.push({ name, op, value });
        }
      }
      selectors.push({ metric, matchers });
    }
  } while (cursor.next());
  return { errors, selectors };
}

/**
 * Functions that take a range vector (`x[5m]`, or a subquery), by the position of that argument,
 * as Prometheus's function table types them. The grammar accepts `rate(x)`; Prometheus refuses
 * it ("expected type range vector"), so it is said here too, but only where the argument is
 * certainly not a range: a plain selector (with or without offset) or a literal.
 */
const RANGE_ARGUMENT: Readonly<Record<string, number>> = {
  rate: 0,
  irate: 0,
  increase: 0,
  delta: 0,
  idelta: 0,
  deriv: 0,
  predict_linear: 0,
  changes: 0,
  resets: 0,
  holt_winters: 0,
  double_exponential_smoothing: 0,
  avg_over_time: 0,
  min_over_time: 0,
  max_over_time: 0,
  sum_over_time: 0,
  count_over_time: 0,
  stddev_over_time: 0,
  stdvar_over_time: 0,
  last_over_time: 0,
  present_over_time: 0,
  absent_over_time: 0,
  mad_over_time: 0,
  quantile_over_time: 1,
};

function rangeArgumentProblem(expr: string, call: SyntaxNode): PromqlError | undefined {
  const identifier = call.getChild('FunctionIdentifier');
  const body = call.getChild('FunctionCallBody');
  if (!identifier || !body) return undefined;
  const name = expr.slice(identifier.from, identifier.to);
  const index = Object.hasOwn(RANGE_ARGUMENT, name) ? RANGE_ARGUMENT[name] : undefined;
  if (index === undefined) return undefined;
  let arg = body.firstChild;
  for (let i = 0; arg && i < index; i++) arg = arg.nextSibling;
  if (!arg) return undefined;
  const selector = arg.name === 'OffsetExpr' ? arg.firstChild : arg;
  const instant = selector?.name === 'VectorSelector';
  if (!instant && arg.name !== 'NumberDurationLiteral' && arg.name !== 'StringLiteral')
    return undefined;
  const text = expr.slice(arg.from, arg.to);
  return {
    offset: arg.from,
    ...lineColumn(expr, arg.from),
    message: instant
      ? `${name}() takes a range vector, not the instant vector ${shorten(text)}: add a range such as [5m] after the selector`
      : `${name}() takes a range vector, not ${shorten(text)}`,
  };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** What a person would say is wrong at an error node: what comes there, or that text ended. */
function errorText(expr: string, from: number, to: number): string {
  const rest = expr.slice(from);
  if (rest.trim() === '')
    return 'the expression ends too early (an operand, bracket or parenthesis is missing)';
  const token =
    to > from
      ? expr.slice(from, to)
      : (/^\s*(\S+?)(?=[\s(){}[\],]|$)|^\s*(\S)/.exec(rest)?.slice(1).find(Boolean) ??
        rest.trim()[0]);
  const shown = token && token.length > 30 ? `${token.slice(0, 30)}…` : token;
  return `unexpected "${shown}"`;
}

/** An error among a selector's matchers after `=`: most often a label value without quotes. */
function labelValueHint(node: SyntaxNode): string {
  for (let up = node.parent; up; up = up.parent) {
    if (up.name !== 'LabelMatchers' && !up.name.endsWith('LabelMatcher')) continue;
    const matcher = up.name.endsWith('LabelMatcher') ? up : node.prevSibling;
    return matcher?.getChild('MatchOp') && !matcher.getChild('StringLiteral')
      ? ': label values are quoted, as in job="api"'
      : '';
  }
  return '';
}

/** A PromQL string literal's value: Go-style double or single quotes, or raw backticks. */
function unquote(literal: string): string | undefined {
  const quote = literal[0];
  if (literal.length < 2 || literal.at(-1) !== quote) return undefined;
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  if (quote !== '"' && quote !== "'") return undefined;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)/g, (_, code: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
    };
    if (code.length === 1) return simple[code] ?? code;
    if (code[0] === 'u' || code[0] === 'x')
      return String.fromCharCode(Number.parseInt(code.slice(1), 16));
    return String.fromCharCode(Number.parseInt(code, 8));
  });
}

/**
 * Grafana's template variables (`$__rate_interval`, `$namespace`, `${pod:regex}`, `[[var]]`)
 * replaced so a dashboard query reads as the PromQL Grafana sends: in a range or offset a
 * duration, elsewhere outside quotes a label-name-like word. Inside quotes they are kept (the
 * grammar accepts any text there; `variableValue` tells such a value apart).
 */
export function withoutGrafanaVariables(query: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i] as string;
    if (quote) {
      out += ch;
      if (ch === '\\' && quote !== '`') out += query[++i] ?? '';
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
      out += ch;
      continue;
    }
    const variable = /^(\$\{[^}]*\}|\$\w+|\[\[\w+(?::\w+)?\]\])/.exec(query.slice(i))?.[0];
    if (variable) {
      const inDuration = /(\[|:|offset\s*)\s*$/.test(out);
      out += inDuration ? '5m' : 'grafana_variable';
      i += variable.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Whether a label value is a Grafana variable (`$ns`, `${ns}`, `[[ns]]`): unknown until shown. */
export function isGrafanaVariable(value: string): boolean {
  return /\$\w|\$\{|\[\[\w/.test(value);
}
