import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { createAppLogger } from './common/logging/app-logger';
import { loadEnvironmentOrExit } from './config/load-environment';
import { resolveUpstreamTarget } from './demo/upstream-target';

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
  configureApp(app);
  app.enableShutdownHooks();
  process.once('beforeExit', () => void target.stop());

  await app.listen(environment.PORT);
  new Logger('Bootstrap').log(
    `Serving on ${await app.getUrl()} (API docs at /docs, pages at /front)`,
  );
}

void bootstrap();
