import { createPublicKey, verify } from 'node:crypto';
import { utils } from '@coral-xyz/anchor';
import { Message, PublicKey } from '@solana/web3.js';
import {
  loadAllRecorded,
  loadRecorded,
  signatureOf,
  type RecordedTransaction,
} from './recorded-transactions';

// DER prefix of an Ed25519 SubjectPublicKeyInfo: node:crypto takes a raw 32-byte key this way.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The legacy message the fee payer signed, rebuilt with web3.js from the recorded json fields. */
function legacyMessageBytes(tx: RecordedTransaction): Buffer {
  const m = tx.message;
  return new Message({
    header: m.header,
    accountKeys: [...m.accountKeys],
    recentBlockhash: m.recentBlockhash,
    instructions: m.instructions.map((ix) => ({
      programIdIndex: ix.programIdIndex,
      accounts: [...ix.accounts],
      data: ix.data,
    })),
  }).serialize();
}

function signedByFeePayer(tx: RecordedTransaction, message: Uint8Array): boolean {
  const feePayer = new PublicKey(tx.message.accountKeys[0]!).toBuffer();
  const key = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, feePayer]),
    format: 'der',
    type: 'spki',
  });
  return verify(null, message, key, utils.bytes.bs58.decode(signatureOf(tx)));
}

describe('recorded mainnet transactions', () => {
  it('buy_single_listing: the recorded legacy message is exactly what the fee payer signed', () => {
    const tx = loadRecorded('buySingleListing');
    expect(tx.version).toBe('legacy');
    expect(signedByFeePayer(tx, legacyMessageBytes(tx))).toBe(true);
  });

  it('Jupiter route: the recorded wire transaction carries its fee payer’s valid signature', () => {
    const tx = loadRecorded('jupiterRoute');
    expect(tx.version).toBe(0);
    expect(signatureOf(tx)).toBe(
      '3G4CDUVCJTLAYhXSbp4JomY1r9G32yYFYUJ7rQ2bYPNQfLdUgc8KgQGeeivjdc1B5a1Bd7uANUL6GuUzyd4mQBsR',
    );
    expect(signedByFeePayer(tx, tx.wireMessage!)).toBe(true);
  });

  it('a message changed by one byte no longer verifies, so the checks above can fail', () => {
    for (const [tx, message] of [
      [loadRecorded('buySingleListing'), legacyMessageBytes(loadRecorded('buySingleListing'))],
      [loadRecorded('jupiterRoute'), Buffer.from(loadRecorded('jupiterRoute').wireMessage!)],
    ] as const) {
      const tampered = Buffer.from(message);
      tampered[tampered.length - 1] ^= 1;
      expect(signedByFeePayer(tx, tampered)).toBe(false);
    }
  });

  it('buy_nft + sell: the recording resolved lookup-table keys into accountKeys, so its signature cannot be rechecked', () => {
    // A transaction is at most 1232 bytes on the wire; this message alone, as recorded, is longer —
    // the signed v0 message listed some of these 34 keys through an address lookup table.
    const tx = loadRecorded('buyThenSell');
    expect(tx.message.accountKeys).toHaveLength(34);
    expect(legacyMessageBytes(tx).length).toBeGreaterThan(1232 - 65);
  });

  it('slots and block times of the recordings fit mainnet slot timing (about 0.4 s per slot)', () => {
    const all = loadAllRecorded();
    for (let i = 1; i < all.length; i += 1) {
      const [older, newer] = [all[i - 1]!, all[i]!];
      const secondsPerSlot = (newer.blockTime - older.blockTime) / (newer.slot - older.slot);
      expect(secondsPerSlot).toBeGreaterThan(0.38);
      expect(secondsPerSlot).toBeLessThan(0.5);
    }
  });

  it("logs match the messages: top-level invocations name the instructions' programs, in order, and all return", () => {
    for (const tx of loadAllRecorded()) {
      const { accountKeys, instructions } = tx.message;
      const invoked: string[] = [];
      const stack: string[] = [];
      for (const line of tx.meta.logMessages) {
        const invoke = /^Program (\S+) invoke \[(\d+)\]$/.exec(line);
        if (invoke) {
          expect(Number(invoke[2])).toBe(stack.length + 1);
          if (invoke[2] === '1') invoked.push(invoke[1]!);
          stack.push(invoke[1]!);
        }
        const done = /^Program (\S+) success$/.exec(line);
        if (done) expect(stack.pop()).toBe(done[1]);
      }
      expect(stack).toEqual([]);
      expect(invoked).toEqual(instructions.map((ix) => accountKeys[ix.programIdIndex]));
    }
  });
});
