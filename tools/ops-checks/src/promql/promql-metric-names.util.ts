/** Words that are PromQL syntax, never metric names (aggregations may be written without parentheses next). */
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
  'inf',
  'nan',
  'atan2',
  'start',
  'end',
]);

/** Keywords whose parenthesised list holds label names. */
const LABEL_LIST_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

type Token =
  | { kind: 'ident'; text: string; variable: boolean }
  | { kind: 'string'; text: string }
  | { kind: 'punct'; text: string }
  | { kind: 'other' };

/** Thrown when an expression cannot be tokenised (an unterminated string). */
export class PromqlSyntaxError extends Error {
  override readonly name = 'PromqlSyntaxError';
}

/**
 * The metric names a PromQL expression selects: bare selectors (`up`, `rate(x_total[5m])`) and
 * `{__name__="x"}` matchers; not functions, aggregations, label names, or Grafana variables (`$job`,
 * `$__rate_interval`). Sorted, without duplicates.
 *
 * @example
 * metricNamesIn('sum by (le) (rate(http_request_duration_seconds_bucket{service="x"}[5m]))')
 * // ['http_request_duration_seconds_bucket']
 */
export function metricNamesIn(expr: string): string[] {
  const tokens = tokenize(expr);
  const names = new Set<string>();
  // Open brackets; a '(' after by/on/... is a label list, '{' holds matchers.
  const stack: ('paren' | 'labels' | 'brace' | 'bracket')[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const context = stack[stack.length - 1];
    if (token.kind === 'punct') {
      switch (token.text) {
        case '(': {
          const previous = tokens[i - 1];
          const isLabelList =
            previous?.kind === 'ident' && LABEL_LIST_KEYWORDS.has(previous.text.toLowerCase());
          stack.push(isLabelList ? 'labels' : 'paren');
          break;
        }
        case '{':
          stack.push('brace');
          break;
        case '[':
          stack.push('bracket');
          break;
        case ')':
        case '}':
        case ']':
          stack.pop();
          break;
      }
      continue;
    }
    if (token.kind === 'string' && context === 'brace') {
      // {__name__="metric"}: the string right after __name__ =
      const op = tokens[i - 1];
      const label = tokens[i - 2];
      if (op?.kind === 'punct' && op.text === '=' && label?.kind === 'ident' && label.text === '__name__') {
        names.add(token.text);
      }
      continue;
    }
    if (token.kind !== 'ident' || token.variable) continue;
    if (context === 'brace' || context === 'labels' || context === 'bracket') continue;
    if (next?.kind === 'punct' && next.text === '(') continue; // a function or aggregation call
    if (KEYWORDS.has(token.text.toLowerCase())) continue;
    names.add(token.text);
  }
  return [...names].sort();
}

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < expr.length && expr[i] !== '\n') i++;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < expr.length && expr[j] !== c) {
        if (expr[j] === '\\' && c !== '`') j++;
        text += expr[j] ?? '';
        j++;
      }
      if (j >= expr.length) throw new PromqlSyntaxError(`unterminated string starting at ${i} in: ${expr}`);
      tokens.push({ kind: 'string', text });
      i = j + 1;
    } else if (c === '$' || /[a-zA-Z_:]/.test(c)) {
      const variable = c === '$';
      let j = variable ? i + 1 : i;
      if (variable && expr[j] === '{') {
        const close = expr.indexOf('}', j); // ${var} / ${var:format}
        j = close === -1 ? expr.length : close + 1;
        tokens.push({ kind: 'ident', text: expr.slice(i, j), variable });
        i = j;
        continue;
      }
      while (j < expr.length && /[a-zA-Z0-9_:]/.test(expr[j]!)) j++;
      tokens.push({ kind: 'ident', text: expr.slice(variable ? i + 1 : i, j), variable });
      i = j;
    } else if (/[0-9.]/.test(c)) {
      // numbers, durations (5m, 1h30m), hex and exponents: never names
      let j = i;
      while (j < expr.length && /[0-9a-zA-Z_.+]/.test(expr[j]!)) {
        if (expr[j] === '+' && !/[eE]/.test(expr[j - 1]!)) break;
        j++;
      }
      tokens.push({ kind: 'other' });
      i = j;
    } else if ('(){}[]'.includes(c)) {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if ((c === '=' || c === '!') && expr[i + 1] === '~') {
      tokens.push({ kind: 'punct', text: c + '~' });
      i += 2;
    } else if (c === '=' && expr[i + 1] !== '=') {
      tokens.push({ kind: 'punct', text: '=' });
      i++;
    } else {
      tokens.push({ kind: 'punct', text: c });
      i++;
    }
  }
  return tokens;
}
