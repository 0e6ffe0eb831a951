import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeKafka } from './kafka/probe-kafka';
import { rpcRequest } from './hardhat';
import { startStack } from './stack';
import type { StackHandle } from './stack-types';
import { temporaryDir } from './test-support';

// Explicit: in a multi-project run (the root jest.integration.config.ts) a project's testTimeout is ignored.
const SLOW = 120_000;

describe('startStack', () => {
  let stack: StackHandle;
  let removeDir: () => Promise<void>;

  beforeAll(async () => {
    const temp = await temporaryDir('stack');
    removeDir = temp.remove;
    stack = await startStack({ rootDir: temp.dir, withHardhat: true, withDemo: false, env: {} });
  }, SLOW);

  afterAll(async () => {
    await stack?.stop();
    await removeDir?.();
  }, SLOW);

  it('runs PostgreSQL, Kafka and Hardhat with the demo contracts', async () => {
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    await expect(client.query('select 1 as one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await client.end();
    await expect(describeKafka(stack.kafkaBrokers)).resolves.toBe(1);
    expect(stack.evm).toBeDefined();
    const evm = stack.evm!;
    expect(Number(await rpcRequest<string>(evm.rpcUrl, 'eth_chainId'))).toBe(evm.chainId);
    const code = await rpcRequest<string>(evm.rpcUrl, 'eth_getCode', [
      evm.deployment.contracts.trust.address,
      'latest',
    ]);
    expect(code.length).toBeGreaterThan(2);
    expect(JSON.parse(readFileSync(evm.contractsFile, 'utf8'))).toEqual(evm.deployment);
  });

  it('describes itself in .dev-stack/stack.json', async () => {
    const described = JSON.parse(readFileSync(stack.stackFile, 'utf8'));
    expect(described).toMatchObject({
      pid: process.pid,
      databaseUrl: stack.databaseUrl,
      kafkaBrokers: stack.kafkaBrokers,
    });
    expect(stack.stackFile).toBe(join(stack.stateDir, 'stack.json'));
  });

  it('stops everything and removes stack.json', async () => {
    await stack.stop();
    expect(existsSync(stack.stackFile)).toBe(false);
    await expect(describeKafka(stack.kafkaBrokers, 1_000)).rejects.toThrow();
    await expect(rpcRequest(stack.evm!.rpcUrl, 'eth_chainId')).rejects.toThrow();
  });
});
