import {
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
  roles,
  type DemoDeployment,
  type DeployedContract,
} from '@convergence/contracts';
import { getAddress, keccak256, parseEther, toHex, type Address, type Hash, type Hex } from 'viem';
import { chainClients, mined, type ChainClients } from './chain-clients';

export interface DeployDemoOptions {
  /** Account granted ORACLE_ROLE on the OpinionMarket; default: the deployer. */
  oracle?: Address;
  /** Mixed into the mock VRF's derived words; default 2025. */
  vrfSeed?: bigint;
  /** Governor voting period in blocks; default 20. */
  votingPeriodBlocks?: bigint;
  /** Governor quorum (For + Abstain, in TRUST wei); default 1,000 TRUST. */
  quorum?: bigint;
}

/** Key hash the OpinionMarket sends to the mock coordinator (which ignores it, like Chainlink's mock). */
export const DEV_VRF_KEY_HASH: Hex = keccak256(toHex('convergence/dev-vrf-key'));
export const DEV_VRF_SUBSCRIPTION_ID = 1n;

/**
 * Deploys TRUST, TALLY, VOUCHER, Covenant, DemoGovernor, MockVRFCoordinator and OpinionMarket, then wires
 * roles: MINTER_ROLE to the deployer (tokens, Covenant) and to the governor (TALLY, so proposals can mint),
 * ORACLE_ROLE to `options.oracle`. The deployer is admin and pauser everywhere.
 * @example
 * const node = await startHardhat();
 * const deployment = await deployDemoContracts(node.rpcUrl, node.accounts[0], { oracle: oracleAddress });
 */
export async function deployDemoContracts(
  rpcUrl: string,
  deployerKey: Hex,
  options: DeployDemoOptions = {},
): Promise<DemoDeployment> {
  const probe = chainClients(rpcUrl);
  const chainId = await probe.publicClient.getChainId();
  const clients = chainClients(rpcUrl, chainId);
  const deployer = clients.wallet(deployerKey);
  const admin = deployer.account.address;
  // Typed per call (constructor args are checked against each ABI); `deployed` waits for the receipt.
  const deployed = (hash: Hash): Promise<DeployedContract> => toDeployedContract(clients, hash);

  const trust = await deployed(
    await deployer.deployContract({
      abi: demoTokenAbi,
      bytecode: demoTokenBytecode,
      args: ['Trust', 'TRUST', admin],
    }),
  );
  const tally = await deployed(
    await deployer.deployContract({
      abi: demoTokenAbi,
      bytecode: demoTokenBytecode,
      args: ['Tally', 'TALLY', admin],
    }),
  );
  const voucher = await deployed(
    await deployer.deployContract({
      abi: demoTokenAbi,
      bytecode: demoTokenBytecode,
      args: ['Voucher', 'VOUCHER', admin],
    }),
  );
  const covenant = await deployed(
    await deployer.deployContract({ abi: covenantAbi, bytecode: covenantBytecode, args: [admin] }),
  );
  const governor = await deployed(
    await deployer.deployContract({
      abi: demoGovernorAbi,
      bytecode: demoGovernorBytecode,
      args: [
        admin,
        'Convergence Governor',
        trust.address,
        0n,
        options.votingPeriodBlocks ?? 20n,
        options.quorum ?? parseEther('1000'),
      ],
    }),
  );
  const vrfCoordinator = await deployed(
    await deployer.deployContract({
      abi: mockVrfCoordinatorAbi,
      bytecode: mockVrfCoordinatorBytecode,
      args: [admin, options.vrfSeed ?? 2025n],
    }),
  );
  const opinionMarket = await deployed(
    await deployer.deployContract({
      abi: opinionMarketAbi,
      bytecode: opinionMarketBytecode,
      args: [admin, trust.address, vrfCoordinator.address, DEV_VRF_KEY_HASH, DEV_VRF_SUBSCRIPTION_ID],
    }),
  );

  const grants: Array<[Address, Hex, Address]> = [
    [trust.address, roles.MINTER_ROLE, admin],
    [tally.address, roles.MINTER_ROLE, admin],
    [voucher.address, roles.MINTER_ROLE, admin],
    [covenant.address, roles.MINTER_ROLE, admin],
    [tally.address, roles.MINTER_ROLE, governor.address],
    [opinionMarket.address, roles.ORACLE_ROLE, options.oracle ?? admin],
  ];
  for (const [contract, role, account] of grants) {
    // grantRole has the same ABI on every contract (OpenZeppelin AccessControl).
    const hash = await deployer.writeContract({
      address: contract,
      abi: demoTokenAbi,
      functionName: 'grantRole',
      args: [role, account],
    });
    await mined(clients.publicClient, hash);
  }

  return {
    chainId,
    contracts: { trust, tally, voucher, covenant, governor, opinionMarket, vrfCoordinator },
  };
}

async function toDeployedContract(clients: ChainClients, hash: Hash): Promise<DeployedContract> {
  const receipt = await mined(clients.publicClient, hash);
  if (!receipt.contractAddress) throw new Error(`Deployment ${hash} created no contract`);
  return { address: getAddress(receipt.contractAddress), deployBlock: Number(receipt.blockNumber) };
}
