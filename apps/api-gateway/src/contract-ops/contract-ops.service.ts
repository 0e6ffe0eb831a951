import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Address } from 'viem';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import {
  type CatalogContract,
  type ContractCatalog,
  catalogOf,
  resolveRole,
  selectContracts,
} from './contract-catalog.util';
import {
  type ContractCall,
  type MultisigProposal,
  directModeRefusal,
  proposalOf,
} from './contract-call.util';
import { ContractOpsException } from './contract-ops.exception';
import { EvmOpsClient } from './evm-ops.client';

export type OpsMode = 'direct' | 'multisig';

/** One contract's outcome of a pause / unpause. */
export interface PauseResult {
  contract: string;
  address: Address;
  txHash?: string;
  blockNumber?: string;
  proposal?: MultisigProposal;
  /** `paused()` after the operation (direct), or as it is now (multisig, skipped, failed); null if unreadable. */
  paused: boolean | null;
  skipped?: string;
  error?: { code: string; detail: string };
}

/**
 * Emergency operations on the demo contracts: reads their state, and pauses, unpauses, grants and
 * revokes roles — sent with the operator key on test networks (direct mode), or answered as
 * proposals for the configured multisig. Each operation is dry-run first so a refusal names its reason.
 */
@Injectable()
export class ContractOpsService {
  private readonly logger = new Logger(ContractOpsService.name);
  private catalog?: ContractCatalog;
  // One transaction at a time: the operator key's nonces stay in order across concurrent requests.
  private sending: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly evm: EvmOpsClient,
    private readonly metrics: GatewayMetrics,
  ) {}

  get mode(): OpsMode {
    return this.env.GATEWAY_CONTRACT_OPS_MODE;
  }

  async contracts() {
    const catalog = this.catalogOrThrow();
    const [chainId, contracts] = await Promise.all([
      this.evm.chainId(),
      Promise.all(catalog.contracts.map(async (c) => ({ ...c, paused: await this.evm.paused(c.address) }))),
    ]);
    return { chainId, mode: this.mode, ...this.multisigField(), contracts };
  }

  async setPaused(selector: string, pause: boolean, actor: string) {
    const targets = selectContracts(this.catalogOrThrow(), selector);
    const chainId = await this.checkedChainId();
    const results: PauseResult[] = [];
    for (const contract of targets) {
      if (selector !== 'all') {
        results.push(await this.pauseOne(contract, pause, actor));
        continue;
      }
      // With `all`, one contract's trouble must not stop the others from being paused.
      try {
        const paused = await this.evm.paused(contract.address);
        if (paused === pause) {
          results.push({
            contract: contract.name,
            address: contract.address,
            paused,
            skipped: `already ${pause ? 'paused' : 'unpaused'}`,
          });
          continue;
        }
        results.push(await this.pauseOne(contract, pause, actor));
      } catch (error) {
        if (!(error instanceof ContractOpsException)) throw error;
        results.push({
          contract: contract.name,
          address: contract.address,
          paused: await this.evm.paused(contract.address).catch(() => null),
          error: { code: error.code, detail: error.detail },
        });
      }
    }
    return {
      chainId,
      mode: this.mode,
      ...this.multisigField(),
      complete: results.every((r) => !r.error),
      results,
    };
  }

  async setRole(
    kind: 'grantRole' | 'revokeRole',
    input: { contract: string; role: string; account: Address },
    actor: string,
  ) {
    const [contract] = selectContracts(this.catalogOrThrow(), input.contract);
    const role = resolveRole(input.role);
    const chainId = await this.checkedChainId();
    const call: ContractCall = { kind, contract: contract!, role, account: input.account };
    const outcome = await this.perform(call, actor);
    return {
      chainId,
      mode: this.mode,
      ...this.multisigField(),
      contract: contract!.name,
      address: contract!.address,
      ...role,
      account: input.account,
      ...outcome,
      hasRole: await this.evm.hasRole(contract!.address, role.roleId, input.account),
    };
  }

  async checkRole(input: { contract: string; role: string; account: Address }) {
    const [contract] = selectContracts(this.catalogOrThrow(), input.contract);
    const role = resolveRole(input.role);
    return {
      contract: contract!.name,
      address: contract!.address,
      ...role,
      account: input.account,
      hasRole: await this.evm.hasRole(contract!.address, role.roleId, input.account),
    };
  }

  private async pauseOne(contract: CatalogContract, pause: boolean, actor: string): Promise<PauseResult> {
    const outcome = await this.perform({ kind: pause ? 'pause' : 'unpause', contract }, actor);
    return {
      contract: contract.name,
      address: contract.address,
      ...outcome,
      paused: await this.evm.paused(contract.address),
    };
  }

  /** Direct: dry-run as the operator, send, wait. Multisig: dry-run as the multisig, answer the proposal. */
  private async perform(
    call: ContractCall,
    actor: string,
  ): Promise<{ txHash?: string; blockNumber?: string; proposal?: MultisigProposal }> {
    const labels = { operation: call.kind, mode: this.mode };
    try {
      if (this.mode === 'multisig') {
        await this.evm.simulate(call, this.env.GATEWAY_MULTISIG_ADDRESS!);
        const proposal = proposalOf(call);
        this.logger.warn({
          msg: 'multisig proposal prepared',
          actor,
          operation: call.kind,
          contract: call.contract.name,
          to: proposal.to,
        });
        this.metrics.contractOperations.inc({ ...labels, outcome: 'proposed' });
        return { proposal };
      }
      const operator = this.evm.operatorAddress;
      if (!operator)
        throw new ContractOpsException(
          'not-configured',
          'GATEWAY_OPERATOR_PRIVATE_KEY is not set (needed in direct mode)',
        );
      await this.evm.simulate(call, operator);
      const sent = await this.serialized(() => this.evm.send(call));
      this.logger.warn({
        msg: 'emergency operation mined',
        actor,
        operation: call.kind,
        contract: call.contract.name,
        ...sent,
      });
      this.metrics.contractOperations.inc({ ...labels, outcome: 'mined' });
      return sent;
    } catch (error) {
      const code = error instanceof ContractOpsException ? error.code : 'error';
      this.metrics.contractOperations.inc({ ...labels, outcome: code });
      if (code === 'reverted' || code === 'receipt-reverted')
        this.metrics.contractReverts.inc({ contract: call.contract.name, operation: call.kind });
      throw error;
    }
  }

  private async checkedChainId(): Promise<number> {
    const chainId = await this.evm.chainId();
    const refusal =
      this.mode === 'direct' ? directModeRefusal(chainId, this.env.GATEWAY_TEST_CHAIN_IDS) : undefined;
    if (refusal) throw new ContractOpsException('direct-mode-refused', refusal);
    return chainId;
  }

  private multisigField(): { multisig?: Address } {
    return this.mode === 'multisig' ? { multisig: this.env.GATEWAY_MULTISIG_ADDRESS! } : {};
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const next = this.sending.then(run, run);
    this.sending = next.catch(() => undefined);
    return next;
  }

  private catalogOrThrow(): ContractCatalog {
    if (this.catalog) return this.catalog;
    const file = this.env.CONTRACTS_FILE;
    if (!file) throw new ContractOpsException('not-configured', 'CONTRACTS_FILE is not set');
    try {
      this.catalog = catalogOf(JSON.parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new ContractOpsException(
        'not-configured',
        `CONTRACTS_FILE ${file} is unreadable: ${(error as Error).message}`,
        { cause: error },
      );
    }
    return this.catalog;
  }
}
