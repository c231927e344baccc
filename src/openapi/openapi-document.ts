import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../app.module';
import { loadEnvironment } from '../config/environment';

/** Where the committed document lives, from the repository root. */
export const OPENAPI_DOCUMENT_FILE = join('docs', 'openapi.json');

export const OPENAPI_WRITE_COMMAND =
  'npx nest build && node dist/openapi/write-openapi.js';

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => byText(a, b)),
  );
}

/**
 * The swagger plugin lists a string-literal union in the order the type
 * checker happens to hold it, which differs between `nest build` and ts-jest.
 * It also calls every TypeScript `number` a `number`, while every number
 * this API sends is whole (ids, counts, scores, minutes, seconds): the
 * document says `integer`, so generated clients get integer types, and the
 * contract tests reject any fraction that would ever be sent.
 */
function normalizeSchemas(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeSchemas);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'enum' && Array.isArray(value)
        ? [...(value as unknown[])].sort((a, b) => byText(String(a), String(b)))
        : key === 'type' && value === 'number'
          ? 'integer'
          : normalizeSchemas(value),
    ]),
  );
}

/**
 * The OpenAPI document of every controller the app has. Paths and schemas
 * are sorted so that the written file changes only when the API does, not
 * when modules are imported in another order.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('lksh-stats')
    .setDescription(
      'Statistics of the LKSH football league, mirrored from the upstream into our own database: team statistics, head-to-head meetings of players, goals, and the teams, players and matches themselves. Every data answer carries X-Data-Synced-At, Last-Modified and ETag; every error has the same body (ErrorBodyDto).',
    )
    .setVersion('1.0.0')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
  const schemas = document.components?.schemas;
  return normalizeSchemas({
    ...document,
    paths: sortedByKey(document.paths),
    components: {
      ...document.components,
      ...(schemas && { schemas: sortedByKey(schemas) }),
    },
  }) as OpenAPIObject;
}

/** The document as the committed file holds it: two-space JSON, final newline. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Builds the server's module tree without starting it: no `init`, so no
 * lifecycle hook runs, no sync starts and nothing is sent anywhere. The
 * upstream address points at a closed loopback port all the same, and the
 * database is a throw-away file.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const workDir = mkdtempSync(join(tmpdir(), 'lksh-stats-openapi-'));
  try {
    const environment = loadEnvironment({
      LKSH_API_URL: 'http://127.0.0.1:9',
      LKSH_TOKEN: 'openapi-generation',
      DATABASE_PATH: join(workDir, 'openapi.sqlite'),
      LOG_DIR: '',
      LOG_LEVEL: 'error',
    });
    const app = await NestFactory.create(
      AppModule.forRoot(environment, {
        demo: false,
        overrides: {},
        stop: () => Promise.resolve(),
      }),
      { logger: false, abortOnError: false },
    );
    try {
      return buildOpenApiDocument(app);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
