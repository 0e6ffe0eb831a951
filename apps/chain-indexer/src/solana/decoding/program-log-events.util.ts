/** A `Program data:` line, attributed to the program that logged it and the top-level instruction running. */
export interface ProgramDataLog {
  readonly programId: string;
  readonly instructionIndex: number;
  /**
   * How many inner instructions (CPIs, any depth) of that top-level instruction had started when the
   * line was logged: the line comes after inner instruction `innerBefore - 1` and before `innerBefore`.
   */
  readonly innerBefore: number;
  /** Base64 fields of the line (`sol_log_data` logs each field, space-separated; Anchor logs one). */
  readonly fields: readonly string[];
}

const INVOKE = /^Program ([1-9A-HJ-NP-Za-km-z]{32,44}) invoke \[(\d+)\]$/;
const EXIT = /^Program ([1-9A-HJ-NP-Za-km-z]{32,44}) (success|failed)/;
const DATA_PREFIX = 'Program data: ';

/**
 * Walks a transaction's log messages keeping the invocation stack, and returns each `Program data:`
 * line with the program that emitted it (the top of the stack, CPIs included), the index of the
 * top-level instruction it ran under and how many of that instruction's inner instructions had started. Top-level invocations are matched to `instructionProgramIds`
 * in order, so instructions that log no `invoke [1]` (precompiles) do not shift the indexes.
 * Lines after "Log truncated" are lost by the validator; what came before is still returned.
 *
 * @example
 * programDataLogsOf(logs, ['ComputeBudget111…', 'MyProg…']) // [{ programId: 'MyProg…', instructionIndex: 1, innerBefore: 0, fields: ['…'] }]
 */
export function programDataLogsOf(
  logs: readonly string[],
  instructionProgramIds: readonly string[],
): ProgramDataLog[] {
  const found: ProgramDataLog[] = [];
  const stack: string[] = [];
  let instructionIndex = -1;
  let nextTopLevel = 0;
  let innerStarted = 0;
  for (const line of logs) {
    const invoke = INVOKE.exec(line);
    if (invoke) {
      const [, programId, depth] = invoke as unknown as [string, string, string];
      if (depth === '1') {
        stack.length = 0;
        innerStarted = 0;
        const at = instructionProgramIds.indexOf(programId, nextTopLevel);
        instructionIndex = at;
        nextTopLevel = at === -1 ? nextTopLevel : at + 1;
      } else {
        innerStarted += 1; // every CPI is logged as it starts, in the order meta.innerInstructions lists them
      }
      stack.push(programId);
      continue;
    }
    if (EXIT.test(line)) {
      stack.pop();
      continue;
    }
    if (line.startsWith(DATA_PREFIX) && stack.length > 0 && instructionIndex !== -1) {
      found.push({
        programId: stack[stack.length - 1]!,
        instructionIndex,
        innerBefore: innerStarted,
        fields: line.slice(DATA_PREFIX.length).split(' ').filter(Boolean),
      });
    }
  }
  return found;
}
