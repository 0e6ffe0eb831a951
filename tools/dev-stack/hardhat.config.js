// Hardhat is only the local JSON-RPC chain here; contracts are compiled by libs/contracts with solc-js,
// so there is deliberately no `solidity` block (`hardhat node` never compiles, nothing gets downloaded).
const { join } = require('node:path');

const cacheRoot = join(__dirname, '..', '..', '.cache', 'hardhat');

/** @type {import('hardhat/types').HardhatUserConfig} */
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
      hardfork: 'cancun',
      mining: { auto: true },
      // Per-request logging costs time and fills the pipe; set HARDHAT_NODE_LOGGING=true to debug.
      loggingEnabled: process.env.HARDHAT_NODE_LOGGING === 'true',
      // Same mnemonic as src/hardhat/dev-accounts.ts derives keys from.
      accounts: {
        mnemonic: 'test test test test test test test test test test test junk',
        count: 20,
        accountsBalance: '10000000000000000000000',
      },
    },
  },
  paths: { cache: join(cacheRoot, 'cache'), artifacts: join(cacheRoot, 'artifacts') },
};
