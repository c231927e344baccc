import { LoggerService } from '@nestjs/common';
import type { Environment } from '../config/environment';

/** Injection token of the {@link UpstreamClientOptions}. */
export const UPSTREAM_OPTIONS = Symbol('UPSTREAM_OPTIONS');

/** What the client needs of a logger; Nest's LoggerService fits. */
export type UpstreamLogger = Pick<LoggerService, 'log' | 'warn' | 'error'> &
  Partial<Pick<LoggerService, 'debug'>>;

export interface UpstreamClientOptions {
  /** E.g. `https://lksh-enter.ru`; a path prefix is kept. */
  baseUrl: string;
  /** Sent raw as `Authorization: <token>`; never logged. */
  token: string;
  /** Body of `POST /login`, at most 256 characters. */
  loginReason: string;
  /** Deadline of one HTTP request, body included. */
  timeoutMs: number;
  /** Most requests in flight at once. */
  concurrency: number;
  /** Most request starts per second, evenly spaced; 0 = unpaced. */
  maxRequestsPerSecond: number;
  /** Extra attempts after the first for 429, 5xx, timeouts, network errors. */
  maxRetries: number;
  /** Consecutive failed requests that open the circuit. */
  breakerThreshold: number;
  /** How long the open circuit rejects calls before one trial. */
  breakerCooldownMs: number;
  /** First back-off delay; doubles on each retry. Default 250. */
  retryBaseDelayMs?: number;
  /** Upper bound of one back-off delay. Default 30 000. */
  maxRetryDelayMs?: number;
  /** Upper bound for an upstream `Retry-After`. Default 60 000. */
  maxRetryAfterMs?: number;
  /** After a 429 slowdown, the rate grows by a quarter this often. Default 5 000. */
  rateRecoveryIntervalMs?: number;
  logger?: UpstreamLogger;
}

export const LOGIN_REASON_MAX_LENGTH = 256;

/** Fails fast on settings that would make the client misbehave quietly. */
export function checkUpstreamOptions(options: UpstreamClientOptions): void {
  const counts: Array<[keyof UpstreamClientOptions, number, number]> = [
    ['timeoutMs', options.timeoutMs, 1],
    ['concurrency', options.concurrency, 1],
    ['maxRequestsPerSecond', options.maxRequestsPerSecond, 0],
    ['maxRetries', options.maxRetries, 0],
    ['breakerThreshold', options.breakerThreshold, 1],
    ['breakerCooldownMs', options.breakerCooldownMs, 0],
  ];
  for (const [name, value, min] of counts) {
    if (!Number.isFinite(value) || value < min) {
      throw new RangeError(`Upstream option ${name} must be >= ${min}`);
    }
  }
  if (options.loginReason.length > LOGIN_REASON_MAX_LENGTH) {
    throw new RangeError(
      `Upstream option loginReason must be at most ` +
        `${LOGIN_REASON_MAX_LENGTH} characters`,
    );
  }
}

/**
 * Client options from the validated settings. `overrides` lets the app point
 * the client elsewhere (e.g. at the bundled sandbox when no token is set).
 */
export function upstreamOptionsFromEnvironment(
  environment: Environment,
  overrides: Partial<UpstreamClientOptions> = {},
): UpstreamClientOptions {
  return {
    baseUrl: environment.LKSH_API_URL,
    token: environment.LKSH_TOKEN ?? '',
    loginReason: environment.LKSH_LOGIN_REASON,
    timeoutMs: environment.UPSTREAM_TIMEOUT_MS,
    concurrency: environment.UPSTREAM_CONCURRENCY,
    maxRequestsPerSecond: environment.UPSTREAM_MAX_RPS,
    maxRetries: environment.UPSTREAM_MAX_RETRIES,
    breakerThreshold: environment.UPSTREAM_BREAKER_THRESHOLD,
    breakerCooldownMs: environment.UPSTREAM_BREAKER_COOLDOWN_MS,
    ...overrides,
  };
}
