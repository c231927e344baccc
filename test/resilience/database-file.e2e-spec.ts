import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { fetchAnswer } from '../support/league-answers';
import { LogCapture } from '../support/log-capture';
import {
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
} from '../support/test-app';

describe('a missing or broken database file at start', () => {
  let workDir: string;
  let sandbox: SandboxUpstream;

  beforeAll(async () => {
    workDir = makeWorkDir();
    sandbox = await startSandbox();
  });

  afterAll(async () => {
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  /** Starts a server on the file, checks it synced and answers, returns its log. */
  async function startOn(databasePath: string): Promise<LogCapture> {
    const logs = new LogCapture();
    const server = await startTestApp({
      sandbox,
      databasePath,
      settings: { LOG_LEVEL: 'info' },
      logSink: logs,
    });
    try {
      expect(server.firstSync).toMatchObject({
        outcome: 'succeeded',
        kind: 'full',
      });
      const chelsea = await fetchAnswer(
        `${server.url}/stats?team_name=Chelsea`,
      );
      expect(chelsea).toMatchObject({
        status: 200,
        body: { wins: 21, losses: 15 },
      });
    } finally {
      await server.close();
    }
    return logs;
  }

  function asideCopies(folder: string, name: string): string[] {
    // The write-ahead log and shared-memory files travel with their database.
    return readdirSync(folder).filter(
      (file) =>
        file.startsWith(`${name}.corrupt-`) &&
        !/-(wal|shm|journal)$/.test(file),
    );
  }

  it('creates a missing file and its folders, says so, and syncs', async () => {
    const databasePath = join(workDir, 'missing', 'deeper', 'league.sqlite');

    const logs = await startOn(databasePath);

    expect(existsSync(databasePath)).toBe(true);
    expect(logs.linesWith('No database file at', databasePath)).toHaveLength(1);
  });

  it('moves a file of garbage bytes aside, says so, and syncs into a fresh one', async () => {
    const folder = join(workDir, 'garbage');
    mkdirSync(folder);
    const databasePath = join(folder, 'league.sqlite');
    const garbage = randomBytes(8192);
    writeFileSync(databasePath, garbage);

    const logs = await startOn(databasePath);

    const [aside] = asideCopies(folder, 'league.sqlite');
    expect(readFileSync(join(folder, aside))).toEqual(garbage);
    expect(
      logs.linesWith(
        'ERROR',
        `Database file ${databasePath} is unusable (not an SQLite database)`,
        aside,
      ),
    ).toHaveLength(1);
  });

  it('moves aside a file with an SQLite header but garbage behind it', async () => {
    const folder = join(workDir, 'header');
    mkdirSync(folder);
    const databasePath = join(folder, 'league.sqlite');
    writeFileSync(
      databasePath,
      Buffer.concat([
        Buffer.from('SQLite format 3\u0000', 'latin1'),
        randomBytes(8192),
      ]),
    );

    const logs = await startOn(databasePath);

    expect(asideCopies(folder, 'league.sqlite')).toHaveLength(1);
    expect(
      logs.linesWith(`Database file ${databasePath} is unusable`),
    ).toHaveLength(1);
  });

  it('moves aside a database file cut in half', async () => {
    const folder = join(workDir, 'truncated');
    mkdirSync(folder);
    const databasePath = join(folder, 'league.sqlite');
    await startOn(databasePath);
    truncateSync(databasePath, Math.floor(statSync(databasePath).size / 2));

    const logs = await startOn(databasePath);

    expect(asideCopies(folder, 'league.sqlite')).toHaveLength(1);
    expect(
      logs.linesWith(`Database file ${databasePath} is unusable`),
    ).toHaveLength(1);
  });

  it('keeps an intact database file and loads it without syncing from scratch', async () => {
    const folder = join(workDir, 'intact');
    mkdirSync(folder);
    const databasePath = join(folder, 'league.sqlite');
    await startOn(databasePath);
    sandbox.clearRequests();

    const logs = new LogCapture();
    const server = await startTestApp({
      sandbox,
      databasePath,
      settings: { LOG_LEVEL: 'info' },
      logSink: logs,
    });
    await server.close();

    expect(server.firstSync).toMatchObject({
      outcome: 'succeeded',
      kind: 'incremental',
    });
    expect(asideCopies(folder, 'league.sqlite')).toHaveLength(0);
    expect(logs.linesWith('is unusable')).toHaveLength(0);
    expect(logs.linesWith('Loaded stored league')).toHaveLength(1);
  });
});
