import { runbookQueriesOf } from './runbook-queries.util';

describe(runbookQueriesOf.name, () => {
  it('finds single- and double-quoted q queries, several per line', () => {
    const text = [
      '```sh',
      'q \'up{service="oracle"}\'',
      "q 'kafka_brokers'; q 'up{job=\"kafka-exporter\"}'",
      'q "up{service=\\"$SVC\\"}"',
      "curl -fsS $PROM   # not a query: q is a word here 'x'",
      '```',
    ].join('\n');
    expect(runbookQueriesOf(text, 'r.md').map((q) => q.expr)).toEqual([
      'up{service="oracle"}',
      'kafka_brokers',
      'up{job="kafka-exporter"}',
      'up{service="$SVC"}',
    ]);
  });
});
