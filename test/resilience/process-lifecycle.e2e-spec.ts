import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { fetchAnswers, waitFor } from '../support/league-answers';
import { runCli } from '../support/run-cli';
import { startServerProcess } from '../support/server-process';
import { queryDatabaseFile } from '../support/sqlite-file';
import {
  makeWorkDir,
  removeWorkDir,
  REPOSITORY_ROOT,
  SANDBOX_TOKEN,
  startSandbox,
  startTestApp,
  testSettings,
} from '../support/test-app';

// Needs `npx nest build` first: these run dist/main.js and dist/cli.js.

interface MatchRow {
  id: number;
  team1_score: number;
  team2_score: number;
}

interface RunRow {
  id: number;
  kind: string;
  outcome: string;
  error: string | null;
  requests: number;
}

const lastRun = async (databasePath: string) =>
  (
    await queryDatabaseFile<RunRow>(
      databasePath,
      'SELECT id, kind, outcome, error, requests FROM sync_runs ORDER BY id DESC LIMIT 1',
    )
  )[0];

const storedMatches = (databasePath: string) =>
  queryDatabaseFile<MatchRow>(
    databasePath,
    'SELECT id, team1_score, team2_score FROM matches ORDER BY id',
  );

/** Swaps the scores of the first `count` matches that are not draws. */
function swapScores(sandbox: SandboxUpstream, count: number): void {
  const matches = sandbox.dataset.matches as Array<Record<string, unknown>>;
  matches
    .filter((match) => match.team1_score !== match.team2_score)
    .slice(0, count)
    .forEach((match) => {
      [match.team1_score, match.team2_score] = [
        match.team2_score,
        match.team1_score,
      ];
    });
}

