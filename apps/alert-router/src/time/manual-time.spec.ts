import { ManualTime } from './manual-time';

describe(ManualTime.name, () => {
  const start = new Date('2030-01-01T00:00:00Z');

  it('runs due tasks in time order with the clock at their time, including tasks they schedule', async () => {
    const time = new ManualTime(start);
    const ran: string[] = [];
    const log = (name: string) => async () => {
      ran.push(`${name}@${time.clock().getTime() - start.getTime()}`);
    };
    time.schedule(new Date(start.getTime() + 20), log('b'));
    time.schedule(new Date(start.getTime() + 10), async () => {
      await log('a')();
      time.schedule(new Date(start.getTime() + 15), log('c'));
    });
    time.schedule(new Date(start.getTime() + 30), log('late'));
    await time.advanceBy(25);
    expect(ran).toEqual(['a@10', 'c@15', 'b@20']);
    expect(time.clock().getTime() - start.getTime()).toBe(25);
  });

  it('skips cancelled tasks and runs past-due ones at once', async () => {
    const time = new ManualTime(start);
    const ran: string[] = [];
    const cancel = time.schedule(new Date(start.getTime() + 5), async () => {
      ran.push('cancelled');
    });
    cancel();
    time.schedule(new Date(start.getTime() - 5), async () => {
      ran.push('past');
    });
    await time.runDue();
    await time.advanceBy(10);
    expect(ran).toEqual(['past']);
  });
});
