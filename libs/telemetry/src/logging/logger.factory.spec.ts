import {
  context,
  INVALID_SPAN_CONTEXT,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
  type Context,
  type ContextManager,
} from '@opentelemetry/api';
import { captureLogs } from '../testing/log.capture';
import { createLogger } from './logger.factory';

// Enough of a context manager for synchronous context.with(); the SDK installs the AsyncLocalStorage one.
class StackContextManager implements ContextManager {
  private stack: Context[] = [];
  active(): Context {
    return this.stack.at(-1) ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    this.stack.push(ctx);
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.stack.pop();
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.stack = [];
    return this;
  }
}

const activeSpan = trace.wrapSpanContext({
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
});

describe('createLogger', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new StackContextManager());
  });
  afterAll(() => {
    context.disable();
  });

  function logger(): { log: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
    const capture = captureLogs();
    return {
      log: createLogger({ serviceName: 'logger-spec', level: 'debug', destination: capture.destination }),
      lines: capture.lines,
    };
  }

  it('stamps trace_id and span_id of the active span on each line', () => {
    const { log, lines } = logger();
    context.with(trace.setSpan(context.active(), activeSpan), () => log.info({ orderId: 7 }, 'inside'));
    expect(lines()[0]).toMatchObject({
      msg: 'inside',
      orderId: 7,
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
    });
  });

  it('leaves trace fields out when no span is active, or the active one is invalid', () => {
    const { log, lines } = logger();
    log.info('outside');
    context.with(trace.setSpan(context.active(), trace.wrapSpanContext(INVALID_SPAN_CONTEXT)), () =>
      log.info('invalid'),
    );
    for (const line of lines()) {
      expect(line).not.toHaveProperty('trace_id');
      expect(line).not.toHaveProperty('span_id');
    }
    expect(lines()).toHaveLength(2);
  });

  it('writes service, a string level and an ISO time on every line, and honours the level', () => {
    const capture = captureLogs();
    const log = createLogger({ serviceName: 'oracle', level: 'warn', destination: capture.destination });
    log.info('dropped');
    log.warn('kept');
    expect(capture.lines()).toHaveLength(1);
    const [line] = capture.lines();
    expect(line).toMatchObject({ service: 'oracle', level: 'warn', msg: 'kept' });
    expect(new Date(String(line['time'])).toISOString()).toBe(line['time']);
  });

  it('redacts secrets at the top level, one object deep and in headers', () => {
    const { log, lines } = logger();
    log.info(
      {
        password: 'hunter2',
        apiKey: 'k-1',
        wallet: { privateKey: '0xabc', mnemonic: 'twelve words', address: '0x1234' },
        webhook: { secret: 's3cret' },
        req: { headers: { authorization: 'Bearer t', 'x-api-key': 'k-2', accept: 'application/json' } },
      },
      'with secrets',
    );
    const line = lines()[0];
    expect(line).toMatchObject({
      password: '[REDACTED]',
      apiKey: '[REDACTED]',
      wallet: { privateKey: '[REDACTED]', mnemonic: '[REDACTED]', address: '0x1234' },
      webhook: { secret: '[REDACTED]' },
      req: {
        headers: { authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', accept: 'application/json' },
      },
    });
    expect(JSON.stringify(line)).not.toMatch(/hunter2|0xabc|s3cret|Bearer|k-1|k-2/);
  });

  it('adds caller-given redact paths', () => {
    const capture = captureLogs();
    const log = createLogger({
      serviceName: 'x',
      level: 'info',
      destination: capture.destination,
      redact: ['payload.rpcUrl'],
    });
    log.info({ payload: { rpcUrl: 'https://key@rpc', chainId: 1 } });
    expect(capture.lines()[0]).toMatchObject({ payload: { rpcUrl: '[REDACTED]', chainId: 1 } });
  });
});
