import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Full path of `command` found on PATH, or undefined (no process is spawned). */
export function findCommand(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const extensions = process.platform === 'win32' ? (env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = join(dir, command + extension);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Like findCommand, but throws an actionable error naming the command and how to install it. */
export function requireCommand(command: string, purpose: string, installHint: string): string {
  const found = findCommand(command);
  if (!found) {
    throw new Error(`\`${command}\` was not found on PATH; it is needed ${purpose}.\n${installHint}`);
  }
  return found;
}
