import { TOKEN_PROGRAM_ID } from '@solana/spl-token';
import { Connection, Keypair, LAMPORTS_PER_SOL, type ParsedInstruction } from '@solana/web3.js';
import { SplTokenActions } from '../client/spl-token-actions';
import { startSolanaRpcShim, type SolanaRpcShim } from './shim-server';

describe('solana-rpc-shim served to the real web3.js client', () => {
  let shim: SolanaRpcShim;
  let connection: Connection;
  let tokens: SplTokenActions;

  beforeAll(async () => {
    shim = await startSolanaRpcShim({ ledgerOptions: { finalityDepth: 5 } });
    connection = new Connection(shim.url, { commitment: 'confirmed', disableRetryOnRateLimit: true });
    const payer = Keypair.generate();
    await connection.requestAirdrop(payer.publicKey, 10 * LAMPORTS_PER_SOL);
    tokens = new SplTokenActions(connection, payer);
  });

  afterAll(() => shim.close());

  async function fundedTransfer() {
    const mint = await tokens.createMint(6);
    const alice = Keypair.generate();
    const bob = Keypair.generate();
    const from = await tokens.createAssociatedAccount(mint, alice.publicKey);
    const to = await tokens.createAssociatedAccount(mint, bob.publicKey);
    await tokens.mintTo(mint, from, 1_000_000n);
    const signature = await tokens.transfer(from, to, alice, 250_000n);
    return { mint, alice, bob, from, to, signature };
  }

  it('executes an SPL transfer and serves it with token balances by owner', async () => {
    const { mint, alice, bob, signature } = await fundedTransfer();
    const tx = await connection.getTransaction(signature, {
      commitment: 'confirmed',
      maxSupportedTransactionVersion: 0,
    });
    expect(tx?.meta?.err).toBeNull();
    expect(tx?.meta?.logMessages?.[0]).toBe(`Program ${TOKEN_PROGRAM_ID.toBase58()} invoke [1]`);
    const post = tx?.meta?.postTokenBalances ?? [];
    expect(post.map((b) => [b.owner, b.mint, b.uiTokenAmount.amount]).sort()).toEqual(
      [
        [alice.publicKey.toBase58(), mint.toBase58(), '750000'],
        [bob.publicKey.toBase58(), mint.toBase58(), '250000'],
      ].sort(),
    );
    expect(
      tx?.meta?.preTokenBalances?.find((b) => b.owner === bob.publicKey.toBase58())?.uiTokenAmount,
    ).toEqual({
      amount: '0',
      decimals: 6,
      uiAmount: null,
      uiAmountString: '0',
    });
    expect(tx?.meta?.fee).toBe(10_000);
  });

  it('parses the transfer in jsonParsed encoding', async () => {
    const { from, to, alice, signature } = await fundedTransfer();
    const tx = await connection.getParsedTransaction(signature, { commitment: 'confirmed' });
    const ix = tx?.transaction.message.instructions[0] as ParsedInstruction;
    expect(ix.program).toBe('spl-token');
    expect(ix.parsed).toEqual({
      type: 'transfer',
      info: {
        source: from.toBase58(),
        destination: to.toBase58(),
        authority: alice.publicKey.toBase58(),
        amount: '250000',
      },
    });
  });

  it('records the CPI transferChecked of RecoverNested as an inner instruction', async () => {
    const mint = await tokens.createMint(2);
    const owner = Keypair.generate();
    const ownerAccount = await tokens.createAssociatedAccount(mint, owner.publicKey);
    const nested = await tokens.createAssociatedAccount(mint, ownerAccount);
    await tokens.mintTo(mint, nested, 77n);
    const signature = await tokens.recoverNested(mint, owner);
    const tx = await connection.getParsedTransaction(signature, { commitment: 'confirmed' });
    const inner = tx?.meta?.innerInstructions?.[0]?.instructions[0] as ParsedInstruction;
    expect(inner.parsed.type).toBe('transferChecked');
    expect(inner.parsed.info).toMatchObject({
      source: nested.toBase58(),
      destination: ownerAccount.toBase58(),
      tokenAmount: { amount: '77', decimals: 2 },
    });
  });

  it('pages signatures newest first with before, until and limit', async () => {
    const { from } = await fundedTransfer();
    const all = await connection.getSignaturesForAddress(from, { limit: 10 }, 'confirmed');
    expect(all).toHaveLength(3); // create account, mint, transfer
    expect(all[0]!.slot).toBeGreaterThan(all[1]!.slot);
    const older = await connection.getSignaturesForAddress(
      from,
      { before: all[0]!.signature, limit: 1 },
      'confirmed',
    );
    expect(older.map((s) => s.signature)).toEqual([all[1]!.signature]);
    const newer = await connection.getSignaturesForAddress(from, { until: all[2]!.signature }, 'confirmed');
    expect(newer.map((s) => s.signature)).toEqual([all[0]!.signature, all[1]!.signature]);
  });

  it('shows a transaction at finalized only once the finality depth of slots passed', async () => {
    const { signature } = await fundedTransfer();
    expect(
      await connection.getTransaction(signature, {
        commitment: 'finalized',
        maxSupportedTransactionVersion: 0,
      }),
    ).toBeNull();
    expect(await connection.getSlot('confirmed')).toBe((await connection.getSlot('finalized')) + 5);
    shim.ledger.advanceSlots(5);
    const tx = await connection.getTransaction(signature, {
      commitment: 'finalized',
      maxSupportedTransactionVersion: 0,
    });
    expect(tx?.transaction.signatures[0]).toBe(signature);
  });

  it('answers JSON-RPC errors in the real shape', async () => {
    const call = (body: unknown) =>
      fetch(shim.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    expect(await call({ jsonrpc: '2.0', id: 1, method: 'nope', params: [] })).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32601, message: 'Method not found' },
    });
    const tooMany = await call({
      jsonrpc: '2.0',
      id: 2,
      method: 'getSignaturesForAddress',
      params: [TOKEN_PROGRAM_ID.toBase58(), { limit: 1001 }],
    });
    expect(tooMany.error).toEqual({ code: -32602, message: 'Invalid params: Invalid limit; max 1000.' });
    const parseError = await fetch(shim.url, { method: 'POST', body: '{' }).then((r) => r.json());
    expect(parseError).toMatchObject({ id: null, error: { code: -32700 } });
  });

  it('refuses a failing transaction at preflight with -32002 and its logs', async () => {
    const { from, to } = await fundedTransfer();
    const stranger = Keypair.generate();
    await expect(tokens.transfer(from, to, stranger, 1n)).rejects.toMatchObject({
      message: expect.stringContaining('custom program error: 0x4'),
    });
  });

  it('airdrops without invalidating a blockhash a client already signed with', async () => {
    const { blockhash } = await connection.getLatestBlockhash('confirmed');
    const to = Keypair.generate().publicKey;
    const first = await connection.requestAirdrop(to, LAMPORTS_PER_SOL);
    const second = await connection.requestAirdrop(to, LAMPORTS_PER_SOL);
    expect(first).not.toBe(second);
    expect((await connection.getLatestBlockhash('confirmed')).blockhash).toBe(blockhash);
    expect(await connection.getBalance(to, 'confirmed')).toBe(2 * LAMPORTS_PER_SOL);
  });

  it('explains a failed airdrop (below rent exemption) in the error', async () => {
    await expect(connection.requestAirdrop(Keypair.generate().publicKey, 1_000)).rejects.toThrow(
      /airdrop failed: .*InsufficientFundsForRent/,
    );
  });

  it('injects a 429 with Retry-After that web3.js reports without retrying', async () => {
    shim.faults.add({
      fault: { kind: 'http-status', status: 429, retryAfter: '3' },
      methods: ['getSlot'],
      times: 1,
    });
    const before = shim.requests.length;
    await expect(connection.getSlot()).rejects.toThrow(/429/);
    expect(shim.requests.slice(before).map((r) => r.fault)).toEqual(['http-status']);
    await expect(connection.getSlot()).resolves.toBeGreaterThan(0);
  });
});
