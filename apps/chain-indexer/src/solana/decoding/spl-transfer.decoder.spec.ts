import { SplTokenActions, startSolanaRpcShim, type SolanaRpcShim } from '@convergence/solana-rpc-shim';
import { TOKEN_2022_PROGRAM_ID as SPL_TOKEN_2022, createTransferCheckedInstruction } from '@solana/spl-token';
import { Connection, Keypair, LAMPORTS_PER_SOL, type PublicKey } from '@solana/web3.js';
import { solanaTxViewOf } from './solana-tx-view.util';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, decodeSplTransfers } from './spl-transfer.decoder';
import { solanaTxEventsOf } from './solana-tx-events.util';

// Real transactions, executed by litesvm's SPL programs behind the shim and fetched with web3.js.
describe(decodeSplTransfers.name, () => {
  let shim: SolanaRpcShim;
  let connection: Connection;
  let tokens: SplTokenActions;
  let mint: PublicKey;
  const alice = Keypair.generate();
  const bob = Keypair.generate();
  let aliceAccount: PublicKey;
  let bobAccount: PublicKey;

  const fetchView = async (signature: string) => {
    const response = await connection.getTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    if (!response) throw new Error(`no transaction ${signature}`);
    return solanaTxViewOf(response);
  };

  beforeAll(async () => {
    shim = await startSolanaRpcShim();
    connection = new Connection(shim.url, { commitment: 'confirmed', disableRetryOnRateLimit: true });
    const payer = Keypair.generate();
    await connection.requestAirdrop(payer.publicKey, LAMPORTS_PER_SOL);
    tokens = new SplTokenActions(connection, payer);
    mint = await tokens.createMint(6);
    aliceAccount = await tokens.createAssociatedAccount(mint, alice.publicKey);
    bobAccount = await tokens.createAssociatedAccount(mint, bob.publicKey);
    await tokens.mintTo(mint, aliceAccount, 5_000_000n);
  });

  afterAll(() => shim.close());

  it('decodes a transfer with its mint and both owners from the token balances', async () => {
    const view = await fetchView(await tokens.transfer(aliceAccount, bobAccount, alice, 1_250_000n));
    expect(decodeSplTransfers(view)).toEqual([
      {
        position: { instructionIndex: 0 },
        programId: TOKEN_PROGRAM_ID,
        name: 'transfer',
        args: {
          source: aliceAccount.toBase58(),
          destination: bobAccount.toBase58(),
          authority: alice.publicKey.toBase58(),
          amount: '1250000',
          mint: mint.toBase58(),
          decimals: 6,
          sourceOwner: alice.publicKey.toBase58(),
          destinationOwner: bob.publicKey.toBase58(),
        },
      },
    ]);
  });

  it('decodes transferChecked with the mint and decimals it names', async () => {
    const view = await fetchView(await tokens.transferChecked(bobAccount, mint, aliceAccount, bob, 7n, 6));
    const [transfer] = decodeSplTransfers(view);
    expect(transfer?.name).toBe('transferChecked');
    expect(transfer?.args).toMatchObject({ amount: '7', mint: mint.toBase58(), decimals: 6 });
    expect(transfer?.args['sourceOwner']).toBe(bob.publicKey.toBase58());
  });

  it('decodes the inner transferChecked of the associated-token program (RecoverNested)', async () => {
    const owner = Keypair.generate();
    const ownerAccount = await tokens.createAssociatedAccount(mint, owner.publicKey);
    const nested = await tokens.createAssociatedAccount(mint, ownerAccount);
    await tokens.mintTo(mint, nested, 42n);
    const view = await fetchView(await tokens.recoverNested(mint, owner));
    expect(view.instructions[0]?.programId).toBe('ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL');
    expect(decodeSplTransfers(view)).toEqual([
      {
        position: { instructionIndex: 0, innerIndex: 0 },
        programId: TOKEN_PROGRAM_ID,
        name: 'transferChecked',
        args: {
          source: nested.toBase58(),
          destination: ownerAccount.toBase58(),
          authority: ownerAccount.toBase58(),
          amount: '42',
          mint: mint.toBase58(),
          decimals: 6,
          sourceOwner: ownerAccount.toBase58(),
          destinationOwner: owner.publicKey.toBase58(),
        },
      },
    ]);
  });

  it('ignores instructions that are not transfers (mintTo, account creation)', async () => {
    const view = await fetchView(await tokens.mintTo(mint, aliceAccount, 1n));
    expect(decodeSplTransfers(view)).toEqual([]);
  });

  it('gives each transfer an id from the cluster, signature and instruction path', async () => {
    const signature = await tokens.transfer(aliceAccount, bobAccount, alice, 3n);
    const { events } = solanaTxEventsOf(await fetchView(signature), {
      cluster: 'localnet',
      commitment: 'confirmed',
      anchor: undefined,
    });
    expect(events.map((e) => e.id)).toEqual([`localnet:${signature}:0`]);
    expect(events[0]?.data).toMatchObject({
      kind: 'spl-transfer',
      name: 'transfer',
      instructionIndex: 0,
      innerInstructionIndex: null,
      eventIndex: null,
      signature,
    });
  });

  it("decodes Token-2022 transfers under the program's real id, as @solana/spl-token encodes them", () => {
    // litesvm's shim sends Token (classic) only, so the instruction comes from spl-token's own encoder.
    expect(TOKEN_2022_PROGRAM_ID).toBe(SPL_TOKEN_2022.toBase58());
    const [source, destination, owner] = [Keypair.generate(), Keypair.generate(), Keypair.generate()];
    const ix = createTransferCheckedInstruction(
      source.publicKey,
      mint,
      destination.publicKey,
      owner.publicKey,
      42n,
      6,
      [],
      SPL_TOKEN_2022,
    );
    const view = {
      signature: 'sig',
      slot: 1n,
      blockTime: null,
      failed: false,
      instructions: [
        {
          programId: ix.programId.toBase58(),
          accounts: ix.keys.map((k) => k.pubkey.toBase58()),
          data: ix.data,
        },
      ],
      innerInstructions: new Map(),
      logMessages: [],
      tokenAccounts: new Map(),
    };
    expect(decodeSplTransfers(view)).toEqual([
      expect.objectContaining({
        programId: SPL_TOKEN_2022.toBase58(),
        name: 'transferChecked',
        args: expect.objectContaining({ amount: '42', mint: mint.toBase58(), decimals: 6 }),
      }),
    ]);
  });
});
