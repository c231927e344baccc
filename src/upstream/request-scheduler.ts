import { performance } from 'node:perf_hooks';

export interface RequestSchedulerOptions {
  /** Most requests in flight at once. */
  concurrency: number;
  /** Most request starts per second, evenly spaced; 0 = unpaced. */
  maxRequestsPerSecond: number;
  /** After a slowdown, the rate grows by a quarter every this many ms. */
  recoveryIntervalMs?: number;
  /** Clock in ms; monotonic so that wall-clock jumps do not skew pacing. */
  now?: () => number;
}

/** Slowing down below this would only add delay that retries handle better. */
const MIN_REQUESTS_PER_SECOND = 1;
const RECOVERY_FACTOR = 1.25;
/** One burst of 429s (every in-flight request at once) halves the rate once. */
const SLOWDOWN_GAP_MS = 1000;
const OBSERVATION_WINDOW_MS = 1000;
const MIN_OBSERVATION_MS = 250;

/**
 * Starts tasks with at most `concurrency` running and at most the current
 * rate of starts per second. On throttling the rate is halved and then
 * raised again step by step until it is back at the configured one.
 */
export class RequestScheduler {
  private readonly concurrency: number;
  private readonly configuredRate: number;
  private readonly recoveryIntervalMs: number;
  private readonly now: () => number;

  private readonly waiting: Array<() => void> = [];
  private inFlight = 0;
  private nextStartAt = 0;
  private pausedUntil = 0;
  private rate: number;
  /** Rate to get back to after a slowdown; set only while slowed down. */
  private ceiling?: number;
  private lastRateChangeAt = -Infinity;
  private lastSlowdownAt = -Infinity;
  private readonly recentStarts: number[] = [];
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;

  constructor(options: RequestSchedulerOptions) {
    this.concurrency = options.concurrency;
    this.configuredRate = options.maxRequestsPerSecond;
    this.recoveryIntervalMs = options.recoveryIntervalMs ?? 5000;
    this.now = options.now ?? (() => performance.now());
    this.rate = this.configuredRate;
  }

  /** Current pacing in starts per second; 0 = unpaced. */
  get currentRate(): number {
    this.recover(this.now());
    return this.rate;
  }

  /** True while the rate is below the configured one after throttling. */
  get slowedDown(): boolean {
    this.recover(this.now());
    return this.ceiling !== undefined;
  }

  get active(): number {
    return this.inFlight;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.inFlight -= 1;
      this.pump();
    }
  }

  /**
   * The upstream said "too many requests": halve the rate (from what was
   * actually sent, which may be far below the configured maximum) and, when
   * it named a delay, start nothing before that delay has passed.
   */
  throttled(retryAfterMs?: number): void {
    const now = this.now();
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    }
    if (now - this.lastSlowdownAt >= SLOWDOWN_GAP_MS) this.slowDown(now);
    this.pump();
  }

  private slowDown(now: number): void {
    const observed = Math.max(this.observedRate(now), MIN_REQUESTS_PER_SECOND);
    const sending = this.rate > 0 ? Math.min(this.rate, observed) : observed;
    this.ceiling ??= this.configuredRate > 0 ? this.configuredRate : observed;
    this.rate = Math.max(sending / 2, MIN_REQUESTS_PER_SECOND);
    this.lastRateChangeAt = now;
    this.lastSlowdownAt = now;
  }

  private recover(now: number): void {
    while (
      this.ceiling !== undefined &&
      now - this.lastRateChangeAt >= this.recoveryIntervalMs
    ) {
      this.lastRateChangeAt += this.recoveryIntervalMs;
      this.rate *= RECOVERY_FACTOR;
      if (this.rate >= this.ceiling) {
        this.rate = this.configuredRate;
        this.ceiling = undefined;
      }
    }
  }

  /**
   * Starts per second over the last window. Right after start-up the window
   * is not full yet; dividing by the time actually covered keeps an early
   * 429 from being read as a trickle and slowing down far too much.
   */
  private observedRate(now: number): number {
    this.forgetOldStarts(now);
    if (this.recentStarts.length === 0) return 0;
    const covered = Math.min(
      Math.max(now - this.recentStarts[0], MIN_OBSERVATION_MS),
      OBSERVATION_WINDOW_MS,
    );
    return (this.recentStarts.length * 1000) / covered;
  }

  private forgetOldStarts(now: number): void {
    while (
      this.recentStarts.length > 0 &&
      this.recentStarts[0] <= now - OBSERVATION_WINDOW_MS
    ) {
      this.recentStarts.shift();
    }
  }

  private acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
  }

  /** Starts as many waiting tasks as the limits allow right now. */
  private pump(): void {
    while (this.waiting.length > 0 && this.inFlight < this.concurrency) {
      const now = this.now();
      this.recover(now);
      const startAt = Math.max(now, this.nextStartAt, this.pausedUntil);
      if (startAt > now) {
        this.wakeAt(startAt);
        return;
      }
      this.start(now);
    }
  }

  private start(now: number): void {
    const release = this.waiting.shift();
    if (!release) return;
    this.inFlight += 1;
    this.nextStartAt = this.rate > 0 ? now + 1000 / this.rate : 0;
    this.recentStarts.push(now);
    this.forgetOldStarts(now);
    release();
  }

  private wakeAt(time: number): void {
    if (this.timer && this.timerAt <= time) return;
    clearTimeout(this.timer);
    this.timerAt = time;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(Math.ceil(time - this.now()), 1),
    );
  }
}
