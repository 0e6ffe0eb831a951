import { findFreePort } from '../free-port';
import { parseBrokers, useOrStartKafka } from './kafka-from-env';

describe('useOrStartKafka with KAFKA_BROKERS', () => {
  it('fails with a clear message when no broker answers there', async () => {
    const port = await findFreePort(); // free, so closed
    const env = { KAFKA_BROKERS: `127.0.0.1:${port}` };
    const attempt = useOrStartKafka({ dataDir: '/nonexistent' }, env);
    await expect(attempt).rejects.toThrow(
      `KAFKA_BROKERS=127.0.0.1:${port} is set but no broker answers at 127.0.0.1:${port}`,
    );
  });

  it('splits a broker list', () => {
    expect(parseBrokers(' a:1, b:2 ,,')).toEqual(['a:1', 'b:2']);
  });
});
