import { Command } from 'commander';
import { registerBackupCommands } from './commands/backup.command';
import { registerContractCommands } from './commands/contracts.command';
import { registerDlqCommand } from './commands/dlq.command';
import { registerKeysCommand } from './commands/keys.command';
import { registerReindexCommand } from './commands/reindex.command';
import { registerReportCommand } from './commands/report.command';
import { registerRolesCommand } from './commands/roles.command';
import { registerStatusCommand } from './commands/status.command';

/**
 * The `convergence` command line: global options, then one command per operator task. Errors are
 * thrown (CliError, CommanderError) for main.ts to turn into a message and an exit code.
 */
export function createProgram(env: NodeJS.ProcessEnv): Command {
  const program = new Command('convergence')
    .description("Convergence operations: the gateway's operator API and database backups")
    .option(
      '--gateway-url <url>',
      'gateway base URL (env CONVERGENCE_GATEWAY_URL, default http://127.0.0.1:3000)',
    )
    .option('--api-key <key>', 'API key sent as x-api-key (env CONVERGENCE_API_KEY)')
    .option('--json', 'print results as JSON')
    .showHelpAfterError()
    .exitOverride();
  registerStatusCommand(program, env);
  registerContractCommands(program, env);
  registerRolesCommand(program, env);
  registerReindexCommand(program, env);
  registerDlqCommand(program, env);
  registerKeysCommand(program, env);
  registerBackupCommands(program, env);
  registerReportCommand(program, env);
  for (const command of allCommands(program)) command.exitOverride();
  return program;
}

function allCommands(command: Command): Command[] {
  return command.commands.flatMap((c) => [c, ...allCommands(c)]);
}
