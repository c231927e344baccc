import { performance } from 'node:perf_hooks';

export interface CircuitBreakerOptions {
  /** Consecutive failed requests that open the circuit. */
  threshold: number;
  /** How long an open circuit rejects calls before one trial is let through. */
  cooldownMs: number;
  onOpen: (failures: number) => void;
  onClose: () => void;
  /** A failed trial opens the circuit again for another cooldown. */
  onReopen?: () => void;
  now?: () => number;
}

/** What a call may do: go ahead normally, go as the single trial, or not go. */
export type CircuitPermit =
  { allowed: true; trial: boolean } | { allowed: false; retryInMs: number };

/**
 * Classic closed / open / half-open breaker. Only the transitions are
 * reported, so a long outage produces one "opened" and one "closed" line
 * however many calls were rejected in between.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt?: number;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Open, or half-open with its trial under way. */
  get isOpen(): boolean {
    return this.openedAt !== undefined;
  }

  enter(): CircuitPermit {
    if (this.openedAt === undefined) return { allowed: true, trial: false };
    const retryInMs = this.openedAt + this.options.cooldownMs - this.now();
    if (retryInMs > 0 || this.trialInFlight) {
      return { allowed: false, retryInMs: Math.max(retryInMs, 0) };
    }
    this.trialInFlight = true;
    return { allowed: true, trial: true };
  }

  succeeded(trial: boolean): void {
    this.consecutiveFailures = 0;
    if (trial) this.trialInFlight = false;
    if (this.openedAt === undefined) return;
    // A call let through before the circuit opened may come back fine; that
    // proves the upstream answers again just as well as a trial would.
    this.openedAt = undefined;
    this.trialInFlight = false;
    this.options.onClose();
  }

  failed(trial: boolean): void {
    if (trial) {
      this.trialInFlight = false;
      this.openedAt = this.now();
      this.options.onReopen?.();
      return;
    }
    if (this.openedAt !== undefined) return;
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.options.threshold) {
      this.openedAt = this.now();
      this.options.onOpen(this.consecutiveFailures);
    }
  }
}
