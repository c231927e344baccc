import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { createAppLogger } from './common/logging/app-logger';
import { describeErrorWithStack } from './common/describe-error';
import { EnvironmentError } from './config/environment';
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
    { logger },
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
  const { port } = app.getHttpServer().address() as AddressInfo;
  new Logger('Bootstrap').log(
    `Serving on http://localhost:${port} on all interfaces (pages at /front, API docs at /docs)`,
  );
}

bootstrap().catch((error: unknown) => {
  // Straight to stderr: the process exits at once, before any log transport
  // could flush, and a port already in use must not end in silence.
  const detail = describeErrorWithStack(error);
  const badSetting = error instanceof EnvironmentError;
  process.stderr.write(
    `lksh-stats: could not start: ${badSetting ? error.message : detail}\n`,
    () => process.exit(badSetting ? 2 : 1),
  );
});
