import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { openServiceDataSource, serviceDataSourceOptions } from '@convergence/service-kit';
import type { DataSource } from 'typeorm';
import { envSchema } from '../config/env';
import { entities, migrations } from '../migrations';
import { RateLimiterService } from './rate-limiter.service';

describe(RateLimiterService.name, () => {
  let dataSource: DataSource;
  const now = new Date('2026-01-01T00:00:30Z');
  const env = envSchema.parse({
    DATABASE_URL: 'postgres://unused',
    KAFKA_BROKERS: '127.0.0.1:9092',
    RATE_LIMIT_ROUTES: 'markets.list=5/60',
  });

  beforeAll(async () => {
    dataSource = await openServiceDataSource(
      serviceDataSourceOptions({
        url: await createWorkerDatabase(),
        schema: `gw_rl_${randomBytes(3).toString('hex')}`,
        serviceName: 'api-gateway',
        entities,
        migrations,
        poolMax: 4,
      }),
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('makes two gateway instances share one budget through Postgres', async () => {
    const a = new RateLimiterService(dataSource, env, () => now);
    const b = new RateLimiterService(dataSource, env, () => now);
    const route = { id: 'markets.list' };
    const consume = (limiter: RateLimiterService) => limiter.consume(route, 'wallet:0xabc').allowed;
    expect([consume(a), consume(a), consume(a)]).toEqual([true, true, true]);
    await a.sync();
    // b decides its first request before it has heard of the bucket: the bounded overshoot.
    expect(consume(b)).toBe(true);
    await b.sync();
    // Now b knows of a's three hits: one more fits in the budget of five, then none.
    expect([consume(b), consume(b)]).toEqual([true, false]);
    await b.sync();
    await a.sync();
    // And a knows of b's.
    expect(consume(a)).toBe(false);
    const [{ hits }] = (await dataSource.query(`SELECT hits FROM rate_limit_counters WHERE bucket = $1`, [
      'markets.list|wallet:0xabc',
    ])) as [{ hits: number }];
    expect(hits).toBe(5);
  });
});
