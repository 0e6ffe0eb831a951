// Translates Go (RE2) regular expressions, the dialect Alertmanager matchers are written in, into
// JavaScript ones with the same meaning, and rejects what Go rejects (backreferences, lookaround).

const MAX_REPEAT = 1000; // Go's regexp/syntax limit
const CACHE_LIMIT = 1000;
const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(
    ' ',
  ),
);
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
const GO_SPACE = '\\t\\n\\f\\r '; // Go's \s is ASCII-only, JavaScript's is Unicode
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\\x07',
  f: '\\f',
  n: '\\n',
  r: '\\r',
  t: '\\t',
  v: '\\v',
};

// What may precede a flag group for its flags to cover all that can match: anchors, groups, flags.
const LEADING = /^(?:\^|\(\?:|\(\?[a-zA-Z]*(?:-[a-zA-Z]*)?\))*$/;

const cache = new Map<string, RegExp>();

/**
 * A JavaScript RegExp with the meaning of the Go regular expression `pattern` (Go's `.` also
 * matches `\r`, its `\s` is ASCII, `{` is literal unless it is a repeat…). Throws, worded like
 * Go's `regexp.Compile`, for invalid patterns and for the few valid Go constructs JavaScript
 * cannot express (flags other than a leading `(?i)`/`(?s)`, negated POSIX classes, `\C`).
 *
 * @example
 * goRegExpOf('^(?:(?i)crit.*)$').test('CRITICAL') // true
 */
export function goRegExpOf(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const { source, ignoreCase } = translate(pattern);
  let regExp: RegExp;
  try {
    regExp = new RegExp(source, ignoreCase ? 'iu' : 'u');
  } catch (error) {
    throw parseError(pattern, error instanceof Error ? error.message : String(error));
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, regExp);
  return regExp;
}

interface Translation {
  readonly source: string;
  readonly ignoreCase: boolean;
}

function translate(pattern: string): Translation {
  const fail = (detail: string): never => {
    throw parseError(pattern, detail);
  };
  let out = '';
  let ignoreCase = false;
  let dotAll = false;
  let depth = 0;
  let flagDepth = -1; // depth of the group a leading flag group applies to
  let pastFlagScope = false;
  let inClass = false;
  let i = 0;
  while (i < pattern.length) {
    const char = String.fromCodePoint(pattern.codePointAt(i) ?? 0);
    if (pastFlagScope && char !== ')' && char !== '$')
      fail('flags that do not cover the whole pattern are not supported');
    if (inClass) {
      if (char === ']') {
        inClass = false;
        out += ']';
        i += 1;
      } else if (char === '[' && pattern[i + 1] === ':') {
        const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(i));
        const expansion = posix ? POSIX_CLASSES[posix[2] ?? ''] : undefined;
        if (!posix) {
          out += '\\[';
          i += 1;
        } else if (expansion === undefined) {
          fail(`invalid character class range: \`${posix[0]}\``);
        } else if (posix[1] === '^') {
          fail(`negated POSIX classes are not supported: \`${posix[0]}\``);
        } else {
          out += expansion;
          i += posix[0].length;
        }
      } else if (char === '\\') {
        const escape = escapeOf(pattern, i, true, fail);
        out += escape.source;
        i = escape.next;
      } else {
        out += char;
        i += char.length;
      }
      continue;
    }
    switch (char) {
      case '\\': {
        const escape = escapeOf(pattern, i, false, fail);
        out += escape.source;
        i = escape.next;
        break;
      }
      case '[': {
        out += '[';
        i += 1;
        if (pattern[i] === '^') {
          out += '^';
          i += 1;
        }
        if (pattern[i] === ']') {
          out += '\\]'; // Go reads a leading ] as a literal, JavaScript as the end of an empty class
          i += 1;
        }
        inClass = true;
        break;
      }
      case '(': {
        const rest = pattern.slice(i);
        const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/.exec(rest);
        const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
        if (flags) {
          if (!LEADING.test(pattern.slice(0, i)))
            fail('flags after the start of the pattern are not supported');
          const [, set = '', clear = ''] = flags;
          if (/[^is]/.test(set) || /[^imsU]/.test(clear)) fail(`unsupported flags: \`${flags[0]}\``);
          ignoreCase = (ignoreCase || set.includes('i')) && !clear.includes('i');
          dotAll = (dotAll || set.includes('s')) && !clear.includes('s');
          flagDepth = depth;
          i += flags[0].length;
        } else if (rest.startsWith('(?:')) {
          out += '(?:';
          depth += 1;
          i += 3;
        } else if (named) {
          out += `(?<${named[1]}>`;
          depth += 1;
          i += named[0].length;
        } else if (rest.startsWith('(?')) {
          fail(`invalid or unsupported Perl syntax: \`${rest.slice(0, 3)}\``);
        } else {
          out += '(';
          depth += 1;
          i += 1;
        }
        break;
      }
      case ')': {
        if (depth === 0) fail('unexpected )');
        depth -= 1;
        if (depth < flagDepth) pastFlagScope = true;
        out += ')';
        i += 1;
        break;
      }
      case '.':
        out += dotAll ? '[\\s\\S]' : '[^\\n]'; // Go's . matches \r, \u2028 and \u2029; JavaScript's does not
        i += 1;
        break;
      case '{': {
        const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i));
        if (repeat) {
          const min = Number(repeat[1]);
          const max = repeat[2] === undefined || repeat[2] === '' ? min : Number(repeat[2]);
          if (min > MAX_REPEAT || max > MAX_REPEAT || max < min)
            fail(`invalid repeat count: \`${repeat[0]}\``);
          out += repeat[0];
          i += repeat[0].length;
        } else {
          out += '\\{'; // not a repeat: Go reads it literally
          i += 1;
        }
        break;
      }
      case '}':
      case ']':
        out += `\\${char}`;
        i += 1;
        break;
      default:
        out += char;
        i += char.length;
    }
  }
  if (inClass) fail('missing closing ]');
  if (depth > 0) fail('missing closing )');
  return { source: out, ignoreCase };
}

