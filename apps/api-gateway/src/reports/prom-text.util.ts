/** One sample line of the Prometheus text exposition format. */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+-?\d+)?\s*$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?\s*/gy;

/**
 * The samples of a Prometheus text exposition (what prom-client's `registry.metrics()` and every
 * service's /metrics answer): comments skipped, label values unescaped, `+Inf` / `NaN` as numbers.
 *
 * @example
 * parsePromText('http_requests_total{route="/a",status_code="200"} 3\n')
 * // [{ name: 'http_requests_total', labels: { route: '/a', status_code: '200' }, value: 3 }]
 */
export function parsePromText(text: string): PromSample[] {
  const samples: PromSample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line.slice(0, 200)}`);
    samples.push({ name: match[1]!, labels: labelsOf(match[3] ?? ''), value: valueOf(match[4]!) });
  }
  return samples;
}

function labelsOf(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (LABEL.lastIndex < text.length && (match = LABEL.exec(text)) !== null) {
    labels[match[1]!] = match[2]!.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  if (LABEL.lastIndex < text.trimEnd().length) throw new Error(`malformed labels: {${text.slice(0, 200)}}`);
  return labels;
}

function valueOf(text: string): number {
  // Case-insensitive: prom-client writes `Nan` for a gauge without a value.
  const word = text.toLowerCase();
  if (word === '+inf' || word === 'inf') return Infinity;
  if (word === '-inf') return -Infinity;
  if (word === 'nan') return NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a sample value: ${text}`);
  return value;
}
