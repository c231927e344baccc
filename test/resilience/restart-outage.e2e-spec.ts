import { join } from 'node:path';
import { HealthReportDto } from '../../src/health/dto/health-report.dto';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { Answer, fetchAnswer, SAMPLE_QUERIES } from '../support/league-answers';
import { CliResult, runCli } from '../support/run-cli';
import {
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
  TestApp,
  testSettings,
} from '../support/test-app';

// Needs `npx nest build` first: the console program runs from dist/.
describe('upstream down at a restart', () => {
  const queries = [
    'stats? "Chelsea"',
    'stats? "Roma"',
    'stats? "Вареничная United"',
    'stats? "Nobody"',
    'versus? 1 4',
    'versus? 43 74',
  ].join('\n');
  let workDir: string;
  let databasePath: string;
  let sandbox: SandboxUpstream;
  let onlineCli: CliResult;
  const before = new Map<string, Answer>();
  let beforeHealth: HealthReportDto;
  let restarted: TestApp;

  beforeAll(async () => {
    workDir = makeWorkDir();
    databasePath = join(workDir, 'league.sqlite');
    sandbox = await startSandbox();
    onlineCli = await runCli(testSettings(sandbox, databasePath), queries);

    const first = await startTestApp({ sandbox, databasePath });
    try {
      for (const path of SAMPLE_QUERIES) {
        before.set(path, await fetchAnswer(first.url + path));
      }
      const health = await fetch(`${first.url}/health`);
      beforeHealth = (await health.json()) as HealthReportDto;
    } finally {
      await first.close();
    }

    sandbox.setFaults({ outage: 'refuse' });
    restarted = await startTestApp({
      sandbox,
      databasePath,
      settings: { UPSTREAM_MAX_RETRIES: '1' },
    });
  });

  afterAll(async () => {
    await restarted?.close();
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('had real data before the restart', () => {
    expect(onlineCli.code).toBe(0);
    expect(before.get('/stats?team_name=Chelsea')).toMatchObject({
      status: 200,
      body: { wins: 21, losses: 15, goal_difference: 20 },
    });
    expect(beforeHealth.status).toBe('ok');
  });

  it('could not sync at the restart', () => {
    expect(restarted.firstSync).toMatchObject({
      outcome: 'failed',
      kind: 'incremental',
    });
  });

  it.each(SAMPLE_QUERIES)(
    'answers %s exactly as before, with the same sync time',
    async (path) => {
      const answer = await fetchAnswer(restarted.url + path);
      expect(answer).toEqual(before.get(path));
    },
  );

  it('reports on /health, with 200, that it serves stored data while the upstream is down', async () => {
    const response = await fetch(`${restarted.url}/health`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as HealthReportDto;
    expect(health.status).toBe('degraded');
    expect(health.details.data).toEqual({
      ...beforeHealth.details.data,
      age_seconds: expect.any(Number) as number,
    });
    expect(health.details.sync).toMatchObject({
      status: 'down',
      last_success_at: beforeHealth.details.sync.last_success_at,
      last_run: {
        outcome: 'failed',
        error: expect.stringMatching(/^GET \/teams: network error/) as string,
      },
    });
    expect(['unreachable', 'circuit_open']).toContain(
      health.details.upstream.state,
    );
    expect(health.details.upstream.status).toBe('down');
  });

  it('lets the console program answer from the stored data, saying so on stderr', async () => {
    const offline = await runCli(
      testSettings(sandbox, databasePath, { UPSTREAM_MAX_RETRIES: '1' }),
      queries,
    );
    expect(offline.code).toBe(0);
    expect(offline.stdout).toBe(onlineCli.stdout);
    expect(offline.stdout.split('\n').slice(-7)).toEqual([
      '21 15 +20',
      expect.stringMatching(/^\d+ \d+ 0$/) as string,
      expect.stringMatching(/^\d+ \d+ [+-]?\d+$/) as string,
      '0 0 0',
      expect.stringMatching(/^[1-9]\d*$/) as string,
      expect.stringMatching(/^\d+$/) as string,
      '',
    ]);
    expect(offline.stderr).toMatch(/the sync failed.*answering from/);
  });
});
