import { Inject, Injectable, Logger } from '@nestjs/common';
import axios, { AxiosInstance, isAxiosError } from 'axios';
import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Goal, Match, Player, Team } from '../league/league.types';
import { CircuitBreaker } from './circuit-breaker';
import { RequestScheduler } from './request-scheduler';
import {
  UpstreamAuthError,
  UpstreamCircuitOpenError,
  UpstreamError,
} from './upstream.errors';
import {
  checkUpstreamOptions,
  UPSTREAM_OPTIONS,
  UpstreamClientOptions,
  UpstreamLogger,
} from './upstream.options';
import {
  describeValue,
  parseGoals,
  parseJsonBody,
  parseMatches,
  parsePlayer,
  parseTeams,
} from './upstream.payloads';

export { UPSTREAM_OPTIONS } from './upstream.options';
export type { UpstreamClientOptions, UpstreamLogger } from './upstream.options';

export type UpstreamState =
  'unknown' | 'healthy' | 'rate_limited' | 'unreachable' | 'circuit_open';

const LOG_CONTEXT = 'UpstreamClient';
const DEFAULT_RETRY_BASE_DELAY_MS = 250;
const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;
const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
const REDACTED = '<redacted>';

interface UpstreamRequest {
  method: 'GET' | 'POST';
  path: string;
  /** How messages and logs name the request, e.g. "GET /matches". */
  endpoint: string;
  body?: unknown;
  /** Non-2xx statuses that are answers of this endpoint, not failures. */
  answers?: readonly number[];
}

interface UpstreamReply {
  status: number;
  body: string;
  attempts: number;
}

type AttemptResult =
  | { ok: true; status: number; body: string }
  | {
      ok: false;
      error: UpstreamError;
      retryable: boolean;
      /** The upstream looks down: counts towards opening the circuit. */
      unhealthy: boolean;
      retryAfterMs?: number;
    };

/**
 * Reads `Retry-After` as delta-seconds or an HTTP-date, capped so that a
 * hostile or broken header cannot park the sync for hours.
 */
export function parseRetryAfter(
  value: unknown,
  capMs: number,
  nowMs = Date.now(),
): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  const delayMs = /^\d+(\.\d+)?$/.test(text)
    ? Number(text) * 1000
    : Date.parse(text) - nowMs;
  if (Number.isNaN(delayMs)) return undefined;
  return Math.min(Math.max(delayMs, 0), capMs);
}

