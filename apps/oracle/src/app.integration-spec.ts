import { describeServiceBoot } from '@convergence/service-kit/testing';
import { entities, migrations } from './migrations';
import { devKey } from './testing/test-market-chain';

// The boot contract runs the oracle against the test stack's demo deployment; the spawned process
// inherits these (the Hardhat dev key is public: local chains only).
process.env['CONTRACTS_FILE'] = process.env['TEST_CONTRACTS_FILE'] ?? '';
process.env['ORACLE_PRIVATE_KEY'] = devKey(19);

describeServiceBoot({ app: 'oracle', entities, migrations });
