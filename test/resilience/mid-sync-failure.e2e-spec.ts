import { join } from 'node:path';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { fetchAnswers, waitFor } from '../support/league-answers';
import { turnLossIntoWin } from '../support/league-changes';
import { LogCapture } from '../support/log-capture';
import { queryDatabaseFile } from '../support/sqlite-file';
import {
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';

interface RunRow {
  id: number;
  kind: string;
  outcome: string;
  error: string | null;
}

describe('the upstream dies in the middle of a sync', () => {
  let workDir: string;
  let databasePath: string;
  let sandbox: SandboxUpstream;
  let server: TestApp;
  let changedMatchId: number;
  const logs = new LogCapture();
  let before: Awaited<ReturnType<typeof fetchAnswers>>;

  const lastRun = async () =>
    (
      await queryDatabaseFile<RunRow>(
        databasePath,
        'SELECT id, kind, outcome, error FROM sync_runs ORDER BY id DESC LIMIT 1',
      )
    )[0];
  const storedScore = async () =>
    queryDatabaseFile<{ team1_score: number; team2_score: number }>(
      databasePath,
      `SELECT team1_score, team2_score FROM matches WHERE id = ${changedMatchId}`,
    );

  /** Polls the answers for as long as the sync runs. */
  async function answersDuring(
    syncing: Promise<unknown>,
  ): Promise<Array<typeof before>> {
    let done = false;
    void syncing.finally(() => (done = true));
    const seen: Array<typeof before> = [];
    while (!done) seen.push(await fetchAnswers(server.url));
    return seen;
  }

  beforeAll(async () => {
    workDir = makeWorkDir();
    databasePath = join(workDir, 'league.sqlite');
    sandbox = await startSandbox();
    server = await startTestApp({
      sandbox,
      databasePath,
      settings: {
        LOG_LEVEL: 'warn',
        UPSTREAM_MAX_RETRIES: '2',
        UPSTREAM_BREAKER_COOLDOWN_MS: '100',
      },
      logSink: logs,
    });
    before = await fetchAnswers(server.url);
    // What a successful sync would now store: Chelsea with one more win.
    changedMatchId = turnLossIntoWin(sandbox, 'Chelsea');
  });

  afterEach(async () => {
    sandbox.resetFaults();
    // Let the circuit breaker's cooldown pass: the next sync may go out.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('had synced the league first', () => {
    expect(server.firstSync?.outcome).toBe('succeeded');
    expect(before['/stats?team_name=Chelsea']).toMatchObject({
      status: 200,
      body: { wins: 21, losses: 15 },
    });
  });

  it('serves the old data unmixed while a full sync fails after 100 requests, and records the run as failed', async () => {
    const storedBefore = await storedScore();
    sandbox.setFaults({ failAfterRequests: 100 });

    const syncing = server.sync.sync('full');
    const during = await answersDuring(syncing);
    const report = await syncing;

    expect(report).toMatchObject({ outcome: 'failed', kind: 'full' });
    expect(report.error).toMatch(/HTTP 500/);
    expect(report.requests).toBeGreaterThan(100);
    expect(during.length).toBeGreaterThan(0);
    for (const answers of during) expect(answers).toEqual(before);
    await expect(fetchAnswers(server.url)).resolves.toEqual(before);
    await expect(storedScore()).resolves.toEqual(storedBefore);
    await expect(lastRun()).resolves.toMatchObject({
      id: report.runId,
      outcome: 'failed',
      error: report.error,
    });
    expect(logs.linesWith(`Sync #${report.runId} (full) failed`)).toEqual([
      expect.stringContaining('the stored data stays as it was') as string,
    ]);
  });

  it('keeps the old data when connections are cut while goals are being fetched', async () => {
    sandbox.setFaults({ latencyMs: 2 });
    sandbox.clearRequests();

    const syncing = server.sync.sync('full');
    await waitFor(
      'goals being fetched',
      () =>
        sandbox.countRequests('/goals') >= 40 || !server.sync.isRunning
          ? true
          : undefined,
      15_000,
      5,
    );
    sandbox.setFaults({ outage: 'reset' });
    const report = await syncing;

    expect(report).toMatchObject({ outcome: 'failed', kind: 'full' });
    expect(report.error).toMatch(/^GET \/goals\?match_id=\d+: network error/);
    await expect(fetchAnswers(server.url)).resolves.toEqual(before);
    await expect(lastRun()).resolves.toMatchObject({
      id: report.runId,
      outcome: 'failed',
    });
  });

  it('recovers with the next sync, which stores the changed data whole', async () => {
    const report = await server.sync.sync();

    expect(report).toMatchObject({ outcome: 'succeeded', kind: 'incremental' });
    const after = await fetchAnswers(server.url);
    expect(after['/stats?team_name=Chelsea']).toMatchObject({
      status: 200,
      body: { wins: 22, losses: 14, matches_played: 39 },
    });
    expect(after['/stats?team_name=Roma']).toEqual(
      before['/stats?team_name=Roma'],
    );
    const [score] = await storedScore();
    expect(score.team1_score).not.toBe(score.team2_score);
    await expect(lastRun()).resolves.toMatchObject({
      id: report.runId,
      outcome: 'succeeded',
      error: null,
    });
  });
});
