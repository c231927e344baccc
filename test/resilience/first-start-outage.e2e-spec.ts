import { join } from 'node:path';
import { HealthReportDto } from '../../src/health/dto/health-report.dto';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { SAMPLE_QUERIES, waitFor } from '../support/league-answers';
import {
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';

describe('upstream down at the very first start', () => {
  let workDir: string;
  let sandbox: SandboxUpstream;
  let server: TestApp;

  beforeAll(async () => {
    workDir = makeWorkDir();
    sandbox = await startSandbox(undefined, { outage: 'refuse' });
    server = await startTestApp({
      sandbox,
      databasePath: join(workDir, 'league.sqlite'),
      settings: {
        SYNC_CRON: '* * * * * *',
        UPSTREAM_MAX_RETRIES: '1',
        UPSTREAM_BREAKER_COOLDOWN_MS: '200',
      },
    });
  });

  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('records the first sync as failed, naming the endpoint', () => {
    expect(server.firstSync).toMatchObject({ outcome: 'failed', kind: 'full' });
    expect(server.firstSync?.error).toMatch(/^GET \/teams: network error/);
  });

  it('answers every data endpoint with 503 and a Retry-After', async () => {
    for (const path of SAMPLE_QUERIES) {
      const response = await fetch(server.url + path);
      expect({ path, status: response.status }).toEqual({ path, status: 503 });
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      await expect(response.json()).resolves.toMatchObject({
        status: 503,
        message: expect.stringMatching(/first sync/) as string,
      });
    }
  });

  it('says on /health, with 503, that no data is loaded and the upstream is down', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(503);
    const health = (await response.json()) as HealthReportDto;
    expect(health.status).toBe('error');
    expect(health.details.database.status).toBe('up');
    expect(health.details.data).toMatchObject({
      status: 'down',
      loaded: false,
    });
    expect(health.details.sync).toMatchObject({
      status: 'down',
      last_success_at: null,
      last_run: { outcome: 'failed', kind: 'full' },
    });
    expect(['unreachable', 'circuit_open']).toContain(
      health.details.upstream.state,
    );
    expect(Object.keys(health.error).sort()).toEqual([
      'data',
      'sync',
      'upstream',
    ]);
  });

  it('serves the right answers after the upstream comes back and the next scheduled sync lands', async () => {
    sandbox.setFaults({ outage: 'none' });
    await sandbox.ready();

    const stats = await waitFor(
      'Chelsea answered after a scheduled sync',
      async () => {
        const response = await fetch(`${server.url}/stats?team_name=Chelsea`);
        return response.status === 200
          ? ((await response.json()) as unknown)
          : undefined;
      },
      20_000,
    );
    expect(stats).toMatchObject({
      team: { name: 'Chelsea' },
      wins: 21,
      losses: 15,
      draws: 3,
      goal_difference: 20,
    });
    const roma = await fetch(`${server.url}/stats?team_name=Roma`);
    await expect(roma.json()).resolves.toMatchObject({ goal_difference: 0 });

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    await expect(health.json()).resolves.toMatchObject({
      status: 'ok',
      details: {
        data: { loaded: true, teams: 40, players: 433, matches: 780 },
        sync: { status: 'up', last_run: { outcome: 'succeeded' } },
        upstream: { state: 'healthy' },
      },
    });
  });
});
