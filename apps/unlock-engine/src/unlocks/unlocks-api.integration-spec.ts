// The definitions API on a real engine process (Postgres, Kafka): validation answers 4xx
// problem+json naming the failing node; updates are new versions; deactivation; addresses checked.
import type { ServiceProcess } from '@convergence/service-kit/testing';
import { call, engineStorage, startEngine } from '../testing/engine-test-kit';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

const ceremony = { steps: [{ kind: 'reveal', text: 'Welcome' }] };

describe('unlock definitions API', () => {
  let engine: ServiceProcess;
  const id = `genesis-${Date.now().toString(36)}`;

  beforeAll(async () => {
    engine = await startEngine(await engineStorage('api'), { EVM_RPC_URL: '' });
  });
  afterAll(async () => {
    expect(await engine?.stop()).toBe(0);
  });

  it('refuses an invalid requirements tree with 400 problem+json naming every bad node', async () => {
    const response = await call<Problem>(engine, 'POST', '/unlocks', {
      id: `${id}-bad`,
      title: 'Bad',
      requirements: {
        all: [{ votes: { min: -1 } }, { tokenBalance: { token: 'GOLD', min: '5' } }, { stars: {} }],
      },
      ceremony,
    });
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 400, title: 'invalid unlock definition' });
    expect(response.body.errors).toEqual([
      { field: 'requirements.all[0].votes.min', message: 'must be a non-negative integer' },
      {
        field: 'requirements.all[1].tokenBalance.token',
        message: "unknown token 'GOLD'; configured: TRUST, TALLY, VOUCHER",
      },
      {
        field: 'requirements.all[2].stars',
        message: expect.stringContaining("unknown condition kind 'stars'"),
      },
    ]);
    expect(response.body.detail).toContain('requirements.all[1].tokenBalance.token');
    expect((await call(engine, 'GET', `/unlocks/${id}-bad`)).status).toBe(404);
  });

  it('refuses an invalid ceremony and bad fields, naming them', async () => {
    const response = await call<Problem>(engine, 'POST', '/unlocks', {
      id: 'Not An Id',
      title: ' ',
      requirements: { votes: { min: 1 } },
      ceremony: { steps: [{ kind: 'pause', durationMs: 120_000 }, { kind: 'interpretation' }] },
      extra: true,
    });
    expect(response.status).toBe(400);
    const fields = response.body.errors?.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        '(body)',
        'ceremony.steps[0].durationMs',
        'ceremony.steps[1].fallbackText',
      ]),
    );
  });

  it('creates, versions on update, keeps old versions readable, and deactivates', async () => {
    const created = await call<{ id: string; version: number; active: boolean }>(engine, 'POST', '/unlocks', {
      id,
      title: 'Genesis',
      requirements: { votes: { min: 1 } },
      ceremony,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, version: 1, active: true });
    expect(
      (
        await call<Problem>(engine, 'POST', '/unlocks', {
          id,
          title: 'Again',
          requirements: { votes: { min: 1 } },
          ceremony,
        })
      ).status,
    ).toBe(409);

    const updated = await call<{ version: number; requirements: unknown }>(engine, 'PUT', `/unlocks/${id}`, {
      title: 'Genesis II',
      requirements: { all: [{ votes: { min: 2 } }, { proposals: { min: 1 } }] },
      ceremony,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      version: 2,
      requirements: { all: [{ votes: { min: 2 } }, { proposals: { min: 1 } }] },
    });
    expect((await call<{ title: string }>(engine, 'GET', `/unlocks/${id}?version=1`)).body.title).toBe(
      'Genesis',
    );
    expect((await call<{ title: string }>(engine, 'GET', `/unlocks/${id}`)).body.title).toBe('Genesis II');
    expect((await call<Array<{ id: string }>>(engine, 'GET', '/unlocks')).body.map((u) => u.id)).toContain(
      id,
    );

    const invalidUpdate = await call<Problem>(engine, 'PUT', `/unlocks/${id}`, {
      title: 'Self',
      requirements: { unlock: { id } },
      ceremony,
    });
    expect(invalidUpdate.status).toBe(400);
    expect(invalidUpdate.body.errors).toEqual([
      { field: 'requirements.unlock.id', message: 'an unlock cannot require itself' },
    ]);

    const cycle = await call<Problem>(engine, 'POST', '/unlocks', {
      id: `${id}-child`,
      title: 'Child',
      requirements: { unlock: { id } },
      ceremony,
    });
    expect(cycle.status).toBe(201);
    const closing = await call<Problem>(engine, 'PUT', `/unlocks/${id}`, {
      title: 'Loop',
      requirements: { unlock: { id: `${id}-child` } },
      ceremony,
    });
    expect(closing.status).toBe(400);
    expect(closing.body.errors?.[0]).toEqual({
      field: 'requirements.unlock.id',
      message: `closes a cycle: ${id} -> ${id}-child -> ${id}`,
    });

    const deactivated = await call<{ active: boolean; version: number }>(
      engine,
      'POST',
      `/unlocks/${id}/deactivate`,
    );
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false, version: 2 });
  });

  it('answers 404 for an unknown unlock and 400 for a malformed address or version', async () => {
    expect((await call<Problem>(engine, 'GET', '/unlocks/nope-nope')).status).toBe(404);
    expect(
      (
        await call<Problem>(engine, 'PUT', '/unlocks/nope-nope', {
          title: 'x',
          requirements: { votes: { min: 1 } },
          ceremony,
        })
      ).status,
    ).toBe(404);
    const badAddress = await call<Problem>(engine, 'GET', '/eligibility/0x1234');
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.errors).toEqual([
      {
        field: 'address',
        message: 'must be a 0x-prefixed 20-byte hex address or a base58 Solana public key',
      },
    ]);
    expect((await call<Problem>(engine, 'GET', '/profiles/not-an-address')).status).toBe(400);
    expect((await call<Problem>(engine, 'GET', `/unlocks/${id}?version=zero`)).status).toBe(400);
    expect(
      (await call<Problem>(engine, 'GET', `/unlocks/${id}/ceremony?address=0x${'1'.repeat(40)}`)).status,
    ).toBe(409);
    // Without an RPC endpoint there is nothing to reconcile against.
    expect((await call<Problem>(engine, 'POST', `/reconciliation/0x${'1'.repeat(40)}`)).status).toBe(503);
  });
});
