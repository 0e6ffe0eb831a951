import type { Command } from 'commander';
import { CliError } from '../cli.exception';
import type { ContractList, PauseResult, Proposal } from '../gateway/gateway-responses.schema';
import { toJson } from '../output/output';
import { renderTable } from '../output/text-table.util';
import { contextOf } from './command-context';

/**
 * `convergence contracts` (their paused state) and `convergence pause|unpause [contract] [--all]`:
 * the emergency stop of one contract or every pausable one. A pause of `--all` that fails for some
 * contract prints every outcome and exits 1.
 */
export function registerContractCommands(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('contracts')
    .description('the contracts with their paused state and the operations mode (operator)')
    .action(async (_options: unknown, command: Command) => {
      const { gateway, output } = contextOf(command, env);
      const list = await gateway.contracts();
      output.out(output.json ? toJson(list) : renderContractList(list));
    });
  for (const paused of [true, false]) {
    const verb = paused ? 'pause' : 'unpause';
    program
      .command(`${verb} [contract]`)
      .description(`${verb} a contract by name, or every pausable contract with --all (admin)`)
      .option('--all', `${verb} every pausable contract`)
      .action(async (contract: string | undefined, options: { all?: boolean }, command: Command) => {
        if (Boolean(contract) === Boolean(options.all)) {
          throw new CliError('config', `${verb} needs a contract name or --all (one of them)`);
        }
        const { gateway, output } = contextOf(command, env);
        const result = await gateway.setPaused(paused, options.all ? 'all' : contract!);
        output.out(output.json ? toJson(result) : renderPauseResult(result));
        const failed = result.results.filter((r) => r.error);
        if (failed.length > 0) {
          throw new CliError('failed', `${verb} failed for ${failed.map((r) => r.contract).join(', ')}`);
        }
      });
  }
}

/** A multisig proposal in one line: what to submit to the Safe. */
export function describeProposal(proposal: Proposal): string {
  return `propose to ${proposal.to} data ${proposal.data} (${proposal.summary})`;
}

function renderContractList(list: ContractList): string {
  const rows = list.contracts.map((c) => [c.name, c.address, c.paused ? 'yes' : 'no']);
  const multisig = list.multisig ? `, multisig ${list.multisig}` : '';
  return `chain ${list.chainId}, mode ${list.mode}${multisig}\n${renderTable(['contract', 'address', 'paused'], rows)}`;
}

function renderPauseResult(result: PauseResult): string {
  const rows = result.results.map((r) => [
    r.contract,
    r.address,
    r.paused ? 'yes' : 'no',
    r.error
      ? `failed: ${r.error.detail}`
      : (r.skipped ?? (r.txHash ? `tx ${r.txHash}` : r.proposal ? describeProposal(r.proposal) : '')),
  ]);
  return `mode: ${result.mode}\n${renderTable(['contract', 'address', 'paused', 'outcome'], rows)}`;
}
