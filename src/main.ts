import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { createAppLogger } from './common/logging/app-logger';
import { loadEnvironmentOrExit } from './config/load-environment';
import { resolveUpstreamTarget } from './demo/upstream-target';

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];

async function bootstrap(): Promise<void> {
  const environment = loadEnvironmentOrExit();
  const logger = createAppLogger(environment, {
    name: 'lksh-stats',
    files: true,
  });
  const target = await resolveUpstreamTarget(environment, logger);

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(environment, target),
    { logger, bufferLogs: true },
  );
  // Before configureApp: these signals then end with exit code 0 (Nest's
  // default re-raises the signal once closed), after the hooks have run.
  app.enableShutdownHooks(SHUTDOWN_SIGNALS, { useProcessExit: true });
  configureApp(app);
  for (const signal of SHUTDOWN_SIGNALS) {
    process.once(signal, () =>
      new Logger('Bootstrap').log(
        `${signal} received: no new requests or syncs, abandoning a running sync, closing the database`,
      ),
    );
  }
  process.once('beforeExit', () => void target.stop());

  await app.listen(environment.PORT);
  new Logger('Bootstrap').log(
    `Serving on ${await app.getUrl()} (API docs at /docs, pages at /front)`,
  );
}

bootstrap().catch((error: unknown) => {
  new Logger('Bootstrap').error(
    `Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
