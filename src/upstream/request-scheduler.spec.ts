import { performance } from 'node:perf_hooks';
import { RequestScheduler } from './request-scheduler';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `count` tasks of `durationMs` each; returns their start times. */
async function startsOf(
  scheduler: RequestScheduler,
  count: number,
  durationMs = 0,
): Promise<number[]> {
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: count }, () =>
      scheduler.run(async () => {
        starts.push(performance.now());
        await sleep(durationMs);
      }),
    ),
  );
  return starts;
}

describe('RequestScheduler', () => {
  it('caps the tasks running at once', async () => {
    const scheduler = new RequestScheduler({
      concurrency: 2,
      maxRequestsPerSecond: 0,
    });
    let running = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        scheduler.run(async () => {
          running += 1;
          most = Math.max(most, running);
          await sleep(10);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(scheduler.active).toBe(0);
  });

  it('passes results and errors through and frees the slot', async () => {
    const scheduler = new RequestScheduler({
      concurrency: 1,
      maxRequestsPerSecond: 0,
    });
    await expect(scheduler.run(() => Promise.resolve(7))).resolves.toBe(7);
    await expect(
      scheduler.run(() => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(scheduler.run(() => Promise.resolve('next'))).resolves.toBe(
      'next',
    );
  });

  it('spaces starts evenly at the configured rate', async () => {
    const scheduler = new RequestScheduler({
      concurrency: 10,
      maxRequestsPerSecond: 50,
    });
    const starts = await startsOf(scheduler, 6);
    // Six starts at 50 per second span at least five intervals of 20 ms. A
    // single gap may be shorter when a busy machine fired the timer before
    // it late, so the span is what is held to the rate.
    expect(starts[5] - starts[0]).toBeGreaterThanOrEqual(99);
  });

  it('halves the rate on throttling, once per burst of 429s', () => {
    let clock = 10_000;
    const scheduler = new RequestScheduler({
      concurrency: 4,
      maxRequestsPerSecond: 20,
      now: () => clock,
    });
    scheduler.throttled();
    scheduler.throttled();
    scheduler.throttled();
    // Nothing was sent, so the rate drops to the floor of one per second.
    expect(scheduler.currentRate).toBe(1);
    expect(scheduler.slowedDown).toBe(true);
    clock += 500;
    scheduler.throttled();
    expect(scheduler.currentRate).toBe(1);
  });

  it('recovers gradually up to the configured rate', () => {
    let clock = 0;
    const scheduler = new RequestScheduler({
      concurrency: 4,
      maxRequestsPerSecond: 20,
      recoveryIntervalMs: 100,
      now: () => clock,
    });
    scheduler.throttled();
    clock += 100;
    expect(scheduler.currentRate).toBeCloseTo(1.25);
    clock += 300;
    expect(scheduler.currentRate).toBeCloseTo(1.25 ** 4);
    clock += 10_000;
    expect(scheduler.currentRate).toBe(20);
    expect(scheduler.slowedDown).toBe(false);
  });

  it('paces an unpaced scheduler after throttling, then unpaces it', () => {
    let clock = 0;
    const scheduler = new RequestScheduler({
      concurrency: 4,
      maxRequestsPerSecond: 0,
      recoveryIntervalMs: 100,
      now: () => clock,
    });
    expect(scheduler.currentRate).toBe(0);
    scheduler.throttled();
    expect(scheduler.currentRate).toBeGreaterThan(0);
    clock += 1000;
    expect(scheduler.currentRate).toBe(0);
    expect(scheduler.slowedDown).toBe(false);
  });

  it('halves what was actually being sent', async () => {
    const scheduler = new RequestScheduler({
      concurrency: 10,
      maxRequestsPerSecond: 40,
    });
    await startsOf(scheduler, 10);
    scheduler.throttled();
    // Half of the rate observed, never more than half the configured 40;
    // the lower bound is loose because late timers on a busy machine send less.
    expect(scheduler.currentRate).toBeGreaterThanOrEqual(5);
    expect(scheduler.currentRate).toBeLessThanOrEqual(20);
    const starts = await startsOf(scheduler, 3);
    // At 20 per second or less, three starts span at least 100 ms.
    expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(99);
  });

  it('starts nothing before a Retry-After pause has passed', async () => {
    const scheduler = new RequestScheduler({
      concurrency: 4,
      maxRequestsPerSecond: 0,
    });
    const before = performance.now();
    scheduler.throttled(200);
    const [start] = await startsOf(scheduler, 1);
    expect(start - before).toBeGreaterThanOrEqual(195);
  });
});
