import { envSchema } from '../../config/env';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', KAFKA_BROKERS: '127.0.0.1:9092' };
const token = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const anchorEvents = '2dhGsWUzy5YKUsjZdLHLmkNpUDAXkNa9MYWsPc4Ziqzy';

function issuesOf(env: Record<string, string>): string[] {
  const result = envSchema.safeParse({ ...base, ...env });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('Solana environment', () => {
  it('leaves Solana off by default, needing no RPC URL', () => {
    const env = envSchema.parse(base);
    expect(env.SOLANA_PROGRAMS).toEqual([]);
    expect(env.SOLANA_RPC_URLS).toEqual([]);
    expect(env.SOLANA_CLUSTER).toBe('localnet');
  });

  it('reads programs with their defaults, and RPC URLs in priority order', () => {
    const env = envSchema.parse({
      ...base,
      SOLANA_RPC_URLS: 'https://primary.example, https://backup.example',
      SOLANA_PROGRAMS: JSON.stringify([
        { name: 'spl-token', programId: token },
        {
          name: 'events',
          programId: anchorEvents,
          idl: 'anchor-events',
          commitment: 'confirmed',
          startSlot: 1200,
        },
      ]),
    });
    expect(env.SOLANA_RPC_URLS).toEqual(['https://primary.example', 'https://backup.example']);
    expect(env.SOLANA_PROGRAMS).toEqual([
      {
        name: 'spl-token',
        programId: token,
        idl: undefined,
        commitment: 'finalized',
        startSignature: undefined,
        startSlot: 0n,
      },
      {
        name: 'events',
        programId: anchorEvents,
        idl: 'anchor-events',
        commitment: 'confirmed',
        startSignature: undefined,
        startSlot: 1200n,
      },
    ]);
  });

  it('names each bad program field', () => {
    const programs = [
      { name: 'Bad Name', programId: 'not-base58!', idl: 'nope', commitment: 'processed', startSlot: -1 },
      { name: 'dup', programId: token },
      { name: 'dup', programId: token, extra: true },
    ];
    const issues = issuesOf({
      SOLANA_RPC_URLS: 'https://rpc.example',
      SOLANA_PROGRAMS: JSON.stringify(programs),
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'SOLANA_PROGRAMS.0.name: lowercase letters, digits, - and _ only',
        'SOLANA_PROGRAMS.0.programId: must be a base58 public key',
        'SOLANA_PROGRAMS.0.idl: must be one of anchor-events, jupiter-v6, tensorswap',
        expect.stringMatching(/^SOLANA_PROGRAMS\.0\.commitment: /),
        expect.stringMatching(/^SOLANA_PROGRAMS\.0\.startSlot: /),
        expect.stringMatching(/^SOLANA_PROGRAMS\.2: Unrecognized key/),
      ]),
    );
  });

  it('refuses duplicate names and program ids, and both start forms at once', () => {
    const sig = 'J4WPKK1NyqyLbxxC7Qi4T3DEqEcSKxCrJLS7xgpLsWLeRMPKfxmJFhyozo6nF2yKxmauucgwtH4dxgxcb3UBQFV';
    expect(
      issuesOf({
        SOLANA_RPC_URLS: 'https://rpc.example',
        SOLANA_PROGRAMS: JSON.stringify([
          { name: 'a', programId: token },
          { name: 'a', programId: token, startSignature: sig, startSlot: 5 },
        ]),
      }),
    ).toEqual([
      'SOLANA_PROGRAMS.1: set startSignature or startSlot, not both',
      'SOLANA_PROGRAMS.1.name: appears twice',
      'SOLANA_PROGRAMS.1.programId: appears twice',
    ]);
  });

  it('needs an RPC URL once programs are listed, and JSON for the program list', () => {
    expect(issuesOf({ SOLANA_PROGRAMS: JSON.stringify([{ name: 'a', programId: token }]) })).toEqual([
      'SOLANA_RPC_URLS: needs at least one URL when SOLANA_PROGRAMS lists programs',
    ]);
    expect(issuesOf({ SOLANA_PROGRAMS: '[{' })).toEqual([
      'SOLANA_PROGRAMS: must be a JSON array of programs',
    ]);
    expect(issuesOf({ SOLANA_RPC_URLS: 'ftp:/x' })).toEqual([
      'SOLANA_RPC_URLS.0: each must be an http(s) URL',
    ]);
  });
});
