import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { RequestLoggingMiddleware } from './common/http/request-logging.middleware';
import { createValidationPipe } from './common/validation/validation.pipe';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('lksh-stats')
    .setDescription(
      'Statistics of the LKSH football league, mirrored from the upstream into our own database: team statistics, head-to-head meetings of players and goals. Every data answer carries X-Data-Synced-At, Last-Modified and ETag.',
    )
    .setVersion('1.0.0')
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Everything an app needs beyond its modules, in one place, so that the
 * server and the e2e tests run the same pipeline.
 */
export function configureApp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const logging = new RequestLoggingMiddleware();
  app.use(logging.use.bind(logging));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();

  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
}
