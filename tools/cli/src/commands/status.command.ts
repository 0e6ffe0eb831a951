import type { Command } from 'commander';
import { CliError } from '../cli.exception';
import { toJson } from '../output/output';
import { renderHealthBoard, statusFails } from '../status/health-board.util';
import { contextOf } from './command-context';

/** `convergence status`: the gateway's status board; fails (exit 1) when the system is down. */
export function registerStatusCommand(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('status')
    .description("show the health board (GET /health): every service's readiness; exit 1 when down")
    .option('--fail-on-degraded', 'exit 1 when any service is down too, not only when the gateway is')
    .action(async (options: { failOnDegraded?: boolean }, command: Command) => {
      const { gateway, output } = contextOf(command, env);
      const board = await gateway.health();
      output.out(output.json ? toJson(board) : renderHealthBoard(board));
      if (statusFails(board.status, options.failOnDegraded === true)) {
        throw new CliError('unhealthy', `overall status is ${board.status}`);
      }
    });
}
