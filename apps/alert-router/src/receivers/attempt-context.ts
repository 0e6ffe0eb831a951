/** What one delivery attempt of one integration gets beside its config and the message. */
export interface AttemptContext {
  /** Aborts on shutdown or when the attempt's request timeout passes. */
  signal: AbortSignal;
  /** Signed acknowledgement link for the group, rendered as a button or link when set. */
  ackUrl?: string;
}
