import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { parseSandboxCli } from './main';
import {
  loadSandboxDataset,
  SandboxUpstream,
  type SandboxDataset,
} from './sandbox-upstream';

const DATASET_DIR = join(
  __dirname,
  '..',
  '..',
  'datasets',
  'statement-example',
);
const TOKEN = 'secret-token';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

interface SendOptions {
  method?: string;
  /** null sends no Authorization header at all. */
  token?: string | null;
  body?: string;
  timeoutMs?: number;
}

/** One fresh connection per request, so no keep-alive state leaks between tests. */
function send(
  baseUrl: string,
  path: string,
  options: SendOptions = {},
): Promise<Answer> {
  const token = options.token === undefined ? TOKEN : options.token;
  const headers: Record<string, string> = {};
  if (token !== null) {
    headers.Authorization = token;
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), {
      method: options.method ?? 'GET',
      headers,
      agent: false,
      timeout: options.timeoutMs,
    });
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.end(options.body);
  });
}

async function sendJson(
  baseUrl: string,
  path: string,
  options?: SendOptions,
): Promise<{ status: number; json: unknown }> {
  const answer = await send(baseUrl, path, options);
  expect(answer.headers['content-type']).toBe(
    'application/json; charset=utf-8',
  );
  return { status: answer.status, json: JSON.parse(answer.body) };
}

function login(baseUrl: string, token = TOKEN): Promise<Answer> {
  return send(baseUrl, '/login', {
    method: 'POST',
    token,
    body: JSON.stringify({ reason: 'testing the sandbox' }),
  });
}

async function statusesOf(
  baseUrl: string,
  path: string,
  count: number,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index += 1) {
    statuses.push((await send(baseUrl, path)).status);
  }
  return statuses;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

