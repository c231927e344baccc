import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  parseRetryAfter,
  UpstreamClient,
  UpstreamClientOptions,
  UpstreamLogger,
} from './upstream.client';
import { UpstreamError } from './upstream.errors';

const TOKEN = 'tok-5ecret-d0-not-leak';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
  at: number;
}

type Answer =
  | 'hang'
  | 'trickle'
  | {
      status?: number;
      json?: unknown;
      text?: string;
      headers?: Record<string, string>;
      delayMs?: number;
    };

type Handler = (request: Seen, index: number) => Answer;

/** A throwaway upstream on 127.0.0.1 that records what it was sent. */
class FakeUpstream {
  readonly seen: Seen[] = [];
  inFlight = 0;
  maxInFlight = 0;
  handler: Handler = () => ({ status: 404 });
  private readonly server: Server = createServer((request, response) => {
    void this.serve(request, response);
  });

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  count(prefix: string): number {
    return this.seen.filter((request) => request.url.startsWith(prefix)).length;
  }

  start(): Promise<void> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async serve(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    response.on('close', () => {
      this.inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const seen: Seen = {
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    };
    this.seen.push(seen);
    const answer = this.handler(seen, this.seen.length - 1);
    if (answer === 'hang') return;
    if (answer === 'trickle') return this.trickle(response);
    if (answer.delayMs) await sleep(answer.delayMs);
    const body =
      answer.text ??
      (answer.json === undefined ? '' : JSON.stringify(answer.json));
    response.writeHead(answer.status ?? 200, {
      'content-type': answer.text ? 'text/html' : 'application/json',
      ...answer.headers,
    });
    response.end(body);
  }

  /** A byte every 50 ms: never idle long enough for a socket timeout. */
  private trickle(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => response.write(' '), 50);
    response.on('close', () => clearInterval(timer));
  }
}

class CapturingLogger implements UpstreamLogger {
  readonly lines: Array<{ level: string; message: string }> = [];
  log(message: string): void {
    this.lines.push({ level: 'log', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  at(level: string): string[] {
    return this.lines
      .filter((line) => line.level === level)
      .map((line) => line.message);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function caught(promise: Promise<unknown>): Promise<UpstreamError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => {
      if (error instanceof UpstreamError) return error;
      throw error;
    },
  );
}

const TEAMS = [{ id: 1, name: 'Real Madrid', players: [1, 2, 2] }];
const GOALS = [{ id: 1, player: 1, match: 3, minute: 12 }];

/** Answers like the real upstream, /goals only after a login. */
function league(): Handler {
  let loggedIn = false;
  return (request) => {
    if (request.url === '/login') {
      loggedIn = true;
      return { json: { ok: true } };
    }
    if (request.url === '/teams') return { json: TEAMS };
    if (request.url.startsWith('/goals')) {
      return loggedIn ? { json: GOALS } : { status: 403 };
    }
    return { status: 404 };
  };
}

describe('UpstreamClient', () => {
  let upstream: FakeUpstream;
  let logger: CapturingLogger;

  const client = (options: Partial<UpstreamClientOptions> = {}) =>
    new UpstreamClient({
      baseUrl: upstream.url,
      token: TOKEN,
      loginReason: 'testing the client',
      timeoutMs: 2000,
      concurrency: 4,
      maxRequestsPerSecond: 0,
      maxRetries: 2,
      breakerThreshold: 100,
      breakerCooldownMs: 1000,
      retryBaseDelayMs: 5,
      logger,
      ...options,
    });

  beforeAll(() => {
    // Test traffic must stay on this machine even if a proxy is configured.
    process.env.NO_PROXY = '127.0.0.1,localhost';
  });

  beforeEach(async () => {
    upstream = new FakeUpstream();
    logger = new CapturingLogger();
    await upstream.start();
  });

  afterEach(async () => {
    await upstream.stop();
  });

  afterEach(() => {
    for (const line of logger.lines) expect(line.message).not.toContain(TOKEN);
  });

  describe('requests and answers', () => {
    it('sends the raw token in Authorization on every request', async () => {
      upstream.handler = league();
      const api = client();
      await api.getTeams();
      await api.getGoals(3);
      expect(upstream.seen.map((request) => request.url)).toEqual([
        '/teams',
        '/login',
        '/goals?match_id=3',
      ]);
      for (const request of upstream.seen) {
        expect(request.authorization).toBe(TOKEN);
      }
    });

    it('returns validated teams with duplicate roster ids removed', async () => {
      upstream.handler = league();
      await expect(client().getTeams()).resolves.toEqual([
        { id: 1, name: 'Real Madrid', playerIds: [1, 2] },
      ]);
    });

    it('accepts scores sent as integer strings', async () => {
      upstream.handler = () => ({
        json: [{ id: 4, team1: 1, team2: 2, team1_score: '3', team2_score: 0 }],
      });
      await expect(client().getMatches()).resolves.toEqual([
        { id: 4, team1Id: 1, team2Id: 2, team1Score: 3, team2Score: 0 },
      ]);
    });

    it('normalises a missing surname and number, and maps 404 to null', async () => {
      upstream.handler = (request) =>
        request.url === '/players/5'
          ? { json: { id: 5, name: 'Pele' } }
          : { status: 404, text: 'Not found' };
      const api = client();
      await expect(api.getPlayer(5)).resolves.toEqual({
        id: 5,
        name: 'Pele',
        surname: '',
        number: null,
      });
      await expect(api.getPlayer(6)).resolves.toBeNull();
      expect(upstream.seen).toHaveLength(2);
      expect(api.state).toBe('healthy');
    });

    it('rejects a bad id without sending anything', async () => {
      await expect(client().getPlayer(-1)).rejects.toThrow(RangeError);
      await expect(client().getGoals(1.5)).rejects.toThrow(RangeError);
      expect(upstream.seen).toHaveLength(0);
    });

    it('counts the requests actually sent, the login included', async () => {
      upstream.handler = league();
      const api = client();
      expect(api.state).toBe('unknown');
      await api.getGoals(3);
      await api.getTeams();
      expect(api.requestCount).toBe(3);
    });
  });

  describe('login', () => {
    it('logs in once before the first goals call, even for parallel calls', async () => {
      upstream.handler = league();
      const api = client();
      const results = await Promise.all([
        api.getGoals(3),
        api.getGoals(3),
        api.getGoals(3),
      ]);
      expect(results[2]).toEqual([
        { id: 1, playerId: 1, matchId: 3, minute: 12 },
      ]);
      expect(upstream.count('/login')).toBe(1);
      expect(upstream.seen[0].url).toBe('/login');
      expect(upstream.seen[0].method).toBe('POST');
      expect(JSON.parse(upstream.seen[0].body)).toEqual({
        reason: 'testing the client',
      });
      await api.getGoals(3);
      expect(upstream.count('/login')).toBe(1);
    });

    it('logs in again once after a 403 and retries the call', async () => {
      let forbidOnce = true;
      upstream.handler = (request) => {
        if (request.url === '/login') return { json: {} };
        if (forbidOnce && upstream.count('/login') === 1) {
          forbidOnce = false;
          return { status: 403 };
        }
        return { json: GOALS };
      };
      const api = client();
      await expect(api.getGoals(3)).resolves.toHaveLength(1);
      expect(upstream.seen.map((request) => request.url)).toEqual([
        '/login',
        '/goals?match_id=3',
        '/login',
        '/goals?match_id=3',
      ]);
    });

    it('fails with kind auth when the 403 persists after the new login', async () => {
      upstream.handler = (request) =>
        request.url === '/login' ? { json: {} } : { status: 403 };
      const error = await caught(client().getGoals(3));
      expect(error.kind).toBe('auth');
      expect(error.status).toBe(403);
      expect(upstream.count('/login')).toBe(2);
      expect(upstream.count('/goals')).toBe(2);
    });

    it('reports a rejected token as kind auth without retrying', async () => {
      upstream.handler = () => ({ status: 401, text: `bad token ${TOKEN}` });
      const error = await caught(client().getTeams());
      expect(error.kind).toBe('auth');
      expect(error.message).toMatch(
        /^GET \/teams: the upstream rejected the token/,
      );
      expect(upstream.seen).toHaveLength(1);
    });
  });

  describe('retries', () => {
    it('retries a 429 after its Retry-After delay', async () => {
      upstream.handler = (_request, index) =>
        index === 0
          ? { status: 429, headers: { 'retry-after': '1' } }
          : { json: TEAMS };
      const api = client();
      await expect(api.getTeams()).resolves.toHaveLength(1);
      expect(upstream.seen).toHaveLength(2);
      const waited = upstream.seen[1].at - upstream.seen[0].at;
      expect(waited).toBeGreaterThanOrEqual(950);
      expect(waited).toBeLessThan(3000);
      expect(api.state).toBe('rate_limited');
    });

    it('retries 5xx answers and then succeeds', async () => {
      const failures = [503, 502, 500];
      upstream.handler = (_request, index) =>
        index < 2 ? { status: failures[index] } : { json: TEAMS };
      const api = client();
      await expect(api.getTeams()).resolves.toHaveLength(1);
      expect(upstream.seen).toHaveLength(3);
      expect(api.requestCount).toBe(3);
      expect(logger.at('debug')).toHaveLength(2);
      expect(logger.at('warn')).toHaveLength(0);
    });

    it('gives up after maxRetries, saying how often it tried', async () => {
      upstream.handler = () => ({ status: 500 });
      const api = client({ maxRetries: 3 });
      const error = await caught(api.getMatches());
      expect(error).toMatchObject({
        kind: 'http',
        status: 500,
        attempts: 4,
        endpoint: 'GET /matches',
      });
      expect(upstream.seen).toHaveLength(4);
      expect(error.message).toBe(
        'GET /matches: HTTP 500 Internal Server Error (gave up after 4 attempts)',
      );
      expect(logger.at('warn')).toEqual([]);
      expect(api.state).toBe('unreachable');
    });

    it('does not retry other 4xx answers', async () => {
      upstream.handler = () => ({ status: 400, text: 'bad request' });
      const error = await caught(client().getTeams());
      expect(error.kind).toBe('http');
      expect(error.status).toBe(400);
      expect(error.message).toBe(
        'GET /teams: HTTP 400 Bad Request: "bad request"',
      );
      expect(upstream.seen).toHaveLength(1);
    });

    it('times out on a hanging server', async () => {
      upstream.handler = () => 'hang';
      const started = performance.now();
      const error = await caught(
        client({ timeoutMs: 150, maxRetries: 1 }).getTeams(),
      );
      expect(error.kind).toBe('timeout');
      expect(error.attempts).toBe(2);
      expect(upstream.seen).toHaveLength(2);
      expect(performance.now() - started).toBeLessThan(2000);
    });

    it('times out on a server that trickles its body', async () => {
      upstream.handler = () => 'trickle';
      const started = performance.now();
      const error = await caught(
        client({ timeoutMs: 250, maxRetries: 0 }).getTeams(),
      );
      expect(error.kind).toBe('timeout');
      expect(performance.now() - started).toBeLessThan(1000);
    });

    it('reports a refused connection as kind network', async () => {
      const closed = new FakeUpstream();
      await closed.start();
      const deadUrl = closed.url;
      await closed.stop();
      const api = client({ baseUrl: deadUrl, maxRetries: 1 });
      const error = await caught(api.getTeams());
      expect(error.kind).toBe('network');
      expect(error.message).toContain('ECONNREFUSED');
      expect(api.requestCount).toBe(2);
      expect(api.state).toBe('unreachable');
    });
  });

  describe('concurrency and pacing', () => {
    it('never has more than `concurrency` requests in flight', async () => {
      upstream.handler = (request) => ({
        json: { id: Number(request.url.split('/')[2]), name: 'P' },
        delayMs: 30,
      });
      const api = client({ concurrency: 3 });
      const ids = Array.from({ length: 12 }, (_, index) => index);
      await expect(
        Promise.all(ids.map((id) => api.getPlayer(id))),
      ).resolves.toHaveLength(12);
      expect(upstream.maxInFlight).toBe(3);
    });

    it('spaces request starts to at most maxRequestsPerSecond', async () => {
      upstream.handler = () => ({ json: TEAMS });
      const api = client({ maxRequestsPerSecond: 10 });
      await Promise.all(Array.from({ length: 6 }, () => api.getTeams()));
      const arrivals = upstream.seen.map((request) => request.at);
      // Six starts at 10 per second span five intervals; one gap alone may
      // be short after a timer that a busy machine fired late.
      expect(arrivals[5] - arrivals[0]).toBeGreaterThanOrEqual(480);
    });
  });

  describe('circuit breaker', () => {
    it('opens after the threshold, sends nothing while open, closes after cooldown', async () => {
      let healthy = false;
      upstream.handler = () => (healthy ? { json: TEAMS } : { status: 503 });
      const api = client({
        maxRetries: 1,
        breakerThreshold: 2,
        breakerCooldownMs: 1000,
      });
      await expect(api.getTeams()).rejects.toMatchObject({ kind: 'http' });
      await expect(api.getTeams()).rejects.toMatchObject({ kind: 'http' });
      expect(upstream.seen).toHaveLength(4);
      expect(api.state).toBe('circuit_open');

      for (let call = 0; call < 3; call += 1) {
        const error = await caught(api.getMatches());
        expect(error.kind).toBe('circuit_open');
        expect(error.message).toMatch(/^GET \/matches: circuit open/);
      }
      expect(upstream.seen).toHaveLength(4);

      await sleep(1050);
      healthy = true;
      await expect(api.getTeams()).resolves.toHaveLength(1);
      expect(api.state).toBe('healthy');
      const breakerLines = logger.lines.filter((line) =>
        line.message.includes('circuit'),
      );
      expect(breakerLines).toEqual([
        { level: 'warn', message: expect.stringMatching(/circuit opened/) },
        { level: 'log', message: expect.stringMatching(/circuit closed/) },
      ]);
    });

    it('sends a single trial after the cooldown and reopens when it fails', async () => {
      upstream.handler = () => ({ status: 503 });
      const api = client({
        maxRetries: 2,
        breakerThreshold: 1,
        breakerCooldownMs: 200,
      });
      await expect(api.getTeams()).rejects.toMatchObject({ kind: 'http' });
      expect(upstream.seen).toHaveLength(3);
      await sleep(250);
      const results = await Promise.allSettled([
        api.getTeams(),
        api.getTeams(),
      ]);
      expect(upstream.seen).toHaveLength(4);
      expect(results.map((result) => result.status)).toEqual([
        'rejected',
        'rejected',
      ]);
      await expect(api.getTeams()).rejects.toMatchObject({
        kind: 'circuit_open',
      });
      expect(upstream.seen).toHaveLength(4);
    });
  });

  describe('payload errors', () => {
    it.each<[string, Answer, RegExp]>([
      [
        'truncated JSON',
        { text: '[{"id":1,"team1":2,' },
        /^GET \/matches: response is not valid JSON/,
      ],
      [
        'HTML with 200',
        { text: '<html><body>Maintenance</body></html>' },
        /^GET \/matches: response is not valid JSON .*<html>/,
      ],
      [
        'a missing field',
        { json: [{ id: 1, team1: 2, team2: 3, team1_score: 0 }] },
        /^GET \/matches: item 0 \(id 1\): team2_score is missing$/,
      ],
      [
        'a wrong type',
        {
          json: [
            { id: 1, team1: 2, team2: 'x', team1_score: 0, team2_score: 0 },
          ],
        },
        /^GET \/matches: item 0 \(id 1\): team2 must be a non-negative integer, got "x"$/,
      ],
      [
        'a negative id',
        {
          json: [
            { id: -4, team1: 2, team2: 3, team1_score: 0, team2_score: 0 },
          ],
        },
        /^GET \/matches: item 0: id must be a non-negative integer, got -4$/,
      ],
    ])('rejects %s', async (_name, answer, message) => {
      upstream.handler = () => answer;
      const api = client();
      const error = await caught(api.getMatches());
      expect(error.kind).toBe('payload');
      expect(error.status).toBe(200);
      expect(error.message).toMatch(message);
      expect(upstream.seen).toHaveLength(1);
      expect(logger.at('warn')).toHaveLength(0);
    });
  });

  describe('secrecy', () => {
    it('keeps the token out of every error message and log line', async () => {
      const echo = `<html>your token ${TOKEN} is wrong</html>`;
      const answers: Answer[] = [
        { status: 400, text: echo },
        { status: 401, text: echo },
        { status: 200, text: echo },
        { status: 200, json: [{ id: 1, name: TOKEN, players: [TOKEN] }] },
        { status: 500, text: echo },
        // Quoting is shortened: the token must not survive even in part.
        { status: 400, text: `${'x'.repeat(50)}${TOKEN}` },
        { status: 200, text: `${'<'.repeat(50)}${TOKEN}` },
      ];
      const errors: UpstreamError[] = [];
      for (const answer of answers) {
        upstream.handler = () => answer;
        errors.push(await caught(client({ maxRetries: 1 }).getTeams()));
      }
      expect(errors).toHaveLength(answers.length);
      for (const error of errors) {
        expect(error.message).not.toContain(TOKEN.slice(0, 6));
        expect(String(error.stack)).not.toContain(TOKEN);
        expect(JSON.stringify(error)).not.toContain(TOKEN);
      }
      expect(errors[2].message).toContain('<redacted>');
      expect(logger.lines.length).toBeGreaterThanOrEqual(answers.length);
      for (const line of logger.lines)
        expect(line.message).not.toContain(TOKEN);
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-05-31T12:00:00Z');

  it('reads seconds and HTTP-dates, capped', () => {
    expect(parseRetryAfter('3', 60_000, now)).toBe(3000);
    expect(parseRetryAfter('Sat, 31 May 2025 12:00:10 GMT', 60_000, now)).toBe(
      10_000,
    );
    expect(parseRetryAfter('86400', 60_000, now)).toBe(60_000);
    expect(parseRetryAfter('Sat, 31 May 2025 11:00:00 GMT', 60_000, now)).toBe(
      0,
    );
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, 60_000, now)).toBeUndefined();
    expect(parseRetryAfter('soon', 60_000, now)).toBeUndefined();
    expect(parseRetryAfter('', 60_000, now)).toBeUndefined();
  });
});
