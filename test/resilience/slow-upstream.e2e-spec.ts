import { join } from 'node:path';
import { HealthReportDto } from '../../src/health/dto/health-report.dto';
import { fetchAnswers } from '../support/league-answers';
import {
  EXAMPLE_DATASET,
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
} from '../support/test-app';

/** Runs `work` against a fresh server and sandbox, and tears both down. */
async function withServer<T>(
  dataset: string | undefined,
  settings: Record<string, string>,
  work: (
    server: Awaited<ReturnType<typeof startTestApp>>,
    sandbox: Awaited<ReturnType<typeof startSandbox>>,
  ) => Promise<T>,
): Promise<T> {
  const workDir = makeWorkDir();
  const sandbox = await startSandbox(dataset);
  const server = await startTestApp({
    sandbox,
    databasePath: join(workDir, 'league.sqlite'),
    settings,
    // The sandbox throttles at any rate; let pacing recover quickly.
    upstream: { rateRecoveryIntervalMs: 100 },
  });
  try {
    return await work(server, sandbox);
  } finally {
    await server.close();
    await sandbox.stop();
    removeWorkDir(workDir);
  }
}

describe('a rate-limiting upstream (a third of requests get 429)', () => {
  it('finishes a full sync of the league within 30 s when no Retry-After is sent', async () => {
    await withServer(
      undefined,
      { UPSTREAM_MAX_RETRIES: '10' },
      async (server, sandbox) => {
        sandbox.setFaults({ rateLimitRatio: 0.33, retryAfterSeconds: null });
        sandbox.clearRequests();

        const report = await server.sync.sync('full');

        expect(report.outcome).toBe('succeeded');
        expect(report.durationMs).toBeLessThan(30_000);
        expect(
          sandbox.requests.filter((r) => r.status === 429).length,
        ).toBeGreaterThan(300);
        const answers = await fetchAnswers(server.url, [
          '/stats?team_name=Chelsea',
        ]);
        expect(answers['/stats?team_name=Chelsea'].body).toMatchObject({
          wins: 21,
          losses: 15,
        });
      },
    );
  }, 45_000);

  it('waits as long as Retry-After says and still finishes within 30 s', async () => {
    await withServer(
      EXAMPLE_DATASET,
      { UPSTREAM_MAX_RETRIES: '10' },
      async (server, sandbox) => {
        sandbox.setFaults({ rateLimitRatio: 0.33, retryAfterSeconds: 1 });
        sandbox.clearRequests();

        const report = await server.sync.sync('full');

        const limited = sandbox.requests.filter((r) => r.status === 429);
        expect(report.outcome).toBe('succeeded');
        expect(limited.length).toBeGreaterThanOrEqual(3);
        // Each burst of 429s holds every request back for a second.
        const bursts = limited.filter(
          (record, index) =>
            index === 0 || record.at - limited[index - 1].at > 200,
        );
        expect(bursts.length).toBeGreaterThanOrEqual(2);
        expect(report.durationMs).toBeGreaterThanOrEqual(bursts.length * 900);
        expect(report.durationMs).toBeLessThan(30_000);
      },
    );
  }, 45_000);

  it('fails cleanly, keeping the data, when the retries run out', async () => {
    await withServer(
      EXAMPLE_DATASET,
      { UPSTREAM_MAX_RETRIES: '0' },
      async (server, sandbox) => {
        const before = await fetchAnswers(server.url, [
          '/stats?team_name=Better',
        ]);
        sandbox.setFaults({ rateLimitRatio: 0.5, retryAfterSeconds: null });

        const report = await server.sync.sync('full');

        expect(report.outcome).toBe('failed');
        expect(report.error).toMatch(/HTTP 429/);
        expect(report.durationMs).toBeLessThan(5_000);
        await expect(
          fetchAnswers(server.url, ['/stats?team_name=Better']),
        ).resolves.toEqual(before);
      },
    );
  });
});

describe('an upstream slower than the timeout', () => {
  it('fails the sync within a bound, keeps answering and says so on /health', async () => {
    await withServer(
      undefined,
      { UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_MAX_RETRIES: '2' },
      async (server, sandbox) => {
        const before = await fetchAnswers(server.url);
        sandbox.setFaults({ latencyMs: 2_000 });

        const started = Date.now();
        const report = await server.sync.sync('full');
        const elapsed = Date.now() - started;

        expect(report.outcome).toBe('failed');
        expect(report.error).toMatch(
          /^GET \/teams: no complete answer within 300 ms/,
        );
        // Three attempts of 300 ms and two short back-offs.
        expect(elapsed).toBeLessThan(3_000);
        await expect(fetchAnswers(server.url)).resolves.toEqual(before);

        const response = await fetch(`${server.url}/health`);
        expect(response.status).toBe(200);
        const health = (await response.json()) as HealthReportDto;
        expect(health.status).toBe('degraded');
        expect(health.details.upstream.status).toBe('down');
        expect(health.details.sync.last_run?.error).toBe(report.error);
      },
    );
  });

  it('fails a sync against an upstream that never answers within a bound', async () => {
    await withServer(
      EXAMPLE_DATASET,
      { UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_MAX_RETRIES: '1' },
      async (server, sandbox) => {
        sandbox.setFaults({ outage: 'hang' });

        const report = await server.sync.sync('full');

        expect(report.outcome).toBe('failed');
        expect(report.error).toMatch(/no complete answer within 300 ms/);
        expect(report.durationMs).toBeLessThan(2_000);
      },
    );
  });
});
