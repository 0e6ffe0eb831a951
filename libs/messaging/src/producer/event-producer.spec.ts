import { chunkBySize } from './event-producer';

describe(chunkBySize.name, () => {
  it('keeps order and starts a new chunk before the size limit is passed', () => {
    const messages = ['a'.repeat(100), 'b'.repeat(100), 'c'.repeat(100)].map((value) => ({ value }));
    const chunks = chunkBySize(messages, 350);
    expect(chunks.map((c) => c.map((m) => String(m.value)[0]).join(''))).toEqual(['ab', 'c']);
  });

  it('puts a message larger than the limit in a chunk of its own rather than dropping it', () => {
    const chunks = chunkBySize([{ value: 'x'.repeat(1_000) }, { value: 'y' }], 100);
    expect(chunks).toHaveLength(2);
  });
});
