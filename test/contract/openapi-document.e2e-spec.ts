import type { OpenAPIObject } from '@nestjs/swagger';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  generateOpenApiDocument,
  OPENAPI_DOCUMENT_FILE,
  OPENAPI_WRITE_COMMAND,
  serializeOpenApiDocument,
} from '../../src/openapi/openapi-document';
import { REPOSITORY_ROOT } from '../support/test-app';

const BUILT_WRITER = join(
  REPOSITORY_ROOT,
  'dist',
  'openapi',
  'write-openapi.js',
);

function firstDifference(committed: string, generated: string): string {
  const old = committed.split('\n');
  const now = generated.split('\n');
  const line = now.findIndex((text, index) => text !== old[index]);
  const at = line === -1 ? now.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(old[at] ?? '')}, generated ${JSON.stringify(now[at] ?? '')}`;
}

describe('docs/openapi.json', () => {
  // Parsed and written again, so that only content and key order count.
  const committed = () =>
    serializeOpenApiDocument(
      JSON.parse(
        readFileSync(join(REPOSITORY_ROOT, OPENAPI_DOCUMENT_FILE), 'utf8'),
      ) as OpenAPIObject,
    );

  it('is what the code generates now', async () => {
    const generated = serializeOpenApiDocument(await generateOpenApiDocument());
    const current = committed();

    if (current !== generated) {
      throw new Error(
        `${OPENAPI_DOCUMENT_FILE} is out of date; regenerate it with \`${OPENAPI_WRITE_COMMAND}\`. First difference at ${firstDifference(current, generated)}`,
      );
    }
    expect(JSON.parse(current)).toHaveProperty('openapi', '3.0.0');
  });

  it('comes out the same from two generations in a row', async () => {
    const first = serializeOpenApiDocument(await generateOpenApiDocument());
    const second = serializeOpenApiDocument(await generateOpenApiDocument());

    expect(second).toBe(first);
  });

  it('is what the built generator writes, so the tests see the build', async () => {
    expect(existsSync(BUILT_WRITER)).toBe(true);

    const run = promisify(execFile)(
      process.execPath,
      [BUILT_WRITER, '--check'],
      { cwd: REPOSITORY_ROOT, env: { PATH: process.env.PATH ?? '' } },
    );

    await expect(run).resolves.toMatchObject({ stderr: '' });
  });
});
