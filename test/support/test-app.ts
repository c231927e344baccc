import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { createAppLogger } from '../../src/common/logging/app-logger';
import { loadEnvironment } from '../../src/config/environment';
import { UpstreamTarget } from '../../src/demo/upstream-target';
import { UpstreamClientOptions } from '../../src/upstream/upstream.options';
import {
  SandboxDataset,
  SandboxFaults,
  SandboxUpstream,
} from '../../src/sandbox/sandbox-upstream';
import { SyncReport, SyncService } from '../../src/sync/sync.service';

export const REPOSITORY_ROOT = join(__dirname, '..', '..');
export const LEAGUE_DATASET = join(
  REPOSITORY_ROOT,
  'datasets',
  'lksh-2025-05-31',
);
export const EXAMPLE_DATASET = join(
  REPOSITORY_ROOT,
  'datasets',
  'statement-example',
);
export const SANDBOX_TOKEN = 'e2e-token-'.padEnd(64, '0');

/** A folder for one test's database and files, removed by `removeWorkDir`. */
export function makeWorkDir(): string {
  return mkdtempSync(join(tmpdir(), 'lksh-stats-test-'));
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function startSandbox(
  dataset: string | SandboxDataset = LEAGUE_DATASET,
  faults: Partial<SandboxFaults> = {},
): Promise<SandboxUpstream> {
  return SandboxUpstream.start({ dataset, tokens: [SANDBOX_TOKEN], faults });
}

export interface TestAppOptions {
  sandbox: SandboxUpstream;
  databasePath: string;
  /** Settings on top of the test defaults (quiet logs, fast retries). */
  settings?: Record<string, string>;
  /** Wait for the sync that starts with the app; default true. */
  waitForFirstSync?: boolean;
  /** Upstream client options beyond the settings (e.g. faster recovery). */
  upstream?: Partial<UpstreamClientOptions>;
  /** Console log lines go here instead of stderr, e.g. a LogCapture. */
  logSink?: NodeJS.WritableStream;
}

export interface TestApp {
  app: NestExpressApplication;
  /** Base URL on 127.0.0.1, e.g. http://127.0.0.1:41234 */
  url: string;
  sync: SyncService;
  firstSync: SyncReport | null;
  close(): Promise<void>;
}

/** Test defaults: quiet, no log files, short timeouts and back-off. */
export function testSettings(
  sandbox: SandboxUpstream,
  databasePath: string,
  settings: Record<string, string> = {},
): Record<string, string> {
  return {
    LKSH_API_URL: sandbox.url,
    LKSH_TOKEN: SANDBOX_TOKEN,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'error',
    LOG_DIR: '',
    UPSTREAM_MAX_RPS: '0',
    UPSTREAM_CONCURRENCY: '8',
    UPSTREAM_TIMEOUT_MS: '2000',
    UPSTREAM_MAX_RETRIES: '3',
    ...settings,
  };
}

/**
 * The real server, configured as `main.ts` configures it, on a real SQLite
 * file, talking to a sandbox upstream on loopback.
 */
export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  const environment = loadEnvironment(
    testSettings(options.sandbox, options.databasePath, options.settings),
  );
  const target: UpstreamTarget = {
    demo: false,
    overrides: {
      retryBaseDelayMs: 20,
      maxRetryAfterMs: 2000,
      ...options.upstream,
    },
    stop: () => Promise.resolve(),
  };
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(environment, target),
    {
      logger: createAppLogger(environment, {
        name: 'test',
        files: false,
        sink: options.logSink,
      }),
    },
  );
  configureApp(app);
  await app.listen(0, '127.0.0.1');

  const sync = app.get(SyncService);
  // The app starts a sync at bootstrap; `sync()` joins it.
  const firstSync =
    options.waitForFirstSync === false ? null : await sync.sync();
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    sync,
    firstSync,
    close: () => app.close(),
  };
}

export interface LeagueServerOptions extends Omit<
  TestAppOptions,
  'sandbox' | 'databasePath'
> {
  dataset?: string | SandboxDataset;
  faults?: Partial<SandboxFaults>;
}

/** A sandbox, the server on it and the folder of its database, stopped together. */
export interface LeagueServer {
  workDir: string;
  sandbox: SandboxUpstream;
  server: TestApp;
  stop(): Promise<void>;
}

/**
 * The usual e2e set-up in one call: a fresh folder, a sandbox serving the
 * dataset (the 2025-05-31 league by default) and the server on a real
 * SQLite file in that folder. `stop` undoes all three.
 */
export async function startLeagueServer(
  options: LeagueServerOptions = {},
): Promise<LeagueServer> {
  const { dataset, faults, ...appOptions } = options;
  const workDir = makeWorkDir();
  const sandbox = await startSandbox(dataset, faults);
  const server = await startTestApp({
    ...appOptions,
    sandbox,
    databasePath: join(workDir, 'league.sqlite'),
  });
  return {
    workDir,
    sandbox,
    server,
    stop: async () => {
      await server.close();
      await sandbox.stop();
      removeWorkDir(workDir);
    },
  };
}
