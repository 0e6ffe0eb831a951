// Child process of start-telemetry.spec.ts (one SDK per process): loads the lib the way an app's
// instrument.ts does, then sends a request through a Nest app to a plain HTTP server and back.
// argv: <otlpEndpoint or ''> <upstream traceparent or ''>; prints one JSON FixtureReport line on stdout.
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { createLogger, startTelemetry } from '../index';
import { captureLogs } from '../testing';

export interface FixtureReport {
  /** Instrumented libraries already in require.cache right after importing the lib (must be none). */
  preloaded: string[];
  secondStartError: string;
  /** What the downstream server answered: the traceparent header it received. */
  downstream: { traceparent: string | null };
  logs: Record<string, unknown>[];
}

const preloaded = ['@nestjs/core', 'pg', 'kafkajs', 'typeorm'].filter((name) =>
  Object.keys(require.cache).some((file) => file.includes(`/node_modules/${name}/`)),
);

const [otlpEndpoint, upstreamTraceparent] = process.argv.slice(2);
const telemetry = startTelemetry({
  serviceName: 'telemetry-fixture',
  serviceVersion: '1.2.3',
  ...(otlpEndpoint ? { otlpEndpoint } : {}),
});

let secondStartError = '';
try {
  startTelemetry({ serviceName: 'second' });
} catch (error) {
  secondStartError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function main(): Promise<FixtureReport> {
  // Imported only now, after startTelemetry, as main.ts does after instrument.ts.
  const http = await import('node:http');
  const { NestFactory } = await import('@nestjs/core');
  const capture = captureLogs();
  const logger = createLogger({
    serviceName: 'telemetry-fixture',
    level: 'info',
    destination: capture.destination,
  });

  const get = (url: string, headers: IncomingHttpHeaders = {}): Promise<string> =>
    new Promise((resolve, reject) => {
      http
        .get(url, { headers, agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve(body));
        })
        .on('error', reject);
    });

  const downstream = http.createServer((req, res) => {
    logger.info('downstream hit');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ traceparent: req.headers.traceparent ?? null }));
  });
  await new Promise<void>((resolve) => downstream.listen(0, '127.0.0.1', resolve));
  const downstreamUrl = `http://127.0.0.1:${(downstream.address() as AddressInfo).port}/`;

  @Controller()
  class HopController {
    @Get('hop')
    async hop(): Promise<unknown> {
      logger.info('hop');
      return JSON.parse(await get(downstreamUrl)) as unknown;
    }
  }
  @Module({ controllers: [HopController] })
  class AppModule {}

  const app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const appBase = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const untraced = <T>(fn: () => Promise<T>): Promise<T> =>
    context.with(suppressTracing(context.active()), fn);
  // A probe as the kubelet sends it (no client span): startTelemetry's default ignore list drops its server span.
  await untraced(() => get(`${appBase}/health`));
  // An upstream service's traceparent is sent untouched: the instrumented client would replace it.
  const body = upstreamTraceparent
    ? await untraced(() => get(`${appBase}/hop`, { traceparent: upstreamTraceparent }))
    : await get(`${appBase}/hop`);

  await app.close();
  await new Promise<void>((resolve) => downstream.close(() => resolve()));
  await telemetry.shutdown();
  return {
    preloaded,
    secondStartError,
    downstream: JSON.parse(body) as FixtureReport['downstream'],
    logs: capture.lines(),
  };
}

main().then(
  (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
