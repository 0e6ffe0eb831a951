// Named re-exports only (no `export *`): keeps the public surface explicit; index.spec.ts checks it is complete.
export {
  contractAbis,
  contractBytecodes,
  contractNames,
  covenantAbi,
  covenantBytecode,
  demoGovernorAbi,
  demoGovernorBytecode,
  demoTokenAbi,
  demoTokenBytecode,
  mockVrfCoordinatorAbi,
  mockVrfCoordinatorBytecode,
  opinionMarketAbi,
  opinionMarketBytecode,
  transferBurstAbi,
  transferBurstBytecode,
  type ContractName,
} from './generated';
export {
  demoContractKinds,
  type DemoContractKey,
  type DemoDeployment,
  type DeployedContract,
} from './demo-deployment';
export { roles, type RoleName } from './roles';
export { anchorEventsIdl } from './solana/anchor-events.idl';
export { jupiterV6Idl } from './solana/jupiter-v6.idl';
export { opinionMarketIdl } from './solana/opinion-market.idl';
export { tensorswapIdl } from './solana/tensorswap.idl';
export { solanaIdls, solanaIdlNames, type SolanaIdlName } from './solana/solana-idls';
