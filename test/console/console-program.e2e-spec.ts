import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { runCli } from '../support/run-cli';
import {
  EXAMPLE_DATASET,
  LEAGUE_DATASET,
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  testSettings,
} from '../support/test-app';

const LEAGUE_QUERIES = [
  'stats? "Вареничная United"',
  'stats? "Chelsea"',
  'stats? "Roma"',
  'stats? "chelsea"',
  'versus? 1 4',
  'versus? 4 1',
  'versus? 1 1',
  'versus? 1 100000',
  '',
  'not a query',
].join('\r\n');
const LEAGUE_ANSWERS = [
  '12 21 -23',
  '21 15 +20',
  '19 15 0',
  '0 0 0',
  '1',
  '1',
  '0',
  '0',
];

describe('the console program (node dist/cli.js)', () => {
  let workDir: string;

  beforeEach(() => {
    workDir = makeWorkDir();
  });

  afterEach(() => removeWorkDir(workDir));

  it('prints the statement example exactly', async () => {
    const sandbox = await startSandbox(EXAMPLE_DATASET);
    try {
      const result = await runCli(
        testSettings(sandbox, join(workDir, 'example.sqlite')),
        readFileSync(join(EXAMPLE_DATASET, 'queries.txt'), 'utf8'),
      );
      expect(result.stdout).toBe(
        readFileSync(join(EXAMPLE_DATASET, 'expected-output.txt'), 'utf8'),
      );
      expect(result.code).toBe(0);
    } finally {
      await sandbox.stop();
    }
  });

  describe('on the 2025-05-31 league', () => {
    let sandbox: SandboxUpstream;

    beforeEach(async () => {
      sandbox = await startSandbox(LEAGUE_DATASET);
    });

    afterEach(() => sandbox.stop());

    it('prints 433 players in code-point order, then the answers', async () => {
      const result = await runCli(
        testSettings(sandbox, join(workDir, 'league.sqlite')),
        LEAGUE_QUERIES,
      );
      const lines = result.stdout.split('\n');
      expect(lines.pop()).toBe('');
      const players = lines.slice(0, 433);
      expect(lines.slice(433)).toEqual(LEAGUE_ANSWERS);
      expect(players).toEqual(
        [...players].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      expect(players.filter((name) => name === 'Socrates')).toHaveLength(2);
      expect(players.every((name) => name === name.trimEnd())).toBe(true);
      expect(result.stderr).toContain('line 10: unknown query');
      expect(result.code).toBe(0);
    });

    it('answers the same from stored data after a restart with the upstream gone', async () => {
      const settings = testSettings(sandbox, join(workDir, 'league.sqlite'));
      const online = await runCli(settings, LEAGUE_QUERIES);
      await sandbox.stop();

      const offline = await runCli(
        { ...settings, UPSTREAM_MAX_RETRIES: '0' },
        LEAGUE_QUERIES,
      );
      expect(offline.stdout).toBe(online.stdout);
      expect(offline.code).toBe(0);
      expect(offline.stderr).toMatch(
        /answering from the data synced at \d{4}-/,
      );
    });

    it('syncs by hand with the sync command, exiting 0', async () => {
      const result = await runCli(
        testSettings(sandbox, join(workDir, 'league.sqlite')),
        '',
        ['sync'],
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /sync #1 \(full\) succeeded: 1216 requests/,
      );
    });
  });

  it('replaces, never merges, data stored from another source', async () => {
    const demo = (dataset: string) => ({
      DEMO_DATASET: dataset,
      DATABASE_PATH: join(workDir, 'shared.sqlite'),
      LOG_DIR: '',
    });
    const example = await runCli(demo(EXAMPLE_DATASET), 'stats? "Better"\n');
    expect(example.stdout).toContain('Danya Golov\n');

    const league = await runCli(demo(LEAGUE_DATASET), 'stats? "Better"\n');
    expect(league.stdout.split('\n')).toHaveLength(433 + 2);
    expect(league.stdout).not.toContain('Danya Golov');
    expect(league.stdout.endsWith('0 0 0\n')).toBe(true);
  });

  it('exits non-zero with a message when the upstream is down and nothing is stored', async () => {
    const sandbox = await startSandbox(LEAGUE_DATASET, { outage: 'http500' });
    try {
      const result = await runCli(
        {
          ...testSettings(sandbox, join(workDir, 'none.sqlite')),
          UPSTREAM_MAX_RETRIES: '0',
        },
        'stats? "Chelsea"\n',
      );
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('nothing is stored yet');
    } finally {
      await sandbox.stop();
    }
  });

  it('stops with a message naming a bad setting', async () => {
    const result = await runCli({ PORT: 'eighty', LOG_DIR: '' }, '');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT');
  });
});
