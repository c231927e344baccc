import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { RequestLoggingMiddleware } from './common/http/request-logging.middleware';
import { createValidationPipe } from './common/validation/validation.pipe';
import { configureViews } from './front/front.setup';
import { buildOpenApiDocument } from './openapi/openapi-document';

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
  app.useGlobalFilters(new HttpExceptionFilter(configureViews(app)));

  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
  });
}
