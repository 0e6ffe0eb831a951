export { chainClients, mined, type ChainClients, type DevWalletClient } from './chain-clients';
export {
  deployDemoContracts,
  DEV_VRF_KEY_HASH,
  DEV_VRF_SUBSCRIPTION_ID,
  type DeployDemoOptions,
} from './deploy-demo-contracts';
export { DEV_ACCOUNT_COUNT, DEV_MNEMONIC, devAccountKeys } from './dev-accounts';
export { fetchAgainOnClosedSocket, localNodeTransport } from './local-node-transport';
export { rpcRequest } from './rpc-request';
export {
  SEED_MARKET_STATEMENT,
  SEED_PROPOSAL_DESCRIPTION,
  seedDemoActivity,
  type SeedSummary,
} from './seed-demo-activity';
export { HARDHAT_CHAIN_ID, startHardhat, type HardhatNode, type StartHardhatOptions } from './start-hardhat';
