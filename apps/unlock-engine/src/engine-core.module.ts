import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CHAIN_CONTRACTS, loadChainContracts } from './chain/chain-contracts';
import { EVM_CHAIN_CLIENT, EvmChainClient } from './chain/evm-chain.client';
import { CLOCK } from './clock/clock';
import { ENGINE_ENV, type UnlockEngineEnv } from './config/env';
import { AchievementRecorder } from './eligibility/achievement.recorder';
import { WalletStateLoader } from './eligibility/wallet-state.loader';
import { EngineMetrics } from './metrics/engine.metrics';
import { EngineOutboxRelay } from './outbox/engine-outbox.relay';
import { ProfileUpdatesOutbox } from './profiles/profile-updates.outbox';
import { ProjectionStore } from './projection/projection.store';
import { ReevaluationQueue } from './reevaluation/reevaluation.queue';
import { UnlockRulesCache } from './unlocks/unlock-rules.cache';

const shared = [
  EngineMetrics,
  ProjectionStore,
  WalletStateLoader,
  AchievementRecorder,
  ProfileUpdatesOutbox,
  UnlockRulesCache,
  ReevaluationQueue,
];

/** What every capability of the engine shares: config, clock, contracts, chain client, stores, metrics. */
@Global()
@Module({})
export class EngineCoreModule {
  static register(env: UnlockEngineEnv): DynamicModule {
    const chainClient =
      env.EVM_RPC_URL === undefined
        ? []
        : [{ provide: EVM_CHAIN_CLIENT, useValue: new EvmChainClient(env.EVM_RPC_URL) }];
    return {
      module: EngineCoreModule,
      providers: [
        { provide: ENGINE_ENV, useValue: env },
        { provide: CLOCK, useValue: () => new Date() },
        { provide: CHAIN_CONTRACTS, useValue: loadChainContracts(env.CONTRACTS_FILE, env.EVM_CHAIN_ID) },
        ...chainClient,
        ...shared,
        EngineOutboxRelay,
      ],
      exports: [ENGINE_ENV, CLOCK, CHAIN_CONTRACTS, ...chainClient.map((p) => p.provide), ...shared],
    };
  }
}
