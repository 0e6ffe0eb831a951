import { GroupCommitQueue } from './group-commit.util';

/** A writer whose writes finish when the test says so, recording what each was given. */
function controlledWriter(failOn: (items: readonly string[]) => boolean = () => false) {
  const writes: string[][] = [];
  const finish: (() => void)[] = [];
  const write = (items: readonly string[]) => {
    writes.push([...items]);
    return new Promise<void>((resolve, reject) =>
      finish.push(() => (failOn(items) ? reject(new Error(`cannot write ${items.join(',')}`)) : resolve())),
    );
  };
  return { writes, finish, write };
}

/** Runs queued starts by hand, so a test decides when a burst is over. */
function manualStart() {
  const starts: (() => void)[] = [];
  return { starts, defer: (start: () => void) => starts.push(start) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(GroupCommitQueue.name, () => {
  it('writes items added in the same round in one write, and settles each once it is written', async () => {
    const writer = controlledWriter();
    const start = manualStart();
    const queue = new GroupCommitQueue(writer.write, start.defer);
    let written = 0;
    const adds = ['a', 'b', 'c'].map((item) => queue.add(item).then(() => written++));
    expect(start.starts).toHaveLength(1);
    start.starts[0]!();
    await settle();
    expect(writer.writes).toEqual([['a', 'b', 'c']]);
    expect(written).toBe(0);
    writer.finish[0]!();
    await Promise.all(adds);
    expect(written).toBe(3);
  });

  it('gathers items added while a write is in flight into the next write', async () => {
    const writer = controlledWriter();
    const start = manualStart();
    const queue = new GroupCommitQueue(writer.write, start.defer);
    const first = queue.add('a');
    start.starts[0]!();
    await settle();
    const later = [queue.add('b'), queue.add('c')];
    expect(writer.writes).toEqual([['a']]);
    writer.finish[0]!();
    await first;
    await settle();
    expect(start.starts).toHaveLength(2); // the next write waits for its start too
    const more = queue.add('d');
    start.starts[1]!();
    await settle();
    expect(writer.writes).toEqual([['a'], ['b', 'c', 'd']]);
    writer.finish[1]!();
    await Promise.all([...later, more]);
  });

  it('does not write before it is told to start', async () => {
    const writer = controlledWriter();
    const start = manualStart();
    const queue = new GroupCommitQueue(writer.write, start.defer);
    void queue.add('a');
    await settle();
    expect(writer.writes).toEqual([]);
    start.starts[0]!();
    await settle();
    expect(writer.writes).toEqual([['a']]);
  });

  it('starts a new burst after the previous one drained', async () => {
    const writer = controlledWriter();
    const start = manualStart();
    const queue = new GroupCommitQueue(writer.write, start.defer);
    const first = queue.add('a');
    start.starts[0]!();
    await settle();
    writer.finish[0]!();
    await first;
    await settle();
    const second = queue.add('b');
    expect(start.starts).toHaveLength(2);
    start.starts[1]!();
    await settle();
    writer.finish[1]!();
    await second;
    expect(writer.writes).toEqual([['a'], ['b']]);
  });

  it('writes each item of a failed batch on its own, so only the bad one fails', async () => {
    const writer = controlledWriter((items) => items.includes('bad'));
    const start = manualStart();
    const queue = new GroupCommitQueue(writer.write, start.defer);
    const results = ['a', 'bad', 'c'].map((item) =>
      queue.add(item).then(
        () => `${item}: written`,
        (error: Error) => `${item}: ${error.message}`,
      ),
    );
    start.starts[0]!();
    for (let i = 0; i < 4; i++) {
      await settle();
      writer.finish[i]!();
    }
    expect(await Promise.all(results)).toEqual(['a: written', 'bad: cannot write bad', 'c: written']);
    expect(writer.writes).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('rejects a lone item with its write error without writing it again', async () => {
    const writer = controlledWriter(() => true);
    const start = manualStart();
    const queue = new GroupCommitQueue(writer.write, start.defer);
    const add = queue.add('a');
    start.starts[0]!();
    await settle();
    writer.finish[0]!();
    await expect(add).rejects.toThrow('cannot write a');
    expect(writer.writes).toEqual([['a']]);
  });
});
