import { Keypair } from '@solana/web3.js';
import {
  type SolanaScenario,
  type SolanaTxEnvelope,
  TOKEN_PROGRAM,
  startSolanaScenario,
} from './testing/solana-scenario';
import {
  createHolders as holders,
  tokenProgramAfter,
  transferMany as transfers,
} from './testing/token-holders.fixture';

const ids = (events: SolanaTxEnvelope[]) => events.map((e) => e.id);
const hasAll = (expected: string[]) => (events: SolanaTxEnvelope[]) =>
  expected.every((id) => ids(events).includes(id));

describe('chain-indexer Solana indexing (litesvm shim, real Kafka and Postgres)', () => {
  let scenario: SolanaScenario;

  afterEach(async () => {
    await scenario?.close();
  });

  it('publishes real SPL transfers, top-level and inner, with deterministic ids, amounts and owners', async () => {
    scenario = await startSolanaScenario();
    const h = await holders(scenario);
    const transfer = await scenario.tokens.transfer(h.aliceAccount, h.bobAccount, h.alice, 250_000n);
    const checked = await scenario.tokens.transferChecked(
      h.bobAccount,
      h.mint,
      h.aliceAccount,
      h.bob,
      1_000n,
      6,
    );
    const owner = Keypair.generate();
    const ownerAccount = await scenario.tokens.createAssociatedAccount(h.mint, owner.publicKey);
    const nested = await scenario.tokens.createAssociatedAccount(h.mint, ownerAccount);
    await scenario.tokens.mintTo(h.mint, nested, 77n);
    const recovered = await scenario.tokens.recoverNested(h.mint, owner);
    const c = scenario.cluster;
    const expected = [`${c}:${transfer}:0`, `${c}:${checked}:0`, `${c}:${recovered}:0.0`];

    await scenario.startIndexer();
    const events = await scenario.events(hasAll(expected));

    expect(ids(events)).toEqual(expected); // in chain order, nothing else (mints and account creations are no transfers)
    const [first, second, inner] = events.map((e) => e.data);
    expect(first).toMatchObject({
      cluster: c,
      signature: transfer,
      programId: TOKEN_PROGRAM,
      kind: 'spl-transfer',
      name: 'transfer',
      instructionIndex: 0,
      innerInstructionIndex: null,
      commitment: 'confirmed',
      args: {
        amount: '250000',
        mint: h.mint.toBase58(),
        decimals: 6,
        source: h.aliceAccount.toBase58(),
        destination: h.bobAccount.toBase58(),
        sourceOwner: h.alice.publicKey.toBase58(),
        destinationOwner: h.bob.publicKey.toBase58(),
      },
    });
    expect(second).toMatchObject({
      name: 'transferChecked',
      args: { amount: '1000', sourceOwner: h.bob.publicKey.toBase58() },
    });
    expect(inner).toMatchObject({
      name: 'transferChecked',
      instructionIndex: 0,
      innerInstructionIndex: 0,
      args: { amount: '77', source: nested.toBase58(), destinationOwner: owner.publicKey.toBase58() },
    });
    const tx = await scenario.connection.getTransaction(transfer, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    expect(first?.slot).toBe(String(tx?.slot));
    expect(first?.blockTime).toBe(new Date((tx?.blockTime ?? 0) * 1_000).toISOString());
  });

  it('resumes from its checkpoint after a restart, publishing nothing twice', async () => {
    scenario = await startSolanaScenario();
    const h = await holders(scenario);
    const before = await transfers(scenario, h, 3);
    const indexer = await scenario.startIndexer();
    await scenario.events(hasAll(before.map((s) => `${scenario.cluster}:${s}:0`)));
    expect(await indexer.stop()).toBe(0);

    const after = await transfers(scenario, h, 3, 100n);
    await scenario.startIndexer();
    const expected = [...before, ...after].map((s) => `${scenario.cluster}:${s}:0`);
    const events = await scenario.events(hasAll(expected));
    // Give a duplicate every chance to show up: one more transfer after those must come right after them.
    const [last] = await transfers(scenario, h, 1, 1_000n);
    const all = await scenario.events(hasAll([...expected, `${scenario.cluster}:${last}:0`]));
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(ids(all)).toEqual([...expected, `${scenario.cluster}:${last}:0`]);
    expect(all.map((e) => e.data.args['amount'])).toEqual(['1', '2', '3', '100', '101', '102', '1000']);
  });

  it('republishes with the same ids after a kill -9 between Kafka ack and checkpoint commit, missing nothing', async () => {
    scenario = await startSolanaScenario();
    const h = await holders(scenario);
    const signatures = await transfers(scenario, h, 5);
    const expected = signatures.map((s) => `${scenario.cluster}:${s}:0`);
    // Only the transfers: start after the setup transactions, two signatures per batch.
    const programs = tokenProgramAfter(h.funded);
    const crashing = await scenario
      .startIndexer({ CHAIN_INDEXER_CRASH_POINT: 'after-publish', SOLANA_BATCH_SIZE: '2' }, programs)
      .catch(() => undefined); // it may die before it reports ready
    const firstBatch = await scenario.events((events) => events.length >= 2);
    expect(ids(firstBatch)).toEqual(expected.slice(0, 2)); // acknowledged, checkpoint never committed
    if (crashing) expect(await crashing.exited).toBeNull(); // killed by SIGKILL, no exit code

    await scenario.startIndexer({ SOLANA_BATCH_SIZE: '2' }, programs);
    const events = await scenario.events(hasAll(expected));
    expect(ids(events)).toEqual([...expected.slice(0, 2), ...expected]);
    expect(new Set(ids(events))).toEqual(new Set(expected));
  });

  it('reads at finalized commitment: a transfer appears only once its slot is finalized', async () => {
    scenario = await startSolanaScenario({ finalityDepth: 32 });
    const h = await holders(scenario);
    scenario.ledger.advanceSlots(32); // the setup is final
    await scenario.startIndexer({}, tokenProgramAfter(h.funded, 'finalized'));
    const early = await transfers(scenario, h, 1, 5n);
    scenario.ledger.advanceSlots(31);
    const late = await transfers(scenario, h, 1, 6n); // finalizes the first one: 32 slots above it
    const events = await scenario.events((all) => all.length >= 1);
    expect(ids(events)).toEqual([`${scenario.cluster}:${early[0]}:0`]);
    expect(events[0]?.data.commitment).toBe('finalized');
    scenario.ledger.advanceSlots(32);
    const both = await scenario.events((all) => all.length >= 2);
    expect(ids(both)).toEqual([`${scenario.cluster}:${early[0]}:0`, `${scenario.cluster}:${late[0]}:0`]);
  });
});
