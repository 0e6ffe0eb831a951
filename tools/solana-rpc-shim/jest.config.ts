// Unit specs: the shim's pure parts, and the shim itself served on loopback to the real web3.js client.
export default {
  displayName: 'solana-rpc-shim',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
