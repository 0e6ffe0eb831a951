import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { HealthModule, type HealthModuleOptions } from './health.module';
import { PostgresReadinessCheck } from './postgres-readiness.check';
import type { ReadinessCheck } from './readiness-check';
import { runReadinessChecks } from './readiness.runner';

const up = (name: string): ReadinessCheck => ({ name, check: async () => undefined });
const down = (name: string, message: string): ReadinessCheck => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});
const hanging = (name: string): ReadinessCheck => ({ name, check: () => new Promise<void>(() => undefined) });

async function startApp(options: HealthModuleOptions): Promise<{ app: INestApplication; base: string }> {
  @Module({ imports: [HealthModule.forRoot(options)] })
  class AppModule {}
  // abortOnError: false makes a bad module throw here instead of exiting the Jest worker.
  const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
  await app.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

describe('HealthModule', () => {
  const apps: INestApplication[] = [];
  async function serve(options: HealthModuleOptions): Promise<string> {
    const { app, base } = await startApp(options);
    apps.push(app);
    return base;
  }
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  it('answers /health with 200 while serving, whatever the checks say', async () => {
    const base = await serve({ checks: [down('postgres', 'connection refused')] });
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { status: string; uptimeSeconds: number };
    expect(body.status).toBe('ok');
    expect(Number.isInteger(body.uptimeSeconds)).toBe(true);
  });

  it('answers /ready with 200 and per-check latency when every check is up', async () => {
    const base = await serve({ checks: [up('postgres')], inject: [], useFactory: () => [up('kafka')] });
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      checks: {
        postgres: { status: 'up', latencyMs: expect.any(Number) },
        kafka: { status: 'up', latencyMs: expect.any(Number) },
      },
    });
  });

  it('builds checks from injected providers of imported modules', async () => {
    class Broker {
      readonly readiness = down('kafka', 'broker unreachable');
    }
    @Module({ providers: [Broker], exports: [Broker] })
    class BrokerModule {}

    const base = await serve({
      imports: [BrokerModule],
      inject: [Broker],
      useFactory: (broker: Broker) => [broker.readiness],
    });
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      checks: { kafka: { status: 'down', error: 'broker unreachable' } },
    });
  });

  it('answers /ready with 503 naming the failing check', async () => {
    const base = await serve({ checks: [up('postgres'), down('kafka', 'no brokers reachable')] });
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'error',
      checks: {
        postgres: { status: 'up', latencyMs: expect.any(Number) },
        kafka: { status: 'down', latencyMs: expect.any(Number), error: 'no brokers reachable' },
      },
    });
  });

  it('reports a hanging check as down once its timeout passes, without waiting for it', async () => {
    const base = await serve({ checks: [up('postgres'), hanging('upstream')], timeoutMs: 100 });
    const started = Date.now();
    const res = await fetch(`${base}/ready`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { checks: Record<string, { status: string; error?: string }> };
    expect(body.checks['upstream']).toMatchObject({ status: 'down', error: 'timed out after 100 ms' });
    expect(body.checks['postgres']).toMatchObject({ status: 'up' });
  });

  it('refuses two checks with the same name at startup', async () => {
    await expect(startApp({ checks: [up('postgres'), up('postgres')] })).rejects.toThrow(
      'two readiness checks are named "postgres"',
    );
  });
});

describe('runReadinessChecks', () => {
  it('runs checks in parallel, so the slowest one bounds the total time', async () => {
    const slow = (name: string): ReadinessCheck => ({
      name,
      check: () => new Promise((r) => setTimeout(r, 150)),
    });
    const started = Date.now();
    const report = await runReadinessChecks([slow('a'), slow('b'), slow('c')], 1000);
    expect(report.status).toBe('ok');
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('turns a synchronous throw into a down check', async () => {
    const report = await runReadinessChecks([
      {
        name: 'sync',
        check: () => {
          throw new Error('boom');
        },
      },
    ]);
    expect(report).toEqual({
      status: 'error',
      checks: { sync: { status: 'down', latencyMs: expect.any(Number), error: 'boom' } },
    });
  });
});

describe('PostgresReadinessCheck', () => {
  it('runs select 1 on an initialized data source', async () => {
    const query = jest.fn().mockResolvedValue([{ '?column?': 1 }]);
    await new PostgresReadinessCheck({ isInitialized: true, query }).check();
    expect(query).toHaveBeenCalledWith('select 1');
  });

  it('fails before querying a data source that is not initialized', async () => {
    const query = jest.fn();
    const check = new PostgresReadinessCheck({ isInitialized: false, query }, 'ledger-db');
    expect(check.name).toBe('ledger-db');
    await expect(check.check()).rejects.toThrow('data source is not initialized');
    expect(query).not.toHaveBeenCalled();
  });
});
