import { Connection, Keypair, PublicKey } from '@solana/web3.js';
import { startRecordedRpcServer, type RecordedRpcServer } from './recorded-rpc.server';
import { TENSORSWAP_PROGRAM, loadAllRecorded, loadRecorded, signatureOf } from './recorded-transactions';

describe('recorded JSON-RPC server', () => {
  let rpc: RecordedRpcServer;
  let connection: Connection;
  const program = new PublicKey(TENSORSWAP_PROGRAM);
  const newer = signatureOf(loadRecorded('buySingleListing'));
  const older = signatureOf(loadRecorded('buyThenSell'));
  const signaturesOf = async (options: { before?: string; until?: string; limit?: number }) =>
    (await connection.getSignaturesForAddress(program, options, 'finalized')).map((s) => s.signature);

  beforeAll(async () => {
    rpc = await startRecordedRpcServer(loadAllRecorded());
    connection = new Connection(rpc.url, 'finalized');
  });
  afterAll(() => rpc.close());

  it('lists the transactions touching an address newest first, paged with before / until / limit', async () => {
    expect(await signaturesOf({})).toEqual([newer, older]);
    expect(await signaturesOf({ limit: 1 })).toEqual([newer]);
    expect(await signaturesOf({ before: newer })).toEqual([older]);
    expect(await signaturesOf({ until: older })).toEqual([newer]);
    expect(await connection.getSignaturesForAddress(Keypair.generate().publicKey, {}, 'finalized')).toEqual(
      [],
    );
  });

  it('reports a head past every recording, so all of them are final', async () => {
    const newest = Math.max(...loadAllRecorded().map((tx) => tx.slot));
    expect(await connection.getSlot('finalized')).toBeGreaterThan(newest);
  });

  it('refuses a v0 transaction to a client that did not send maxSupportedTransactionVersion, as validators do', async () => {
    await expect(connection.getTransaction(older, { commitment: 'finalized' })).rejects.toThrow(
      /maxSupportedTransactionVersion/,
    );
    const tx = await connection.getTransaction(older, {
      commitment: 'finalized',
      maxSupportedTransactionVersion: 0,
    });
    expect(tx?.version).toBe(0);
    expect(await connection.getTransaction(newer, { commitment: 'finalized' })).toMatchObject({
      slot: loadRecorded('buySingleListing').slot,
    });
  });
});