describe('the server process stopped during a sync', () => {
  let workDir: string;
  let databasePath: string;
  let sandbox: SandboxUpstream;

  beforeEach(async () => {
    workDir = makeWorkDir();
    databasePath = join(workDir, 'league.sqlite');
    sandbox = await startSandbox();
    const seeded = await startTestApp({ sandbox, databasePath });
    await seeded.close();
    // The sync at the next start has 60 goal lists to fetch, slowly.
    swapScores(sandbox, 60);
    sandbox.setFaults({ latencyMs: 150 });
    sandbox.clearRequests();
  });

  afterEach(async () => {
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'exits with code 0 on %s, leaves the old data intact and records the run as abandoned',
    async (signal) => {
      const matchesBefore = await storedMatches(databasePath);
      const logDir = join(workDir, 'logs');
      const server = await startServerProcess(
        testSettings(sandbox, databasePath, {
          UPSTREAM_CONCURRENCY: '2',
          LOG_DIR: logDir,
          LOG_FORMAT: 'json',
        }),
      );
      const before = await fetchAnswers(server.url);
      await waitFor(
        'the sync fetching goals',
        () => (sandbox.countRequests('/goals') >= 4 ? true : undefined),
        10_000,
        20,
      );

      const stopped = Date.now();
      const exit = await server.stop(signal);

      expect(exit).toEqual({ code: 0, signal: null });
      expect(Date.now() - stopped).toBeLessThan(5_000);
      await expect(fetch(`${server.url}/health`)).rejects.toThrow();
      await expect(storedMatches(databasePath)).resolves.toEqual(matchesBefore);
      await expect(lastRun(databasePath)).resolves.toMatchObject({
        kind: 'incremental',
        outcome: 'abandoned',
        error: expect.stringMatching(/shutting down/) as string,
      });
      expect(before['/stats?team_name=Chelsea']).toMatchObject({
        status: 200,
        body: { wins: 21 },
      });
      sandbox.setFaults({ outage: 'refuse' });
      const restarted = await startTestApp({ sandbox, databasePath });
      try {
        await expect(fetchAnswers(restarted.url)).resolves.toEqual(before);
      } finally {
        await restarted.close();
      }

      const stderr = server.stderr();
      expect(stderr).toContain(`${signal} received`);
      expect(stderr).toMatch(/Sync #\d+ \(incremental\) abandoned/);
      const files = readdirSync(logDir).filter((file) => !file.startsWith('.'));
      expect(files).toEqual([
        expect.stringMatching(/^lksh-stats-\d{4}-\d{2}-\d{2}\.log$/),
      ]);
      const logged = readFileSync(join(logDir, files[0]), 'utf8');
      expect(logged).toMatch(/"message":"Serving on/);
      expect(logged).toMatch(
        /"level":"warn","message":"Sync #\d+ \(incremental\) abandoned after \d+ ms and \d+ requests; the stored data stays as it was/,
      );
      expect(stderr + logged).not.toContain(SANDBOX_TOKEN);
    },
  );
});

describe('settings checked at start', () => {
  it.each(['SYNC_CRON', 'SYNC_FULL_CRON'])(
    'stops the server and the console program on a bad %s, naming it',
    async (name) => {
      const workDir = makeWorkDir();
      try {
        const settings = {
          DATABASE_PATH: join(workDir, 'league.sqlite'),
          LKSH_TOKEN: 'x'.repeat(16),
          LOG_DIR: '',
          [name]: '61 * * * *',
        };
        const server = startServerProcess(settings, 15_000);
        await expect(server).rejects.toThrow(
          new RegExp(
            `exited \\(2\\)[^]*${name}="61 \\* \\* \\* \\*"[^]*out of range`,
          ),
        );
        const cli = await runCli(settings, '');
        expect(cli.code).toBe(2);
        expect(cli.stderr).toContain(
          `${name}="61 * * * *": ${name} must be a cron expression`,
        );
      } finally {
        removeWorkDir(workDir);
      }
    },
  );
});

describe('node dist/cli.js sync', () => {
  let workDir: string;
  let databasePath: string;
  let sandbox: SandboxUpstream;

  beforeAll(async () => {
    workDir = makeWorkDir();
    databasePath = join(workDir, 'league.sqlite');
    sandbox = await startSandbox();
  });

  afterAll(async () => {
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('runs a full sync on an empty database and exits 0 without printing to stdout', async () => {
    const result = await runCli(testSettings(sandbox, databasePath), '', [
      'sync',
    ]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/sync #1 \(full\) succeeded: 1216 requests/);
    await expect(lastRun(databasePath)).resolves.toMatchObject({
      id: 1,
      kind: 'full',
      outcome: 'succeeded',
    });
  });

  it('refreshes with exactly two requests when nothing changed', async () => {
    sandbox.clearRequests();

    const result = await runCli(testSettings(sandbox, databasePath), '', [
      'sync',
    ]);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /\(incremental\) succeeded: 2 requests, 0 changes/,
    );
    expect(sandbox.requests.map((r) => r.path).sort()).toEqual([
      '/matches',
      '/teams',
    ]);
  });

  it('runs a full sync with --full although data is stored', async () => {
    const result = await runCli(testSettings(sandbox, databasePath), '', [
      'sync',
      '--full',
    ]);

    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /\(full\) succeeded: \d+ requests, 0 changes/,
    );
  });

  it('exits 1 and records the failure when the upstream is down', async () => {
    sandbox.setFaults({ outage: 'refuse' });
    try {
      const result = await runCli(
        testSettings(sandbox, databasePath, { UPSTREAM_MAX_RETRIES: '1' }),
        '',
        ['sync'],
      );

      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /\(incremental\) failed: GET \/teams: network error/,
      );
      await expect(lastRun(databasePath)).resolves.toMatchObject({
        outcome: 'failed',
        error: expect.stringMatching(/^GET \/teams/) as string,
      });
    } finally {
      sandbox.resetFaults();
      await sandbox.ready();
    }
  });
});

describe('node dist/cli.js sync interrupted', () => {
  it('abandons the sync on SIGINT, records it and exits 130', async () => {
    const workDir = makeWorkDir();
    const sandbox = await startSandbox(undefined, { latencyMs: 200 });
    const databasePath = join(workDir, 'league.sqlite');
    try {
      const child = spawn(
        process.execPath,
        [join(REPOSITORY_ROOT, 'dist', 'cli.js'), 'sync'],
        {
          cwd: REPOSITORY_ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            ...testSettings(sandbox, databasePath),
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr
        .setEncoding('utf8')
        .on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) =>
        child.once('exit', resolve),
      );
      await waitFor(
        'the sync fetching players',
        () => (sandbox.countRequests('/players/') > 0 ? true : undefined),
        15_000,
        20,
      );

      child.kill('SIGINT');
      const code = await Promise.race([
        exited,
        new Promise<string>((resolve) =>
          setTimeout(() => resolve('still running'), 10_000),
        ),
      ]);

      if (code === 'still running') child.kill('SIGKILL');
      expect(code).toBe(130);
      expect(stderr).toMatch(/SIGINT: abandoning the sync/);
      expect(stderr).toMatch(/sync #1 \(full\) abandoned/);
      await expect(lastRun(databasePath)).resolves.toMatchObject({
        id: 1,
        outcome: 'abandoned',
      });
    } finally {
      await sandbox.stop();
      removeWorkDir(workDir);
    }
  });
});
