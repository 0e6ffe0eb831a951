import { Controller, Get, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { captureLogs } from '../testing/log.capture';
import { createLogger } from './logger.factory';
import { PinoNestLogger } from './pino-nest.logger';

describe('PinoNestLogger', () => {
  function setup(): { nest: PinoNestLogger; lines: () => Record<string, unknown>[] } {
    const capture = captureLogs();
    const pino = createLogger({ serviceName: 'nest-spec', level: 'trace', destination: capture.destination });
    return { nest: new PinoNestLogger(pino), lines: capture.lines };
  }

  it('maps Nest methods to pino levels and the trailing string argument to context', () => {
    const { nest, lines } = setup();
    nest.log('started', 'NestApplication');
    nest.warn('slow', 'Consumer');
    nest.debug('tick');
    nest.verbose('details', 'Scheduler');
    nest.fatal('dead', 'Main');
    expect(lines().map((l) => [l['level'], l['msg'], l['context']])).toEqual([
      ['info', 'started', 'NestApplication'],
      ['warn', 'slow', 'Consumer'],
      ['debug', 'tick', undefined],
      ['trace', 'details', 'Scheduler'],
      ['fatal', 'dead', 'Main'],
    ]);
    expect(lines()[0]).toMatchObject({ service: 'nest-spec' });
  });

  it('keeps error stacks apart from the context, as Nest passes them', () => {
    const { nest, lines } = setup();
    const error = new Error('db down');
    nest.error('query failed', error.stack, 'ExceptionsHandler');
    nest.error(error);
    nest.error({ orderId: 3, reason: 'x' }, 'Orders');
    const [withStack, asError, asObject] = lines();
    expect(withStack).toMatchObject({ level: 'error', msg: 'query failed', context: 'ExceptionsHandler' });
    expect(String(withStack['stack'])).toContain('Error: db down');
    expect(asError).toMatchObject({
      level: 'error',
      msg: 'db down',
      err: { type: 'Error', message: 'db down' },
    });
    expect(asObject).toMatchObject({ level: 'error', orderId: 3, reason: 'x', context: 'Orders' });
  });

  it('lowers or raises the pino threshold from Nest log levels', () => {
    const { nest, lines } = setup();
    nest.setLogLevels(['error', 'warn']);
    nest.log('hidden');
    nest.warn('shown');
    expect(lines().map((l) => l['msg'])).toEqual(['shown']);
  });

  it("routes Nest's own logs through pino once passed to app.useLogger", async () => {
    @Controller()
    class PingController {
      private readonly logger = new Logger(PingController.name);
      @Get('ping')
      ping(): string {
        this.logger.log('pinged');
        return 'pong';
      }
    }
    @Module({ controllers: [PingController] })
    class AppModule {}

    const { nest, lines } = setup();
    const app = await NestFactory.create(AppModule, { bufferLogs: true });
    app.useLogger(nest);
    await app.listen(0, '127.0.0.1');
    await fetch(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/ping`);
    await app.close();

    expect(lines()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'info', context: 'RoutesResolver', service: 'nest-spec' }),
        expect.objectContaining({
          level: 'info',
          context: 'NestApplication',
          msg: 'Nest application successfully started',
        }),
        expect.objectContaining({ level: 'info', context: 'PingController', msg: 'pinged' }),
      ]),
    );
  });
});
