import { relative } from 'node:path';
import type { StackHandle } from '../stack-types';
import type { ServiceDefinition } from './service-list';

/** `url` without its password (for printing). */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function table(rows: Array<[string, string]>, indent = '  '): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}

/** The "what runs where" text printed once everything is ready. */
export function formatSummary(
  stack: StackHandle,
  services: readonly ServiceDefinition[],
  rootDir: string,
  seconds: number,
): string {
  const external = (yes: boolean): string => (yes ? '  (external)' : '');
  const lines = [
    '',
    `Convergence is up (${seconds.toFixed(1)} s)`,
    '',
    ...table([
      ['Kafka', `${stack.kafkaBrokers.join(',')}${external(stack.external.kafka)}`],
      ['PostgreSQL', `${withoutPassword(stack.databaseUrl)}${external(stack.external.postgres)}`],
      ...(stack.evm
        ? ([['Hardhat', `${stack.evm.rpcUrl}  (chain ${stack.evm.chainId})`]] as Array<[string, string]>)
        : []),
      ...(stack.solana
        ? ([['Solana', `${stack.solana.rpcUrl}  (litesvm JSON-RPC shim)`]] as Array<[string, string]>)
        : []),
    ]),
  ];
  if (stack.evm) {
    lines.push('', '  Contracts');
    lines.push(
      ...table(
        Object.entries(stack.evm.deployment.contracts).map(([name, contract]) => [
          name,
          `${contract.address}  (block ${contract.deployBlock})`,
        ]),
        '    ',
      ),
    );
    if (stack.evm.demo) {
      const { transactions, proposalId, marketId } = stack.evm.demo;
      lines.push(
        `    demo activity: ${transactions} transactions, proposal ${proposalId}, market ${marketId}`,
      );
    }
  }
  if (stack.solana?.demo) {
    const { mint, wallets, transfers } = stack.solana.demo;
    lines.push('', `  Solana demo: mint ${mint}, ${transfers} transfers between ${wallets.join(' and ')}`);
  }
  if (services.length) {
    lines.push('', '  Services');
    lines.push(
      ...table(
        services.map((service) => {
          const base = `http://127.0.0.1:${service.port}`;
          return [service.name, `${base}   ${base}/health  /ready  /metrics`];
        }),
        '    ',
      ),
    );
  }
  const stateDir = relative(rootDir, stack.stateDir) || '.';
  lines.push('', `  State and logs in ${stateDir}/ (stack.json, contracts.json). Press Ctrl-C to stop.`, '');
  return lines.join('\n');
}
