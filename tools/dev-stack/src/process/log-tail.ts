/** Keeps the last `maxLines` lines of a stream of text chunks (for error messages). */
export class LogTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly maxLines = 40) {}

  push(chunk: Buffer | string): void {
    const text = this.partial + chunk.toString();
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.add(line);
  }

  text(): string {
    return [...this.lines, ...(this.partial ? [this.partial] : [])].join('\n');
  }

  private add(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.maxLines) this.lines.shift();
  }
}

/** Indents a log tail for inclusion in an error message. */
export function formatTail(title: string, tail: string): string {
  const body = tail.trim() ? tail.trimEnd().replace(/^/gm, '  | ') : '  | (no output)';
  return `${title}\n${body}`;
}