function requireId(id: number, what: string): void {
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${id}`);
  }
}

/** Node may report a refused dual-stack connect with an empty message. */
function networkDetail(code: string | undefined, error: unknown): string {
  const message = error instanceof Error ? error.message.trim() : '';
  const head = `network error (${code ?? 'unknown'})`;
  return message === '' || message === code ? head : `${head}: ${message}`;
}

function httpStatusText(status: number): string {
  const reason = STATUS_CODES[status];
  return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}

/**
 * The only way the product talks to the league API. Every call is paced,
 * bounded in concurrency, retried when the failure is transient, guarded by
 * a circuit breaker, and its answer validated into the domain types.
 */
@Injectable()
export class UpstreamClient {
  private readonly http: AxiosInstance;
  private readonly scheduler: RequestScheduler;
  private readonly breaker: CircuitBreaker;
  private readonly logger: UpstreamLogger;
  private readonly retryBaseDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly maxRetryAfterMs: number;

  private sentRequests = 0;
  private lastOutcome: Exclude<UpstreamState, 'circuit_open'> = 'unknown';
  /** Bumped on each successful login, to tell a stale 403 from a fresh one. */
  private loginGeneration = 0;
  private loginInFlight?: Promise<void>;

  constructor(
    @Inject(UPSTREAM_OPTIONS) private readonly options: UpstreamClientOptions,
  ) {
    checkUpstreamOptions(options);
    this.logger = options.logger ?? new Logger(LOG_CONTEXT);
    this.retryBaseDelayMs =
      options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
    this.maxRetryDelayMs =
      options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
    this.maxRetryAfterMs =
      options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      headers: { Authorization: options.token, Accept: 'application/json' },
      validateStatus: () => true,
      responseType: 'text',
      // Parsed by hand so that broken JSON becomes a payload error.
      transformResponse: [(data: unknown) => data],
    });
    this.scheduler = new RequestScheduler({
      concurrency: options.concurrency,
      maxRequestsPerSecond: options.maxRequestsPerSecond,
      recoveryIntervalMs: options.rateRecoveryIntervalMs,
    });
    this.breaker = new CircuitBreaker({
      threshold: options.breakerThreshold,
      cooldownMs: options.breakerCooldownMs,
      onOpen: (failures) => this.logCircuitOpened(failures),
      onClose: () => {
        this.logger.log(
          'Upstream circuit closed: requests go through again',
          LOG_CONTEXT,
        );
      },
      onReopen: () => {
        this.logger.debug?.(
          'Upstream circuit trial failed; open again',
          LOG_CONTEXT,
        );
      },
    });
  }

  get state(): UpstreamState {
    if (this.breaker.isOpen) return 'circuit_open';
    if (this.lastOutcome === 'healthy' && this.scheduler.slowedDown) {
      return 'rate_limited';
    }
    return this.lastOutcome;
  }

  /** HTTP requests actually sent, retries and logins included. */
  get requestCount(): number {
    return this.sentRequests;
  }

  async getTeams(): Promise<Team[]> {
    const endpoint = 'GET /teams';
    const reply = await this.send({ method: 'GET', path: '/teams', endpoint });
    return this.parse(endpoint, reply, (body) => parseTeams(endpoint, body));
  }

  async getMatches(): Promise<Match[]> {
    const endpoint = 'GET /matches';
    const reply = await this.send({
      method: 'GET',
      path: '/matches',
      endpoint,
    });
    return this.parse(endpoint, reply, (body) => parseMatches(endpoint, body));
  }

  /** The player, or null when the upstream has no player with this id. */
  async getPlayer(id: number): Promise<Player | null> {
    requireId(id, 'Player id');
    const path = `/players/${id}`;
    const endpoint = `GET ${path}`;
    const reply = await this.send({
      method: 'GET',
      path,
      endpoint,
      answers: [404],
    });
    if (reply.status === 404) return null;
    return this.parse(endpoint, reply, (body) =>
      parsePlayer(endpoint, body, id),
    );
  }

  /**
   * Goals of one match. /goals needs a logged-in token: log in before the
   * first call, and when a 403 says the login was lost, log in again once.
   */
  async getGoals(matchId: number): Promise<Goal[]> {
    requireId(matchId, 'Match id');
    const path = `/goals?match_id=${matchId}`;
    const request: UpstreamRequest = {
      method: 'GET',
      path,
      endpoint: `GET ${path}`,
      answers: [403],
    };
    if (this.loginGeneration === 0) await this.login();
    const generation = this.loginGeneration;
    let reply = await this.send(request);
    if (reply.status === 403) {
      await this.loginAgain(generation);
      reply = await this.send({ ...request, answers: [] });
    }
    return this.parse(request.endpoint, reply, (body) =>
      parseGoals(request.endpoint, body, matchId),
    );
  }

  /** `POST /login`; concurrent callers share one request. */
  login(): Promise<void> {
    this.loginInFlight ??= this.performLogin().finally(() => {
      this.loginInFlight = undefined;
    });
    return this.loginInFlight;
  }

  private async performLogin(): Promise<void> {
    await this.send({
      method: 'POST',
      path: '/login',
      endpoint: 'POST /login',
      body: { reason: this.options.loginReason },
    });
    this.loginGeneration += 1;
    this.logger.debug?.('Logged in to the upstream', LOG_CONTEXT);
  }

  /**
   * Several calls may get a 403 from the same lost login; only the first to
   * notice logs in, the rest wait for that login or see it already done.
   */
  private async loginAgain(failedGeneration: number): Promise<void> {
    if (this.loginGeneration === failedGeneration) {
      await this.login();
    } else {
      await this.loginInFlight;
    }
  }

  /**
   * One logical request: waits for the breaker, then attempts it as often as
   * the failure kind and `maxRetries` allow. Throws on a non-answer.
   */
  private async send(request: UpstreamRequest): Promise<UpstreamReply> {
    const permit = this.breaker.enter();
    if (!permit.allowed) {
      throw new UpstreamCircuitOpenError(request.endpoint, permit.retryInMs);
    }
    // A half-open trial is one probe, not a burst against a sick upstream.
    const maxAttempts = permit.trial ? 1 : this.options.maxRetries + 1;
    let settled = false;
    try {
      for (let attempt = 1; ; attempt += 1) {
        const result = await this.scheduler.run(() => this.attempt(request));
        this.observe(result);
        if (result.ok) {
          settled = true;
          this.breaker.succeeded(permit.trial);
          return {
            status: result.status,
            body: result.body,
            attempts: attempt,
          };
        }
        const circuitOpenedMeanwhile = this.breaker.isOpen && !permit.trial;
        if (
          !result.retryable ||
          attempt >= maxAttempts ||
          circuitOpenedMeanwhile
        ) {
          settled = true;
          this.recordFailure(result.unhealthy, permit.trial);
          throw this.giveUp(result.error, attempt);
        }
        await this.backOff(request, result, attempt);
      }
    } finally {
      // Whatever escaped unexpectedly must not leave a trial hanging.
      if (!settled) this.breaker.failed(permit.trial);
    }
  }

  private recordFailure(unhealthy: boolean, trial: boolean): void {
    // Any answer, even a 4xx, shows the upstream is up and serving.
    if (unhealthy) this.breaker.failed(trial);
    else this.breaker.succeeded(trial);
  }

  /**
   * The caller (a sync) logs the failure once with its cause, so the client
   * only notes it at debug; the attempts become part of the message.
   */
  private giveUp(error: UpstreamError, attempts: number): UpstreamError {
    error.attempts = attempts;
    if (attempts > 1) {
      error.message = `${error.message} (gave up after ${attempts} attempts)`;
    }
    this.logger.debug?.(error.message, LOG_CONTEXT);
    return error;
  }

  private async backOff(
    request: UpstreamRequest,
    result: Extract<AttemptResult, { ok: false }>,
    attempt: number,
  ): Promise<void> {
    const delayMs = this.retryDelay(attempt, result.retryAfterMs);
    this.logger.debug?.(
      `${result.error.message}; retry ${attempt} of ${this.options.maxRetries} ` +
        `in ${Math.round(delayMs)} ms`,
      LOG_CONTEXT,
    );
    await sleep(delayMs);
  }

  /** Exponential back-off with jitter, unless the upstream named a delay. */
  private retryDelay(attempt: number, retryAfterMs?: number): number {
    if (retryAfterMs !== undefined) return retryAfterMs;
    const ceiling = Math.min(
      this.retryBaseDelayMs * 2 ** (attempt - 1),
      this.maxRetryDelayMs,
    );
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  private observe(result: AttemptResult): void {
    if (result.ok) {
      this.lastOutcome = 'healthy';
    } else if (result.error.status === 429) {
      this.lastOutcome = 'rate_limited';
      this.scheduler.throttled(result.retryAfterMs);
    } else {
      this.lastOutcome = result.unhealthy ? 'unreachable' : 'healthy';
    }
  }

  /** One HTTP exchange; never throws for upstream trouble, only reports it. */
  private async attempt(request: UpstreamRequest): Promise<AttemptResult> {
    this.sentRequests += 1;
    // axios' own timeout is an idle timer; this one bounds the whole exchange
    // so a server trickling bytes cannot hold a slot for ever.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    try {
      const response = await this.http.request<unknown>({
        method: request.method,
        url: request.path,
        data: request.body,
        signal: deadline.signal,
      });
      const body = this.redactText(
        typeof response.data === 'string' ? response.data : '',
      );
      const retryAfter: unknown = response.headers['retry-after'];
      return this.judgeResponse(request, response.status, body, retryAfter);
    } catch (error) {
      return this.judgeFailure(request, error, deadline.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  }

  private judgeResponse(
    request: UpstreamRequest,
    status: number,
    body: string,
    retryAfter: unknown,
  ): AttemptResult {
    if ((status >= 200 && status < 300) || request.answers?.includes(status)) {
      return { ok: true, status, body };
    }
    const { endpoint } = request;
    if (status === 429 || status >= 500) {
      return {
        ok: false,
        error: new UpstreamError(
          endpoint,
          'http',
          httpStatusText(status),
          status,
        ),
        retryable: true,
        unhealthy: true,
        retryAfterMs: parseRetryAfter(retryAfter, this.maxRetryAfterMs),
      };
    }
    return {
      ok: false,
      error: this.redact(this.rejection(endpoint, status, body)),
      retryable: false,
      unhealthy: false,
    };
  }

  private rejection(
    endpoint: string,
    status: number,
    body: string,
  ): UpstreamError {
    if (status === 401) {
      return new UpstreamAuthError(
        endpoint,
        'the upstream rejected the token (HTTP 401); check LKSH_TOKEN',
        status,
      );
    }
    if (status === 403) {
      return new UpstreamAuthError(
        endpoint,
        'access forbidden (HTTP 403) even after logging in',
        status,
      );
    }
    const said = body.trim() === '' ? '' : `: ${describeValue(body.trim())}`;
    return new UpstreamError(
      endpoint,
      'http',
      `${httpStatusText(status)}${said}`,
      status,
    );
  }

  private judgeFailure(
    request: UpstreamRequest,
    error: unknown,
    timedOut: boolean,
  ): AttemptResult {
    if (!timedOut && !isAxiosError(error)) throw error;
    const code = isAxiosError(error) ? error.code : undefined;
    const upstreamError =
      timedOut || (code !== undefined && TIMEOUT_CODES.has(code))
        ? new UpstreamError(
            request.endpoint,
            'timeout',
            `no complete answer within ${this.options.timeoutMs} ms`,
          )
        : new UpstreamError(
            request.endpoint,
            'network',
            networkDetail(code, error),
          );
    return {
      ok: false,
      error: this.redact(upstreamError),
      retryable: true,
      unhealthy: true,
    };
  }

  private parse<T>(
    endpoint: string,
    reply: UpstreamReply,
    parse: (body: unknown) => T,
  ): T {
    try {
      return parse(parseJsonBody(endpoint, reply.body));
    } catch (error) {
      if (error instanceof UpstreamError) {
        this.redact(error);
        error.status ??= reply.status;
        throw this.giveUp(error, reply.attempts);
      }
      throw error;
    }
  }

  /**
   * Bodies are scrubbed before anything quotes them: an error page may echo
   * the token, and a shortened quote could otherwise leak a part of it.
   */
  private redactText(text: string): string {
    const { token } = this.options;
    return token !== '' && text.includes(token)
      ? text.split(token).join(REDACTED)
      : text;
  }

  /** Belt and braces for messages built from anything else. */
  private redact(error: UpstreamError): UpstreamError {
    error.message = this.redactText(error.message);
    return error;
  }

  private logCircuitOpened(failures: number): void {
    this.logger.warn(
      `Upstream circuit opened after ${failures} consecutive failed requests; ` +
        `calls fail at once for ${this.options.breakerCooldownMs} ms`,
      LOG_CONTEXT,
    );
  }
}
