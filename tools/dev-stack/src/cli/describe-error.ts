/** An error's message followed by its causes (and an AggregateError's errors), indented: for the terminal. */
export function describeError(error: unknown, depth = 0): string {
  const indent = '  '.repeat(depth);
  if (!(error instanceof Error)) return `${indent}${String(error)}`;
  const lines = [`${indent}${depth ? 'because: ' : ''}${error.message.replace(/\n/g, `\n${indent}`)}`];
  // Skip what the message already repeats (the stack's own errors quote their causes' messages).
  const repeated = (inner: unknown): boolean =>
    inner instanceof Error && error.message.includes(inner.message);
  if (error instanceof AggregateError) {
    lines.push(
      ...error.errors.filter((inner) => !repeated(inner)).map((inner) => describeError(inner, depth + 1)),
    );
  }
  if (error.cause !== undefined && depth < 8) {
    lines.push(
      repeated(error.cause) ? describeCauses(error.cause, depth + 1) : describeError(error.cause, depth + 1),
    );
  }
  return lines.join('\n');
}

/** The causes of `error` (not its own message), at `depth`. */
function describeCauses(error: unknown, depth: number): string {
  if (!(error instanceof Error)) return '';
  const inner =
    error instanceof AggregateError ? error.errors : error.cause !== undefined ? [error.cause] : [];
  return inner
    .map((cause) => describeError(cause, depth))
    .filter(Boolean)
    .join('\n');
}
