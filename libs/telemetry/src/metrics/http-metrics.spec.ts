import {
  Controller,
  Get,
  HttpException,
  Injectable,
  Module,
  Param,
  Post,
  UseGuards,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { HttpMetrics } from './http.metrics';
import { MetricsModule } from './metrics.module';
import { METRICS_REGISTRY } from './metrics.tokens';

@Injectable()
class DenyGuard {
  canActivate(): boolean {
    return false;
  }
}

@Controller('alerts')
class AlertsController {
  @Get(':id')
  get(@Param('id') id: string): { id: string } {
    return { id };
  }

  @Post(':id/ack')
  ack(): never {
    throw new HttpException('conflict', 409);
  }

  @Get(':id/secret')
  @UseGuards(DenyGuard)
  secret(): string {
    return 'never';
  }
}

@Module({
  imports: [MetricsModule.forRoot({ serviceName: 'metrics-spec' })],
  controllers: [AlertsController],
})
class AppModule {}

describe('MetricsModule over a real Nest app', () => {
  let app: INestApplication;
  let base: string;
  let registry: Registry;

  beforeAll(async () => {
    app = await NestFactory.create(AppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    registry = app.get<Registry>(METRICS_REGISTRY);
  });

  afterAll(async () => {
    await app.close();
  });

  async function counted(labels: Record<string, string>): Promise<number> {
    const metric = await app.get(HttpMetrics).requests.get();
    return metric.values
      .filter((v) =>
        Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value),
      )
      .reduce((sum, v) => sum + v.value, 0);
  }

  it('counts requests by route template, never by raw URL', async () => {
    expect((await fetch(`${base}/alerts/1`)).status).toBe(200);
    expect((await fetch(`${base}/alerts/2?x=y`)).status).toBe(200);
    expect((await fetch(`${base}/alerts/3/ack`, { method: 'POST' })).status).toBe(409);
    expect((await fetch(`${base}/alerts/4/secret`)).status).toBe(403);

    expect(await counted({ method: 'GET', route: '/alerts/:id', status_code: '200' })).toBe(2);
    expect(await counted({ method: 'POST', route: '/alerts/:id/ack', status_code: '409' })).toBe(1);
    expect(await counted({ method: 'GET', route: '/alerts/:id/secret', status_code: '403' })).toBe(1);
    const routes = (await app.get(HttpMetrics).requests.get()).values.map((v) => v.labels.route);
    expect(routes.some((r) => typeof r === 'string' && /\d/.test(r))).toBe(false);
  });

  it('labels requests no route matched as "unmatched"', async () => {
    expect((await fetch(`${base}/no/such/path/123`)).status).toBe(404);
    expect((await fetch(`${base}/alerts/1`, { method: 'DELETE' })).status).toBe(404);
    expect(await counted({ route: 'unmatched', status_code: '404' })).toBe(2);
  });

  it('serves /metrics in Prometheus text format with the service label and duration histogram', async () => {
    await fetch(`${base}/alerts/9`);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    // Express reorders the parameters; Prometheus reads them by name.
    const contentType = res.headers.get('content-type') ?? '';
    expect(contentType.split(';')[0]).toBe('text/plain');
    expect(contentType).toMatch(/;\s*version=0\.0\.4/);
    const text = await res.text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('http_requests_total{') && l.includes('route="/alerts/:id"'));
    expect(line).toMatch(/method="GET"/);
    expect(line).toMatch(/status_code="200"/);
    expect(line).toMatch(/service="metrics-spec"/);
    expect(Number(line?.split(' ').at(-1))).toBeGreaterThanOrEqual(3);
    const buckets = text
      .split('\n')
      .filter(
        (l) => l.startsWith('http_request_duration_seconds_bucket{') && l.includes('route="/alerts/:id"'),
      );
    expect(buckets.map((l) => /le="([^"]+)"/.exec(l)?.[1])).toEqual([
      '0.005',
      '0.01',
      '0.025',
      '0.05',
      '0.1',
      '0.25',
      '0.5',
      '1',
      '2.5',
      '5',
      '10',
      '+Inf',
    ]);
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(await registry.getSingleMetricAsString('http_requests_total')).toContain('route="/alerts/:id"');
  });
});