async function waitFor(condition: () => boolean, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('loadSandboxDataset', () => {
  it('reads the four files of a dataset folder', () => {
    const dataset = loadSandboxDataset(DATASET_DIR);
    expect(dataset.teams).toHaveLength(3);
    expect(dataset.players).toHaveLength(6);
    expect(dataset.matches).toHaveLength(3);
    expect(dataset.goals.length).toBeGreaterThan(0);
  });

  it('names the file it could not read', () => {
    expect(() => loadSandboxDataset(join(DATASET_DIR, 'missing'))).toThrow(
      /teams\.json/,
    );
  });
});

describe('SandboxUpstream', () => {
  let dataset: SandboxDataset;
  let sandbox: SandboxUpstream;

  beforeEach(async () => {
    dataset = loadSandboxDataset(DATASET_DIR);
    sandbox = await SandboxUpstream.start({ dataset, tokens: [TOKEN] });
  });

  afterEach(async () => {
    await sandbox.stop();
  });

  describe('tokens', () => {
    it('answers 401 without an Authorization header', async () => {
      const answer = await sendJson(sandbox.url, '/teams', { token: null });
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ detail: expect.any(String) });
    });

    it('answers 401 for an unknown token and for a Bearer prefix', async () => {
      expect(
        (await send(sandbox.url, '/teams', { token: 'other' })).status,
      ).toBe(401);
      const bearer = await send(sandbox.url, '/teams', {
        token: `Bearer ${TOKEN}`,
      });
      expect(bearer.status).toBe(401);
    });

    it('accepts any non-empty token when no list is given', async () => {
      const open = await SandboxUpstream.start({ dataset });
      try {
        const answer = await send(open.url, '/teams', { token: 'whatever' });
        expect(answer.status).toBe(200);
        expect((await send(open.url, '/teams', { token: '' })).status).toBe(
          401,
        );
      } finally {
        await open.stop();
      }
    });
  });

  describe('resources', () => {
    it('serves teams, one team, one player and matches', async () => {
      expect(await sendJson(sandbox.url, '/teams')).toEqual({
        status: 200,
        json: dataset.teams,
      });
      expect(await sendJson(sandbox.url, '/teams/20')).toEqual({
        status: 200,
        json: { id: 20, name: 'Better', players: [3, 4] },
      });
      expect(await sendJson(sandbox.url, '/players/1')).toEqual({
        status: 200,
        json: { id: 1, name: 'Danya', surname: 'Golov', number: 13 },
      });
      expect(await sendJson(sandbox.url, '/matches')).toEqual({
        status: 200,
        json: dataset.matches,
      });
    });

    it('answers 404 for unknown or non-integer ids', async () => {
      for (const path of [
        '/teams/999',
        '/players/999',
        '/teams/abc',
        '/players/1.5',
      ]) {
        const answer = await sendJson(sandbox.url, path);
        expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      }
    });

    it('answers 404 for unknown paths and 405 for a wrong method', async () => {
      expect((await send(sandbox.url, '/nowhere')).status).toBe(404);
      const wrong = await send(sandbox.url, '/teams', { method: 'DELETE' });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.allow).toBe('GET');
      expect((await send(sandbox.url, '/login')).status).toBe(405);
    });

    it('serves changes to the dataset from the next request on', async () => {
      expect((await sendJson(sandbox.url, '/matches')).json).toHaveLength(3);
      dataset.matches.push({
        id: 4,
        team1: 20,
        team2: 10,
        team1_score: 0,
        team2_score: 0,
      });
      (dataset.teams[0] as { name: string }).name = 'Renamed';
      expect((await sendJson(sandbox.url, '/matches')).json).toHaveLength(4);
      expect((await sendJson(sandbox.url, '/teams/10')).json).toMatchObject({
        name: 'Renamed',
      });
      expect(sandbox.dataset).toBe(dataset);
    });
  });

  describe('login and goals', () => {
    it('answers 403 on /goals until the token has logged in', async () => {
      const before = await sendJson(sandbox.url, '/goals?match_id=1');
      expect(before.status).toBe(403);
      const done = await login(sandbox.url);
      expect(done.status).toBe(200);
      expect(JSON.parse(done.body)).toEqual({ status: 'ok' });
      const after = await sendJson(sandbox.url, '/goals?match_id=1');
      expect(after.status).toBe(200);
      const expected = dataset.goals.filter(
        (goal) => (goal as { match: number }).match === 1,
      );
      expect(after.json).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    });

    it('keeps logins per token and forgets them on logout', async () => {
      const two = await SandboxUpstream.start({
        dataset,
        tokens: ['a', 'b'],
      });
      try {
        await login(two.url, 'a');
        await login(two.url, 'b');
        two.logout('a');
        const path = '/goals?match_id=1';
        expect((await send(two.url, path, { token: 'a' })).status).toBe(403);
        expect((await send(two.url, path, { token: 'b' })).status).toBe(200);
        two.logout();
        expect((await send(two.url, path, { token: 'b' })).status).toBe(403);
      } finally {
        await two.stop();
      }
    });

    it.each([
      ['a missing reason', '{}'],
      ['an empty reason', '{"reason":""}'],
      [
        'a reason over 256 characters',
        JSON.stringify({ reason: 'x'.repeat(257) }),
      ],
      ['a number', '{"reason":42}'],
      ['null', '{"reason":null}'],
      ['invalid JSON', '{"reason":'],
      ['an empty body', ''],
    ])('answers 400 to a login with %s', async (_label, body) => {
      const answer = await send(sandbox.url, '/login', {
        method: 'POST',
        body,
      });
      expect(answer.status).toBe(400);
      expect((await send(sandbox.url, '/goals?match_id=1')).status).toBe(403);
    });

    it('accepts a reason of exactly 256 characters, counting code points', async () => {
      const reason = 'ё'.repeat(255) + '😀';
      const answer = await send(sandbox.url, '/login', {
        method: 'POST',
        body: JSON.stringify({ reason }),
      });
      expect(answer.status).toBe(200);
    });

    it('checks the token before the login body', async () => {
      const answer = await send(sandbox.url, '/login', {
        method: 'POST',
        token: 'other',
        body: '{}',
      });
      expect(answer.status).toBe(401);
    });

    it.each([
      '/goals',
      '/goals?match_id=',
      '/goals?match_id=abc',
      '/goals?match_id=-1',
      '/goals?match_id=1.5',
    ])('answers 400 to %s', async (path) => {
      await login(sandbox.url);
      const answer = await sendJson(sandbox.url, path);
      expect(answer.status).toBe(400);
    });

    it('answers 404 for an unknown match and [] for a match without goals', async () => {
      await login(sandbox.url);
      expect((await send(sandbox.url, '/goals?match_id=99')).status).toBe(404);
      dataset.matches.push({
        id: 99,
        team1: 10,
        team2: 20,
        team1_score: 0,
        team2_score: 0,
      });
      expect(await sendJson(sandbox.url, '/goals?match_id=99')).toEqual({
        status: 200,
        json: [],
      });
    });
  });

  describe('faults', () => {
    it('adds latency before every answer', async () => {
      sandbox.setFaults({ latencyMs: 150 });
      const started = performance.now();
      const answer = await send(sandbox.url, '/teams', { token: null });
      expect(answer.status).toBe(401);
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    });

    it('answers every k-th request 429 for a ratio of 1/k, without Retry-After by default', async () => {
      sandbox.setFaults({ rateLimitRatio: 1 / 3 });
      const answers: Answer[] = [];
      for (let index = 0; index < 6; index += 1) {
        answers.push(await send(sandbox.url, '/teams'));
      }
      expect(answers.map((answer) => answer.status)).toEqual([
        200, 200, 429, 200, 200, 429,
      ]);
      expect(answers[2].headers['retry-after']).toBeUndefined();
      expect(JSON.parse(answers[2].body)).toEqual({
        detail: expect.any(String),
      });
    });

    it('sends Retry-After on 429s when asked to', async () => {
      sandbox.setFaults({ rateLimitRatio: 1, retryAfterSeconds: 7 });
      const answer = await send(sandbox.url, '/teams');
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('7');
      sandbox.setFaults({ rateLimitRatio: 0 });
      expect((await send(sandbox.url, '/teams')).status).toBe(200);
    });

    it('spreads a ratio that is not 1/k evenly and repeatably', async () => {
      sandbox.setFaults({ rateLimitRatio: 0.4 });
      const first = await statusesOf(sandbox.url, '/matches', 10);
      sandbox.setFaults({ rateLimitRatio: 0.4 });
      const second = await statusesOf(sandbox.url, '/matches', 10);
      expect(first.filter((status) => status === 429)).toHaveLength(4);
      expect(second).toEqual(first);
    });

    it('refuses connections while refusing, then listens again on the same port', async () => {
      const url = sandbox.url;
      sandbox.setFaults({ outage: 'refuse' });
      await sandbox.ready();
      const error = await failureOf(send(url, '/teams'));
      expect(errorCode(error)).toBe('ECONNREFUSED');
      sandbox.setFaults({ outage: 'none' });
      await sandbox.ready();
      expect(sandbox.url).toBe(url);
      expect((await send(url, '/teams')).status).toBe(200);
    });

    it('answers 500 with an HTML page during an http500 outage', async () => {
      sandbox.setFaults({ outage: 'http500' });
      const answer = await send(sandbox.url, '/teams');
      expect(answer.status).toBe(500);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.body).toContain('<html>');
      sandbox.resetFaults();
      expect((await send(sandbox.url, '/teams')).status).toBe(200);
    });

    it('never answers during a hang outage', async () => {
      sandbox.setFaults({ outage: 'hang' });
      const error = await failureOf(
        send(sandbox.url, '/teams', { timeoutMs: 200 }),
      );
      expect((error as Error).message).toBe('client timeout');
      expect(sandbox.requests).toEqual([
        expect.objectContaining({ path: '/teams', status: 0 }),
      ]);
    });

    it('resets the connection during a reset outage', async () => {
      sandbox.setFaults({ outage: 'reset' });
      const error = await failureOf(send(sandbox.url, '/teams'));
      expect(errorCode(error)).toBe('ECONNRESET');
    });

    it('turns into an http500 outage after failAfterRequests requests', async () => {
      sandbox.setFaults({ failAfterRequests: 2 });
      expect(await statusesOf(sandbox.url, '/teams', 4)).toEqual([
        200, 200, 500, 500,
      ]);
      expect(sandbox.faults.outage).toBe('http500');
    });

    it('answers matching requests with an override, only `times` times', async () => {
      sandbox.setFaults({
        overrides: [
          { path: '/matches', status: 200, body: '[{"id":1,', times: 2 },
          {
            method: 'get',
            path: /^\/players\/\d+$/,
            status: 200,
            body: '<html>oops</html>',
            contentType: 'text/html',
          },
          { path: '/goals?match_id=2', status: 200, body: '{"goals":"no"}' },
        ],
      });
      const truncated = await send(sandbox.url, '/matches');
      expect(truncated.status).toBe(200);
      expect(truncated.body).toBe('[{"id":1,');
      expect((await send(sandbox.url, '/matches')).body).toBe('[{"id":1,');
      const third = await sendJson(sandbox.url, '/matches');
      expect(third.json).toEqual(dataset.matches);

      const html = await send(sandbox.url, '/players/1');
      expect(html.headers['content-type']).toBe('text/html');
      expect(html.body).toBe('<html>oops</html>');
      expect((await send(sandbox.url, '/players/2')).body).toBe(
        '<html>oops</html>',
      );

      expect((await send(sandbox.url, '/goals?match_id=2')).body).toBe(
        '{"goals":"no"}',
      );
      // Query-sensitive override leaves other matches to the normal rules.
      expect((await send(sandbox.url, '/goals?match_id=1')).status).toBe(403);
    });

    it('rejects impossible fault values', () => {
      expect(() => sandbox.setFaults({ rateLimitRatio: 2 })).toThrow(
        RangeError,
      );
      expect(() => sandbox.setFaults({ latencyMs: -1 })).toThrow(RangeError);
    });
  });

  describe('request log', () => {
    it('records every request in order with its query and status', async () => {
      await send(sandbox.url, '/teams');
      await send(sandbox.url, '/goals?match_id=1');
      await send(sandbox.url, '/teams/10', { token: null });
      expect(sandbox.requests).toEqual([
        { method: 'GET', path: '/teams', status: 200, at: expect.any(Number) },
        {
          method: 'GET',
          path: '/goals?match_id=1',
          status: 403,
          at: expect.any(Number),
        },
        {
          method: 'GET',
          path: '/teams/10',
          status: 401,
          at: expect.any(Number),
        },
      ]);
      expect(sandbox.countRequests()).toBe(3);
      expect(sandbox.countRequests('/teams')).toBe(2);
      expect(sandbox.countRequests('/goals')).toBe(1);
      sandbox.clearRequests();
      expect(sandbox.countRequests()).toBe(0);
      await send(sandbox.url, '/matches');
      expect(sandbox.countRequests('/matches')).toBe(1);
    });
  });

  describe('stop', () => {
    it('closes hung sockets instead of waiting for them', async () => {
      sandbox.setFaults({ outage: 'hang' });
      const pending = failureOf(send(sandbox.url, '/teams'));
      await waitFor(() => sandbox.countRequests('/teams') === 1);
      let timer: NodeJS.Timeout | undefined;
      const stopped = await Promise.race([
        sandbox.stop().then(() => 'stopped'),
        new Promise((resolve) => {
          timer = setTimeout(resolve, 1000, 'still waiting');
        }),
      ]);
      clearTimeout(timer);
      expect(stopped).toBe('stopped');
      expect(errorCode(await pending)).toBe('ECONNRESET');
    });

    it('stops while refusing and may be called twice', async () => {
      sandbox.setFaults({ outage: 'refuse' });
      await sandbox.stop();
      await sandbox.stop();
      sandbox.setFaults({ outage: 'none' });
      await sandbox.ready();
      const error = await failureOf(send(sandbox.url, '/teams'));
      expect(errorCode(error)).toBe('ECONNREFUSED');
    });
  });

  it('refuses to listen anywhere but loopback', async () => {
    await expect(
      SandboxUpstream.start({ dataset, host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback/);
  });
});

