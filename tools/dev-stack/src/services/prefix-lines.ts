import type { Readable } from 'node:stream';

const COLORS = [36, 35, 33, 32, 34, 91, 96, 95];

/** A `name | ` prefix, padded to `width`, coloured by `index` when `color` is on. */
export function linePrefix(name: string, width: number, index: number, color: boolean): string {
  const label = `${name.padEnd(width)} |`;
  return color ? `\u001b[${COLORS[index % COLORS.length]}m${label}\u001b[0m ` : `${label} `;
}

/** Copies `stream` to `out` line by line, each line prefixed; calls `onLine` with every raw line. */
export function pipeWithPrefix(
  stream: Readable,
  out: NodeJS.WritableStream,
  prefix: string,
  onLine?: (line: string) => void,
): void {
  let partial = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split(/\r?\n/);
    partial = lines.pop() ?? '';
    for (const line of lines) {
      onLine?.(line);
      out.write(`${prefix}${line}\n`);
    }
  });
  stream.on('end', () => {
    if (!partial) return;
    onLine?.(partial);
    out.write(`${prefix}${partial}\n`);
    partial = '';
  });
}
