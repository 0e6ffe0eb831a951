import type { Command } from 'commander';
import { CliError } from '../cli.exception';
import type { RoleInput } from '../gateway/gateway.client';
import { toJson } from '../output/output';
import { contextOf } from './command-context';
import { describeProposal } from './contracts.command';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** `convergence roles grant|revoke|check <contract> <role> <account>`: AccessControl roles of a contract. */
export function registerRolesCommand(program: Command, env: NodeJS.ProcessEnv): void {
  const roles = program
    .command('roles')
    .description("grant, revoke or check a contract's AccessControl role");
  for (const change of ['grant', 'revoke'] as const) {
    roles
      .command(`${change} <contract> <role> <account>`)
      .description(
        `${change} <role> (e.g. PAUSER_ROLE) on <contract> ${change === 'grant' ? 'to' : 'from'} <account> (admin)`,
      )
      .action(
        async (contract: string, role: string, account: string, _options: unknown, command: Command) => {
          const { gateway, output } = contextOf(command, env);
          const result = await gateway.changeRole(change, roleInputOf(contract, role, account));
          if (output.json) return output.out(toJson(result));
          const how = result.txHash
            ? `transaction ${result.txHash}`
            : result.proposal
              ? describeProposal(result.proposal)
              : 'no transaction';
          output.out(
            `${change} ${role} on ${contract} for ${account}: ${how} (mode ${result.mode}); hasRole now ${result.hasRole}`,
          );
        },
      );
  }
  roles
    .command('check <contract> <role> <account>')
    .description('whether <account> holds <role> on <contract> (operator)')
    .action(async (contract: string, role: string, account: string, _options: unknown, command: Command) => {
      const { gateway, output } = contextOf(command, env);
      const result = await gateway.checkRole(roleInputOf(contract, role, account));
      output.out(
        output.json
          ? toJson(result)
          : `${account} ${result.hasRole ? 'has' : 'does not have'} ${role} on ${contract}`,
      );
    });
}

function roleInputOf(contract: string, role: string, account: string): RoleInput {
  if (!ADDRESS.test(account))
    throw new CliError('config', `<account> must be a 0x-prefixed 20-byte address, got "${account}"`);
  return { contract, role, account };
}
