import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SandboxOverride,
  SandboxUpstream,
} from '../../src/sandbox/sandbox-upstream';
import { fetchAnswers } from '../support/league-answers';
import { LogCapture } from '../support/log-capture';
import { queryDatabaseFile } from '../support/sqlite-file';
import {
  LEAGUE_DATASET,
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';

const teamsJson = readFileSync(join(LEAGUE_DATASET, 'teams.json'), 'utf8');
const matchesJson = readFileSync(join(LEAGUE_DATASET, 'matches.json'), 'utf8');

function withFirstItem(
  json: string,
  change: (item: Record<string, unknown>) => void,
): string {
  const items = JSON.parse(json) as Array<Record<string, unknown>>;
  change(items[0]);
  return JSON.stringify(items);
}

interface MalformedCase {
  name: string;
  override: SandboxOverride;
  /** What the sync's error and its log line must say. */
  problem: RegExp;
}

const CASES: MalformedCase[] = [
  {
    name: 'a team without its name',
    override: {
      path: '/teams',
      status: 200,
      body: withFirstItem(teamsJson, (team) => delete team.name),
    },
    problem: /GET \/teams: item 0 \(id \d+\): name is missing/,
  },
  {
    name: 'a score of the wrong type',
    override: {
      path: '/matches',
      status: 200,
      body: withFirstItem(matchesJson, (match) => {
        match.team1_score = { goals: 2 };
      }),
    },
    problem:
      /GET \/matches: item 0 \(id \d+\): team1_score must be a non-negative integer/,
  },
  {
    name: 'truncated JSON',
    override: {
      path: '/matches',
      status: 200,
      body: matchesJson.slice(0, Math.floor(matchesJson.length / 2)),
    },
    problem: /GET \/matches: response is not valid JSON/,
  },
  {
    name: 'an HTML error page served with status 200',
    override: {
      path: /^\/goals\?match_id=/,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>',
      times: 1,
    },
    problem:
      /GET \/goals\?match_id=\d+: response is not valid JSON.*<!DOCTYPE html>/,
  },
  {
    name: 'a player that is not an object',
    override: {
      path: /^\/players\/\d+$/,
      status: 200,
      body: '"Lionel Messi"',
      times: 1,
    },
    problem: /GET \/players\/\d+: .*"Lionel Messi"/,
  },
];

describe('malformed upstream payloads', () => {
  let workDir: string;
  let databasePath: string;
  let sandbox: SandboxUpstream;
  let server: TestApp;
  const logs = new LogCapture();
  let before: Awaited<ReturnType<typeof fetchAnswers>>;

  beforeAll(async () => {
    workDir = makeWorkDir();
    databasePath = join(workDir, 'league.sqlite');
    sandbox = await startSandbox();
    server = await startTestApp({
      sandbox,
      databasePath,
      settings: { LOG_LEVEL: 'warn' },
      logSink: logs,
    });
    before = await fetchAnswers(server.url);
  });

  afterEach(() => sandbox.resetFaults());

  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it.each(CASES)(
    'rejects the sync on $name, logs the endpoint and the problem, keeps the old data',
    async ({ override, problem }) => {
      sandbox.setFaults({ overrides: [override] });

      const report = await server.sync.sync('full');

      expect(report.outcome).toBe('failed');
      expect(report.error).toMatch(problem);
      expect(logs.linesWith(`Sync #${report.runId} (full) failed`)).toEqual([
        expect.stringMatching(problem) as string,
      ]);
      const [run] = await queryDatabaseFile<{ outcome: string; error: string }>(
        databasePath,
        `SELECT outcome, error FROM sync_runs WHERE id = ${report.runId}`,
      );
      expect(run.outcome).toBe('failed');
      expect(run.error).toMatch(problem);
      await expect(fetchAnswers(server.url)).resolves.toEqual(before);
    },
  );

  it('syncs again once the payloads are right', async () => {
    const report = await server.sync.sync('full');

    expect(report).toMatchObject({ outcome: 'succeeded', changes: 0 });
    await expect(fetchAnswers(server.url)).resolves.toEqual(before);
  });
});
