import { inFlight, statementsSent } from './in-flight.util';

describe('inFlight', () => {
  it('hands back the same promise, whose failure reaches the caller that awaits it and no one before', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const failing = Promise.reject(new Error('statement failed'));
      const tracked = inFlight(failing);
      expect(tracked).toBe(failing);
      // Other work first: an untracked rejection would be reported as unhandled meanwhile.
      await statementsSent();
      await statementsSent();
      expect(unhandled).toEqual([]);
      await expect(tracked).rejects.toThrow('statement failed');
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});

describe('statementsSent', () => {
  it('resolves after work queued as microtasks has run', async () => {
    const order: string[] = [];
    void Promise.resolve()
      .then(() => Promise.resolve())
      .then(() => order.push('query handed to the connection'));
    await statementsSent();
    order.push('caller goes on');
    expect(order).toEqual(['query handed to the connection', 'caller goes on']);
  });
});
