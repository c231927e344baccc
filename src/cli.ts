import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { constants as osConstants } from 'node:os';
import { CliModule } from './cli.module';
import { createAppLogger } from './common/logging/app-logger';
import { describeErrorWithStack } from './common/describe-error';
import { EnvironmentError } from './config/environment';
import { loadEnvironmentOrExit } from './config/load-environment';
import { ConsoleSession } from './console/console-session';
import { resolveUpstreamTarget } from './demo/upstream-target';
import { SyncService } from './sync/sync.service';

const USAGE = `usage: lksh-stats-cli            sync, print the players, answer queries from stdin
       lksh-stats-cli sync [--full] only sync; exit code 0 on success
queries: stats? "<team name>"   versus? <player1_id> <player2_id>
`;

async function runQueries(session: ConsoleSession): Promise<number> {
  if (!(await session.prepare(process.stderr))) return 1;
  await writeOut(session.playerList());
  await session.answerAll(process.stdin, process.stdout, process.stderr);
  return 0;
}

async function runSync(
  session: ConsoleSession,
  full: boolean,
): Promise<number> {
  const report = await session.runSync(process.stderr, full);
  const run = report.runId === null ? 'sync' : `sync #${report.runId}`;
  const summary =
    report.outcome === 'succeeded'
      ? `${run} (${report.kind}) succeeded: ${report.requests} requests, ${report.changes} changes, ${report.durationMs} ms`
      : `${run} (${report.kind}) ${report.outcome}: ${report.error}`;
  process.stderr.write(`lksh-stats: ${summary}\n`);
  return report.outcome === 'succeeded' ? 0 : 1;
}

let interruptedWith: number | undefined;

/**
 * Ctrl-C or SIGTERM during `sync` abandons the sync and lets the program
 * close the database and exit (the run is recorded as abandoned); a second
 * signal, or one while no sync runs, ends the program at once.
 */
function stopOnSignals(app: INestApplicationContext): void {
  const onSignal = (signal: NodeJS.Signals) => {
    const code = 128 + (osConstants.signals[signal] ?? 0);
    const sync = app.get(SyncService);
    if (interruptedWith !== undefined || !sync.isRunning) process.exit(code);
    interruptedWith = code;
    process.stderr.write(
      `lksh-stats: ${signal}: abandoning the sync; the stored data stays as it was\n`,
    );
    void sync.abandon();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
}

async function main(argv: string[]): Promise<number> {
  const [command, ...options] = argv;
  if (command === '--help' || command === '-h') {
    process.stderr.write(USAGE);
    return 0;
  }
  if (command !== undefined && command !== 'sync') {
    process.stderr.write(`lksh-stats: unknown command "${command}"\n${USAGE}`);
    return 2;
  }

  const environment = loadEnvironmentOrExit();
  // The console is quiet unless asked: only warnings reach stderr by default.
  if (!process.env.LOG_LEVEL) environment.LOG_LEVEL = 'warn';
  const logger = createAppLogger(environment, {
    name: 'lksh-stats-cli',
    files: false,
  });
  const target = await resolveUpstreamTarget(environment, logger);
  let app: INestApplicationContext | undefined;
  try {
    app = await NestFactory.createApplicationContext(
      CliModule.forRoot(environment, target),
      { logger },
    );
    const session = app.get(ConsoleSession);
    if (command !== 'sync') return await runQueries(session);
    stopOnSignals(app);
    return await runSync(session, options.includes('--full'));
  } finally {
    await app?.close();
    await target.stop();
  }
}

// A closed stdout (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    // Requests of the abandoned sync may still be in flight: do not wait.
    if (interruptedWith !== undefined) process.exit(interruptedWith);
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof EnvironmentError) {
      process.stderr.write(`lksh-stats: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`lksh-stats: ${describeErrorWithStack(error)}\n`);
    process.exitCode = 1;
  },
);
