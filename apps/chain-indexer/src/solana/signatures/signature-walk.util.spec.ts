import { collectNewSignatures, type SignatureInfo, type SignaturePageRequest } from './signature-walk.util';

// A program's history, newest first, as getSignaturesForAddress serves it: sig-9 … sig-0, one per slot 100+i.
const history: SignatureInfo[] = Array.from({ length: 10 }, (_, i) => ({
  signature: `sig-${9 - i}`,
  slot: BigInt(109 - i),
  failed: false,
}));

/** Pages `history` like a validator: `before`/`until` exclusive, unknown ones ignored, at most `cap` per page. */
function endpoint(cap = Number.POSITIVE_INFINITY, knows = history) {
  const calls: SignaturePageRequest[] = [];
  const fetchPage = async (request: SignaturePageRequest) => {
    calls.push(request);
    const beforeAt = knows.findIndex((s) => s.signature === request.before);
    const untilAt = knows.findIndex((s) => s.signature === request.until);
    const start = beforeAt === -1 ? 0 : beforeAt + 1;
    const end = untilAt === -1 ? knows.length : untilAt;
    return knows.slice(start, Math.min(end, start + Math.min(request.limit, cap)));
  };
  return { fetchPage, calls };
}

const signatures = (infos: SignatureInfo[]) => infos.map((s) => s.signature);

describe(collectNewSignatures.name, () => {
  it('returns everything after the checkpoint, oldest first, across pages', async () => {
    const { fetchPage, calls } = endpoint();
    const found = await collectNewSignatures(fetchPage, { until: 'sig-4', minSlot: 0n, pageSize: 2 });
    expect(signatures(found)).toEqual(['sig-5', 'sig-6', 'sig-7', 'sig-8', 'sig-9']);
    expect(calls.map((c) => c.before)).toEqual([undefined, 'sig-8', 'sig-6', 'sig-5']);
    expect(calls.every((c) => c.until === 'sig-4' && c.limit === 2)).toBe(true);
  });

  it('keeps paging past short pages when the provider caps the limit', async () => {
    const { fetchPage } = endpoint(3);
    const found = await collectNewSignatures(fetchPage, { until: undefined, minSlot: 0n, pageSize: 1_000 });
    expect(found).toHaveLength(10);
    expect(found[0]?.signature).toBe('sig-0');
  });

  it('stops below the start slot on a first start', async () => {
    const { fetchPage } = endpoint();
    const found = await collectNewSignatures(fetchPage, { until: undefined, minSlot: 107n, pageSize: 4 });
    expect(signatures(found)).toEqual(['sig-7', 'sig-8', 'sig-9']);
  });

  it('stops at the checkpoint even when an endpoint ignores an `until` it does not know', async () => {
    const ignoresUntil = async (request: SignaturePageRequest) =>
      endpoint().fetchPage({ ...request, until: undefined });
    const found = await collectNewSignatures(ignoresUntil, { until: 'sig-7', minSlot: 107n, pageSize: 3 });
    expect(signatures(found)).toEqual(['sig-8', 'sig-9']);
  });

  it('makes one call and finds nothing when caught up', async () => {
    const { fetchPage, calls } = endpoint();
    expect(await collectNewSignatures(fetchPage, { until: 'sig-9', minSlot: 109n, pageSize: 1_000 })).toEqual(
      [],
    );
    expect(calls).toHaveLength(1);
  });
});
