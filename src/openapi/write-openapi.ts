import 'reflect-metadata';
import { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateOpenApiDocument,
  OPENAPI_DOCUMENT_FILE,
  OPENAPI_WRITE_COMMAND,
  serializeOpenApiDocument,
} from './openapi-document';

const REPOSITORY_ROOT = join(__dirname, '..', '..');

/**
 * Writes docs/openapi.json from the built code. With `--check` it writes
 * nothing and fails when the committed file says anything else, in content
 * or in key order; its formatting does not count.
 */
async function main(): Promise<void> {
  const file = join(REPOSITORY_ROOT, OPENAPI_DOCUMENT_FILE);
  const text = serializeOpenApiDocument(await generateOpenApiDocument());

  if (!process.argv.includes('--check')) {
    writeFileSync(file, text);
    process.stderr.write(`Wrote ${OPENAPI_DOCUMENT_FILE}\n`);
    return;
  }
  const committed = JSON.parse(readFileSync(file, 'utf8')) as OpenAPIObject;
  if (serializeOpenApiDocument(committed) !== text) {
    process.stderr.write(
      `${OPENAPI_DOCUMENT_FILE} is out of date: run ${OPENAPI_WRITE_COMMAND}\n`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${String(error instanceof Error ? error.stack : error)}\n`,
  );
  process.exitCode = 1;
});
