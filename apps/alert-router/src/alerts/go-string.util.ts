// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

// Printable ASCII (0x20–0x7e) without `"` (0x22) and `\` (0x5c).
const PLAIN_ASCII = /^[ !#-[\]-~]*$/;

const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
  0x22: '\\"',
  0x5c: '\\\\',
};

/**
 * Orders two strings as Go's `<` does (by UTF-8 bytes, i.e. by code point), not by UTF-16 units as
 * JavaScript's `<` does; Alertmanager sorts label names and matchers this way.
 *
 * @example
 * ['b', 'a', '\u{1F600}', '\uFF5E'].sort(compareGoStrings) // ['a', 'b', '\uFF5E', '\u{1F600}']
 */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++; // a surrogate pair is one code point
  }
  return a.length - b.length < 0 ? -1 : 1;
}

/**
 * The string as Go's `strconv.Quote` (and so `%q`) writes it, which Alertmanager uses in group keys.
 *
 * @example
 * goQuoted('a "b"\n') // '"a \\"b\\"\\n"'
 */
export function goQuoted(value: string): string {
  // Printable ASCII other than `"` and `\` is written as is; most label values are nothing else.
  if (PLAIN_ASCII.test(value)) return `"${value}"`;
  let quoted = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const named = NAMED_ESCAPES[code];
    if (named !== undefined) quoted += named;
    else if (PRINTABLE.test(char)) quoted += char;
    else if (code < 0x20 || code === 0x7f) quoted += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) quoted += `\\u${hex(code, 4)}`;
    else quoted += `\\U${hex(code, 8)}`;
  }
  return `${quoted}"`;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
