import { join } from 'node:path';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { LogCapture } from '../support/log-capture';
import {
  makeWorkDir,
  removeWorkDir,
  SANDBOX_TOKEN,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';

interface LogEntry {
  level: string;
  context?: string;
  message: string;
}

function entries(logs: LogCapture): LogEntry[] {
  return logs.lines.map((line) => JSON.parse(line) as LogEntry);
}

const BOOTSTRAP_CONTEXTS = [
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
];

describe('what the service logs', () => {
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

  describe('at info', () => {
    const logs = new LogCapture();
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({
        sandbox,
        databasePath: join(workDir, 'info.sqlite'),
        settings: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
        logSink: logs,
      });
    });

    afterAll(() => server?.close());

    it("leaves out Nest's module, controller and route lines", () => {
      const contexts = new Set(entries(logs).map((entry) => entry.context));
      for (const context of BOOTSTRAP_CONTEXTS) {
        expect(contexts).not.toContain(context);
      }
    });

    it('logs each sync once, with its kind, outcome, requests, changes and time', async () => {
      const incremental = await server.sync.sync();
      sandbox.setFaults({ outage: 'http500' });
      const failed = await server.sync.sync('full');
      sandbox.resetFaults();

      const syncLines = entries(logs).filter(
        (entry) => entry.context === 'SyncService',
      );
      expect(syncLines).toEqual([
        {
          level: 'info',
          context: 'SyncService',
          message: expect.stringMatching(
            /^Sync #1 \(full\) succeeded in \d+ ms: 1216 requests, fetched 433 players and the goals of 780 matches; 5196 changes stored \(40 teams, 433 players, 780 matches, 3943 goals\)$/,
          ) as string,
          timestamp: expect.any(String) as string,
        },
        {
          level: 'info',
          context: 'SyncService',
          message: expect.stringMatching(
            new RegExp(
              `^Sync #${incremental.runId} \\(incremental\\) succeeded in \\d+ ms: 2 requests, fetched 0 players and the goals of 0 matches; no changes`,
            ),
          ) as string,
          timestamp: expect.any(String) as string,
        },
        {
          level: 'warn',
          context: 'SyncService',
          message: expect.stringMatching(
            new RegExp(
              `^Sync #${failed.runId} \\(full\\) failed after \\d+ ms and \\d+ requests; the stored data stays as it was: GET /teams: HTTP 500 Internal Server Error \\(gave up after \\d+ attempts\\)$`,
            ),
          ) as string,
          timestamp: expect.any(String) as string,
        },
      ]);
      // The failure is the sync's line alone; the client does not repeat it.
      expect(
        entries(logs).filter(
          (entry) =>
            entry.context === 'UpstreamClient' && entry.level === 'warn',
        ),
      ).toEqual([]);
    });

    it('logs each request once with method, path, status and time', async () => {
      await fetch(`${server.url}/stats?team_name=Chelsea`);
      await fetch(`${server.url}/stats?team_name=Nobody`);

      const requestLines = entries(logs).filter(
        (entry) => entry.context === 'HTTP',
      );
      expect(requestLines.map((entry) => [entry.level, entry.message])).toEqual(
        [
          [
            'info',
            expect.stringMatching(
              /^GET \/stats\?team_name=Chelsea 200 [\d.]+ ms$/,
            ),
          ],
          [
            'warn',
            expect.stringMatching(
              /^GET \/stats\?team_name=Nobody 404 [\d.]+ ms$/,
            ),
          ],
        ],
      );
    });
  });

  describe('at debug, through syncs, failures and requests', () => {
    const logs = new LogCapture();
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({
        sandbox,
        databasePath: join(workDir, 'debug.sqlite'),
        settings: {
          LOG_LEVEL: 'debug',
          LOG_FORMAT: 'json',
          UPSTREAM_MAX_RETRIES: '1',
          UPSTREAM_BREAKER_COOLDOWN_MS: '0',
        },
        logSink: logs,
      });

      // Error pages and broken payloads that echo the token back.
      const echoes = [
        {
          path: '/teams',
          status: 500,
          body: `upstream crashed for ${SANDBOX_TOKEN}`,
        },
        {
          path: '/teams',
          status: 400,
          body: `{"detail": "bad token ${SANDBOX_TOKEN}"}`,
        },
        {
          path: '/teams',
          status: 401,
          body: `{"detail": "${SANDBOX_TOKEN} is unknown"}`,
        },
        { path: '/matches', status: 200, body: `${SANDBOX_TOKEN}[` },
      ];
      for (const echo of echoes) {
        sandbox.setFaults({ overrides: [echo] });
        await server.sync.sync('full');
      }
      sandbox.resetFaults();
      sandbox.logout();
      await server.sync.sync('full');
      for (const path of [
        '/stats?team_name=Chelsea',
        `/stats?team_name=${SANDBOX_TOKEN}`,
        '/versus?player1_id=1&player2_id=x',
        '/goals?player_id=999999',
        '/health',
      ]) {
        await fetch(server.url + path);
      }
      await server.close();
    });

    it('captured the syncs, their failures and the requests', () => {
      const messages = entries(logs).map((entry) => entry.message);
      expect(
        messages.filter((m) => /^Sync #\d+ \(full\) failed/.test(m)),
      ).toHaveLength(4);
      expect(
        messages.filter((m) => /^Sync #\d+ \(full\) succeeded/.test(m)),
      ).toHaveLength(2);
      const requests = entries(logs).filter(
        (entry) => entry.context === 'HTTP',
      );
      expect(requests).toHaveLength(5);
    });

    it('keeps Nest bootstrap lines, but at verbose', () => {
      const bootstrap = entries(logs).filter((entry) =>
        BOOTSTRAP_CONTEXTS.includes(entry.context ?? ''),
      );
      expect(bootstrap.length).toBeGreaterThan(5);
      expect(new Set(bootstrap.map((entry) => entry.level))).toEqual(
        new Set(['verbose']),
      );
    });

    it('never writes the token, nor a part of it', () => {
      expect(logs.text.length).toBeGreaterThan(1000);
      expect(logs.text).not.toContain(SANDBOX_TOKEN);
      expect(logs.text).not.toContain(SANDBOX_TOKEN.slice(0, 12));
    });
  });
});
