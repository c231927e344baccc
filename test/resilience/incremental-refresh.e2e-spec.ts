import { join } from 'node:path';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { fetchAnswer, fetchAnswers, waitFor } from '../support/league-answers';
import { addMatchWithGoal, turnLossIntoWin } from '../support/league-changes';
import { queryDatabaseFile } from '../support/sqlite-file';
import {
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';

/** Requests the sandbox received, as "METHOD path", in a stable order. */
function requestList(sandbox: SandboxUpstream): string[] {
  return sandbox.requests.map((r) => `${r.method} ${r.path}`).sort();
}

describe('refreshing a stored league', () => {
  let workDir: string;
  let databasePath: string;
  let sandbox: SandboxUpstream;
  let server: TestApp;

  beforeAll(async () => {
    workDir = makeWorkDir();
    databasePath = join(workDir, 'league.sqlite');
    sandbox = await startSandbox();
    server = await startTestApp({ sandbox, databasePath });
  });

  beforeEach(() => sandbox.clearRequests());

  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('costs exactly GET /teams and GET /matches when nothing changed, and rewrites nothing', async () => {
    const before = await fetchAnswers(server.url);
    const etag = (
      await fetch(`${server.url}/stats?team_name=Chelsea`)
    ).headers.get('etag');

    const report = await server.sync.sync();

    expect(report).toMatchObject({
      outcome: 'succeeded',
      kind: 'incremental',
      requests: 2,
      changes: 0,
    });
    expect(requestList(sandbox)).toEqual(['GET /matches', 'GET /teams']);
    await expect(fetchAnswers(server.url)).resolves.toEqual(before);
    const again = await fetch(`${server.url}/stats?team_name=Chelsea`);
    expect(again.headers.get('etag')).toBe(etag);
    const [run] = await queryDatabaseFile<{
      requests: number;
      changes: number;
    }>(
      databasePath,
      `SELECT requests, changes FROM sync_runs WHERE id = ${report.runId}`,
    );
    expect(run).toEqual({ requests: 2, changes: 0 });
  });

  it('costs the same two requests when the schedule triggers the refresh', async () => {
    const scheduled = await startTestApp({
      sandbox,
      databasePath,
      settings: { SYNC_CRON: '* * * * * *' },
    });
    try {
      sandbox.clearRequests();
      await waitFor(
        'a scheduled refresh',
        () =>
          sandbox.countRequests('/matches') > 0 && !scheduled.sync.isRunning
            ? true
            : undefined,
        5_000,
        20,
      );
      expect(scheduled.sync.lastOutcome).toMatchObject({
        outcome: 'succeeded',
        requests: 2,
        changes: 0,
      });
    } finally {
      await scheduled.close();
    }
    expect(new Set(requestList(sandbox))).toEqual(
      new Set(['GET /matches', 'GET /teams']),
    );
  });

  it('changes the answers after new and changed matches, fetching only their goals', async () => {
    const chelseaBefore = await fetchAnswer(
      `${server.url}/stats?team_name=Chelsea`,
    );
    const changedMatchId = turnLossIntoWin(sandbox, 'Chelsea');
    const added = addMatchWithGoal(sandbox, 'Roma', 'Chelsea');
    sandbox.clearRequests();

    const report = await server.sync.sync();

    expect(report).toMatchObject({ outcome: 'succeeded', kind: 'incremental' });
    expect(requestList(sandbox)).toEqual(
      [
        'GET /matches',
        'GET /teams',
        `GET /goals?match_id=${changedMatchId}`,
        `GET /goals?match_id=${added.matchId}`,
      ].sort(),
    );
    const chelsea = await fetchAnswer(`${server.url}/stats?team_name=Chelsea`);
    expect(chelsea.body).toMatchObject({
      wins: 22,
      losses: 15,
      matches_played: 40,
    });
    expect(chelsea.syncedAt).not.toBe(chelseaBefore.syncedAt);
    const roma = await fetchAnswer(`${server.url}/stats?team_name=Roma`);
    expect(roma.body).toMatchObject({ goal_difference: 1 });
    const goals = await fetchAnswer(
      `${server.url}/goals?player_id=${added.scorerId}`,
    );
    expect(goals.body).toEqual(
      expect.arrayContaining([{ match: added.matchId, time: added.minute }]),
    );
  });

  it('fetches a player only when a roster gains one', async () => {
    const teams = sandbox.dataset.teams as Array<{
      name: string;
      players: number[];
    }>;
    const players = sandbox.dataset.players as Array<Record<string, unknown>>;
    const newcomerId = Math.max(...players.map((p) => p.id as number)) + 1;
    players.push({ id: newcomerId, name: 'Новичок', surname: '', number: 99 });
    teams.find((team) => team.name === 'Roma')?.players.push(newcomerId);
    sandbox.clearRequests();

    const report = await server.sync.sync();

    expect(report.outcome).toBe('succeeded');
    expect(requestList(sandbox)).toEqual(
      ['GET /matches', 'GET /teams', `GET /players/${newcomerId}`].sort(),
    );
    const versus = await fetchAnswer(
      `${server.url}/versus?player1_id=${newcomerId}&player2_id=1`,
    );
    expect(versus.status).toBe(200);
    expect(versus.body).toMatchObject({ player1: { id: newcomerId } });
  });
});

describe('a rostered player the upstream does not know', () => {
  it('is asked for once, then left out of refreshes until the next full sync', async () => {
    const workDir = makeWorkDir();
    const sandbox = await startSandbox();
    const teams = sandbox.dataset.teams as Array<{
      name: string;
      players: number[];
    }>;
    const ghostId = 999_999;
    teams.find((team) => team.name === 'Chelsea')?.players.push(ghostId);
    const server = await startTestApp({
      sandbox,
      databasePath: join(workDir, 'league.sqlite'),
    });
    try {
      expect(server.firstSync?.outcome).toBe('succeeded');
      expect(sandbox.countRequests(`/players/${ghostId}`)).toBe(1);
      sandbox.clearRequests();

      const refresh = await server.sync.sync();
      expect(refresh).toMatchObject({ outcome: 'succeeded', requests: 2 });

      const full = await server.sync.sync('full');
      expect(full.outcome).toBe('succeeded');
      expect(sandbox.countRequests(`/players/${ghostId}`)).toBe(1);
    } finally {
      await server.close();
      await sandbox.stop();
      removeWorkDir(workDir);
    }
  });
});
