import { anchorEventsIdl } from '@convergence/contracts';
import { BN, BorshCoder, type Idl } from '@coral-xyz/anchor';
import { AnchorEventDecoder } from './anchor-event.decoder';
import type { InstructionView, SolanaTxView } from './solana-tx-view.model';

// No Anchor program binary is available offline to run in litesvm, so these logs are built in the
// validator's log format around event payloads encoded by Anchor's own coder from the real IDL of
// Anchor's `events` example program.
const idl = anchorEventsIdl as unknown as Idl;
const coder = new BorshCoder(idl);
const programId = anchorEventsIdl.address;
const tokenProgram = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const computeBudget = 'ComputeBudget111111111111111111111111111111';

function eventPayload(name: 'MyEvent' | 'MyOtherEvent', data: { data: BN; label: string }): Buffer {
  const discriminator = anchorEventsIdl.events.find((e) => e.name === name)!.discriminator;
  return Buffer.concat([Buffer.from(discriminator), coder.types.encode(name, data)]);
}

const ix = (id: string): InstructionView => ({ programId: id, accounts: [], data: new Uint8Array() });

function txOf(
  logs: string[],
  instructions: InstructionView[],
  extra: Partial<SolanaTxView> = {},
): SolanaTxView {
  return {
    signature: 'sig',
    slot: 1n,
    blockTime: null,
    failed: false,
    instructions,
    innerInstructions: new Map(),
    logMessages: logs,
    tokenAccounts: new Map(),
    ...extra,
  };
}

const invoke = (id: string, depth: number) => `Program ${id} invoke [${depth}]`;
const success = (id: string) => `Program ${id} success`;
const data = (payload: Buffer) => `Program data: ${payload.toString('base64')}`;

describe(AnchorEventDecoder.name, () => {
  const decoder = new AnchorEventDecoder(programId, idl);

  it("decodes the program's `emit!` events with its IDL, numbering them per instruction", () => {
    const tx = txOf(
      [
        invoke(computeBudget, 1),
        success(computeBudget),
        invoke(programId, 1),
        'Program log: Instruction: Initialize',
        data(eventPayload('MyEvent', { data: new BN(5), label: 'hello' })),
        data(eventPayload('MyOtherEvent', { data: new BN('18446744073709551615'), label: 'max' })),
        `Program ${programId} consumed 1234 of 200000 compute units`,
        success(programId),
      ],
      [ix(computeBudget), ix(programId)],
    );
    expect(decoder.decode(tx)).toEqual({
      undecodable: 0,
      events: [
        {
          position: { instructionIndex: 1, eventIndex: 0 },
          programId,
          name: 'MyEvent',
          args: { data: '5', label: 'hello' },
          innerBefore: 0,
        },
        {
          position: { instructionIndex: 1, eventIndex: 1 },
          programId,
          name: 'MyOtherEvent',
          args: { data: '18446744073709551615', label: 'max' },
          innerBefore: 0,
        },
      ],
    });
  });

  it('attributes lines to the program on top of the invocation stack, ignoring other programs', () => {
    const foreign = Buffer.from('not an event of this program');
    const tx = txOf(
      [
        invoke(tokenProgram, 1),
        data(foreign),
        success(tokenProgram),
        invoke(programId, 1),
        invoke(tokenProgram, 2),
        data(foreign),
        success(tokenProgram),
        data(eventPayload('MyOtherEvent', { data: new BN(6), label: 'bye' })),
        success(programId),
      ],
      [ix(tokenProgram), ix(programId)],
    );
    const { events, undecodable } = decoder.decode(tx);
    expect(undecodable).toBe(0);
    expect(events.map((e) => [e.name, e.position, e.innerBefore])).toEqual([
      ['MyOtherEvent', { instructionIndex: 1, eventIndex: 0 }, 1], // after the token program's CPI
    ]);
  });

  it('keeps instruction indexes right when a precompile logs no invocation', () => {
    const ed25519 = 'Ed25519SigVerify111111111111111111111111111';
    const tx = txOf(
      [
        invoke(programId, 1),
        data(eventPayload('MyEvent', { data: new BN(1), label: 'a' })),
        success(programId),
      ],
      [ix(ed25519), ix(programId)],
    );
    expect(decoder.decode(tx).events[0]?.position).toEqual({ instructionIndex: 1, eventIndex: 0 });
  });

  it('decodes `emit_cpi!` events from the self-CPI inner instruction', () => {
    const tag = Buffer.from([0xe4, 0x45, 0xa5, 0x2e, 0x51, 0xcb, 0x9a, 0x1d]);
    const payload = Buffer.concat([tag, eventPayload('MyOtherEvent', { data: new BN(7), label: 'cpi' })]);
    const tx = txOf([], [ix(programId)], {
      innerInstructions: new Map([[0, [{ programId, accounts: [], data: payload }]]]),
    });
    expect(decoder.decode(tx).events).toEqual([
      {
        position: { instructionIndex: 0, innerIndex: 0 },
        programId,
        name: 'MyOtherEvent',
        args: { data: '7', label: 'cpi' },
      },
    ]);
  });

  it('counts payloads its IDL does not describe instead of guessing', () => {
    const tx = txOf(
      [invoke(programId, 1), data(Buffer.from('0123456789abcdef')), success(programId)],
      [ix(programId)],
    );
    expect(decoder.decode(tx)).toEqual({ events: [], undecodable: 1 });
  });

  it('finds nothing in a failed transaction, whose events were rolled back', () => {
    const tx = txOf(
      [
        invoke(programId, 1),
        data(eventPayload('MyEvent', { data: new BN(5), label: 'x' })),
        `Program ${programId} failed: custom program error: 0x1`,
      ],
      [ix(programId)],
      { failed: true },
    );
    expect(decoder.decode(tx)).toEqual({ events: [], undecodable: 0 });
  });
});