describe('parseSandboxCli', () => {
  it('falls back to the defaults', () => {
    const options = parseSandboxCli([], {});
    expect(options).toMatchObject({
      host: '127.0.0.1',
      port: 8090,
      tokens: undefined,
      faults: {},
    });
    expect(options.dataset).toMatch(/datasets[\\/]lksh-2025-05-31$/);
  });

  it('reads the environment and lets flags win over it', () => {
    const options = parseSandboxCli(
      ['--port', '9001', `--dataset=${DATASET_DIR}`, '--host', '::1'],
      {
        SANDBOX_PORT: '9000',
        SANDBOX_DATASET: '/elsewhere',
        SANDBOX_TOKENS: ' a, b ,,',
        SANDBOX_LATENCY_MS: '20',
        SANDBOX_RATE_LIMIT_RATIO: '0.25',
        SANDBOX_RETRY_AFTER: '3',
      },
    );
    expect(options).toEqual({
      dataset: DATASET_DIR,
      host: '::1',
      port: 9001,
      tokens: ['a', 'b'],
      faults: { latencyMs: 20, rateLimitRatio: 0.25, retryAfterSeconds: 3 },
    });
  });

  it.each([
    [['--host', '0.0.0.0'], {}, /Refusing to listen on "0\.0\.0\.0"/],
    [['--port', 'http'], {}, /port must be/],
    [[], { SANDBOX_PORT: '70000' }, /port must be/],
    [[], { SANDBOX_RATE_LIMIT_RATIO: '1.5' }, /SANDBOX_RATE_LIMIT_RATIO/],
    [['--verbose'], {}, /Unknown argument/],
    [['--port'], {}, /needs a value/],
  ])('rejects %j with env %j', (argv, env, message) => {
    expect(() => parseSandboxCli(argv, env)).toThrow(message);
  });
});
