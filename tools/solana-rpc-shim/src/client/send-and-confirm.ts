import type { Connection, Keypair, Transaction } from '@solana/web3.js';

/**
 * Signs and sends a transaction over plain HTTP JSON-RPC and waits until `getSignatureStatuses`
 * reports it at `confirmed` — web3.js' own confirm needs a websocket the shim does not serve.
 * Throws with the on-chain error when the transaction landed failed.
 *
 * @example
 * const signature = await sendAndConfirm(connection, new Transaction().add(ix), payer, owner);
 */
export async function sendAndConfirm(
  connection: Connection,
  tx: Transaction,
  payer: Keypair,
  ...signers: Keypair[]
): Promise<string> {
  const { blockhash } = await connection.getLatestBlockhash('confirmed');
  tx.recentBlockhash = blockhash;
  tx.feePayer = payer.publicKey;
  tx.sign(payer, ...signers);
  const signature = await connection.sendRawTransaction(tx.serialize(), { preflightCommitment: 'confirmed' });
  for (let attempt = 0; attempt < 100; attempt++) {
    const { value } = await connection.getSignatureStatuses([signature]);
    const status = value[0];
    if (status?.err) throw new Error(`transaction ${signature} failed: ${JSON.stringify(status.err)}`);
    if (status?.confirmationStatus === 'confirmed' || status?.confirmationStatus === 'finalized') {
      return signature;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`transaction ${signature} not confirmed after 100 polls`);
}