interface Escape {
  readonly source: string;
  readonly next: number;
}

function escapeOf(pattern: string, at: number, inClass: boolean, fail: (detail: string) => never): Escape {
  const letter = pattern[at + 1];
  if (letter === undefined) return fail('trailing backslash at end of expression');
  const simple = SIMPLE_ESCAPES[letter];
  if (simple !== undefined) return { source: simple, next: at + 2 };
  if ('dDwW'.includes(letter)) return { source: `\\${letter}`, next: at + 2 };
  if (letter === 's') return { source: inClass ? GO_SPACE : `[${GO_SPACE}]`, next: at + 2 };
  if (letter === 'S') return { source: inClass ? '\\S' : `[^${GO_SPACE}]`, next: at + 2 };
  if (!inClass && 'bB'.includes(letter)) return { source: `\\${letter}`, next: at + 2 };
  if (!inClass && letter === 'A') return { source: '^', next: at + 2 };
  if (!inClass && letter === 'z') return { source: '$', next: at + 2 };
  if (/[0-7]/.test(letter)) {
    const octal = /^[0-7]{1,3}/.exec(pattern.slice(at + 1))?.[0] ?? '';
    if (letter !== '0' && octal.length === 1) return fail(`invalid escape sequence: \`\\${letter}\``);
    return { source: codePointEscape(parseInt(octal, 8)), next: at + 1 + octal.length };
  }
  if (letter === 'x') {
    const hex = /^x(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{2}))/.exec(pattern.slice(at + 1));
    const code = hex ? parseInt(hex[1] ?? hex[2] ?? '', 16) : Number.NaN;
    if (!hex || !(code <= 0x10ffff)) return fail('invalid escape sequence: `\\x`');
    return { source: codePointEscape(code), next: at + 1 + hex[0].length };
  }
  if (letter === 'p' || letter === 'P') {
    const property = /^[pP](?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(pattern.slice(at + 1));
    if (!property) return fail(`invalid character class range: \`\\${letter}\``);
    const name = property[2] ?? property[3] ?? '';
    const negated = (letter === 'P') !== (property[1] === '^');
    const jsName = GENERAL_CATEGORIES.has(name) || name === 'Any' ? name : `Script=${name}`;
    return { source: `\\${negated ? 'P' : 'p'}{${jsName}}`, next: at + 1 + property[0].length };
  }
  if (letter === 'Q') {
    const end = pattern.indexOf('\\E', at + 2);
    const literal = pattern.slice(at + 2, end === -1 ? pattern.length : end);
    return { source: [...literal].map(literalOf).join(''), next: end === -1 ? pattern.length : end + 2 };
  }
  if (/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(letter))
    return { source: literalOf(letter), next: at + 2 };
  return fail(`invalid escape sequence: \`\\${letter}\``);
}

// A character that means itself both inside and outside a class, in JavaScript's strict u-mode.
function literalOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return /^[A-Za-z0-9]$/.test(char) || code > 0x7f ? char : codePointEscape(code);
}

function codePointEscape(code: number): string {
  return `\\u{${code.toString(16)}}`;
}

function parseError(pattern: string, detail: string): Error {
  return new Error(`error parsing regexp: ${detail}: \`${pattern}\``);
}
