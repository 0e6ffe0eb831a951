import { CommanderError } from 'commander';
import { CliError, exitCodeOf } from './cli.exception';
import { createProgram } from './program';

// The `convergence` entry point (bin/convergence.js): runs the command, and turns every failure
// into one line on stderr and an exit code — 0 done, 1 failed, 2 bad usage or configuration.
createProgram(process.env)
  .parseAsync(process.argv)
  .then(
    () => undefined,
    (error: unknown) => {
      process.exitCode = exitCodeOfFailure(error);
    },
  );

function exitCodeOfFailure(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`convergence: ${error.message}\n`);
    return exitCodeOf(error.code);
  }
  if (error instanceof CommanderError) {
    // Commander has printed the message (or the help) already.
    return error.exitCode === 0 ? 0 : 2;
  }
  process.stderr.write(
    `convergence: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}
