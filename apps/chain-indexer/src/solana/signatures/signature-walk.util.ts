/** What the indexer keeps of a getSignaturesForAddress entry. */
export interface SignatureInfo {
  readonly signature: string;
  readonly slot: bigint;
  /** The transaction landed failed: it changed nothing, there is nothing to decode. */
  readonly failed: boolean;
}

export interface SignaturePageRequest {
  readonly before: string | undefined;
  readonly until: string | undefined;
  readonly limit: number;
}

/** One getSignaturesForAddress call (newest first), behind whatever endpoint pool serves it. */
export type FetchSignaturePage = (request: SignaturePageRequest) => Promise<readonly SignatureInfo[]>;

export interface SignatureWalkBounds {
  /** The newest signature already indexed (exclusive); undefined on a first start without one. */
  readonly until: string | undefined;
  /** Older slots are done (or before the configured start): the walk stops below this slot. */
  readonly minSlot: bigint;
  readonly pageSize: number;
}

/**
 * Every signature newer than the checkpoint, oldest first, paging getSignaturesForAddress
 * backwards with `before` until a page comes back empty — not merely short, since providers cap
 * `limit` below what was asked and a short page would then leave a gap. It also stops at the `until`
 * signature or below `minSlot` itself, because an endpoint that does not know `until` (a backup a
 * few slots behind) ignores it and would otherwise page through all history.
 *
 * @example
 * const oldestFirst = await collectNewSignatures(fetchPage, { until: checkpoint.lastSignature, minSlot: 1200n, pageSize: 1000 });
 */
export async function collectNewSignatures(
  fetchPage: FetchSignaturePage,
  bounds: SignatureWalkBounds,
): Promise<SignatureInfo[]> {
  const newestFirst: SignatureInfo[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await fetchPage({ before, until: bounds.until, limit: bounds.pageSize });
    for (const info of page) {
      if (info.signature === bounds.until || info.slot < bounds.minSlot) return newestFirst.reverse();
      newestFirst.push(info);
    }
    const last = page[page.length - 1];
    if (!last) return newestFirst.reverse();
    before = last.signature;
  }
}
