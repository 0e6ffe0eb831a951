import { DeliveryActivity } from './delivery-activity';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe(DeliveryActivity.name, () => {
  it('runs a task on the next turn when nothing is in flight', async () => {
    const activity = new DeliveryActivity();
    const task = jest.fn();
    activity.whenIdle(task, 10_000);
    expect(task).not.toHaveBeenCalled();
    await nextTurn();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('holds a task until the last delivery in flight ended', async () => {
    const activity = new DeliveryActivity();
    const first = activity.begin();
    const second = activity.begin();
    const task = jest.fn();
    activity.whenIdle(task, 10_000);
    first();
    first(); // ending twice counts once
    await nextTurn();
    expect(task).not.toHaveBeenCalled();
    second();
    await nextTurn();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs a held task after maxWaitMs even while deliveries stay in flight, and only once', () => {
    jest.useFakeTimers();
    try {
      const activity = new DeliveryActivity();
      const end = activity.begin();
      const task = jest.fn();
      activity.whenIdle(task, 200);
      jest.advanceTimersByTime(199);
      expect(task).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1); // the deadline passes: the task is queued for the next turn
      jest.runOnlyPendingTimers();
      expect(task).toHaveBeenCalledTimes(1);
      end();
      jest.runAllTimers();
      expect(task).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits for quietMs without deliveries beginning or ending before it runs a task', () => {
    jest.useFakeTimers();
    try {
      const activity = new DeliveryActivity();
      const task = jest.fn();
      activity.begin()();
      activity.whenIdle(task, 10_000, 20);
      jest.advanceTimersByTime(15);
      activity.begin()(); // another flush of the burst: the quiet period starts again
      jest.advanceTimersByTime(19);
      expect(task).not.toHaveBeenCalled();
      jest.advanceTimersByTime(2); // 20 ms quiet, then the next turn
      expect(task).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
