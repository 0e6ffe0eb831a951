/** How far one program is indexed, as committed in Postgres after Kafka acknowledged. */
export interface SolanaCheckpoint {
  /** The newest signature whose events Kafka acknowledged (the next walk's `until`). */
  readonly lastSignature: string | undefined;
  readonly lastSlot: bigint | undefined;
  /** Every slot up to this one is indexed (the head at the last complete walk). */
  readonly indexedSlot: bigint | undefined;
}
