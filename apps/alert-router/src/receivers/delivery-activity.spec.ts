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
});
