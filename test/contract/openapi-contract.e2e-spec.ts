import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { OPENAPI_DOCUMENT_FILE } from '../../src/openapi/openapi-document';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import {
  LEAGUE_DATASET,
  makeWorkDir,
  removeWorkDir,
  REPOSITORY_ROOT,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';
import {
  ObservedResponse,
  optionalProperties,
  referencedSchemas,
  ResponseContract,
} from './response-contract';

/** The JSON endpoints whose every documented answer this file exercises. */
const DATA_OPERATIONS = [
  'GET /stats',
  'GET /versus',
  'GET /goals',
  'GET /teams',
  'GET /teams/{id}',
  'GET /players',
  'GET /players/{id}',
  'GET /matches',
];

interface ContractCase {
  /** Method and documented path, e.g. `GET /teams/{id}`. */
  operation: string;
  /** What is asked, path and query. */
  url: string;
  status: number;
  /** Ask the server that has no data yet. */
  empty?: boolean;
  /** Send the current ETag in If-None-Match. */
  revalidate?: boolean;
}

const TOO_LONG_ID = '1234567890123456';

const CASES: ContractCase[] = [
  { operation: 'GET /stats', url: '/stats?team_name=Chelsea', status: 200 },
  {
    operation: 'GET /stats',
    url: `/stats?team_name=${encodeURIComponent('Вареничная United')}`,
    status: 200,
  },
  { operation: 'GET /stats', url: '/stats', status: 400 },
  { operation: 'GET /stats', url: '/stats?team_name=', status: 400 },
  {
    operation: 'GET /stats',
    url: '/stats?team_name=Roma&team_name=Lazio',
    status: 400,
  },
  {
    operation: 'GET /stats',
    url: `/stats?team_name=${'x'.repeat(201)}`,
    status: 400,
  },
  { operation: 'GET /stats', url: '/stats?team_name=Chelsee', status: 404 },
  { operation: 'GET /stats', url: '/stats?team_name=Zzz', status: 404 },
  {
    operation: 'GET /stats',
    url: '/stats?team_name=Chelsea',
    status: 304,
    revalidate: true,
  },
  {
    operation: 'GET /stats',
    url: '/stats?team_name=Chelsea',
    status: 503,
    empty: true,
  },

  {
    operation: 'GET /versus',
    url: '/versus?player1_id=1&player2_id=7',
    status: 200,
  },
  {
    operation: 'GET /versus',
    url: '/versus?player1_id=1&player2_id=2',
    status: 200,
  },
  { operation: 'GET /versus', url: '/versus?player1_id=1', status: 400 },
  {
    operation: 'GET /versus',
    url: '/versus?player1_id=-1&player2_id=7',
    status: 400,
  },
  {
    operation: 'GET /versus',
    url: `/versus?player1_id=1&player2_id=${TOO_LONG_ID}`,
    status: 400,
  },
  {
    operation: 'GET /versus',
    url: '/versus?player1_id=1&player2_id=99999',
    status: 404,
  },
  {
    operation: 'GET /versus',
    url: '/versus?player1_id=1&player2_id=7',
    status: 304,
    revalidate: true,
  },
  {
    operation: 'GET /versus',
    url: '/versus?player1_id=1&player2_id=7',
    status: 503,
    empty: true,
  },

  { operation: 'GET /goals', url: '/goals?player_id=321', status: 200 },
  { operation: 'GET /goals', url: '/goals', status: 400 },
  { operation: 'GET /goals', url: '/goals?player_id=1.5', status: 400 },
  { operation: 'GET /goals', url: '/goals?player_id=99999', status: 404 },
  {
    operation: 'GET /goals',
    url: '/goals?player_id=321',
    status: 304,
    revalidate: true,
  },
  {
    operation: 'GET /goals',
    url: '/goals?player_id=321',
    status: 503,
    empty: true,
  },

  { operation: 'GET /teams', url: '/teams', status: 200 },
  { operation: 'GET /teams', url: '/teams', status: 304, revalidate: true },
  { operation: 'GET /teams', url: '/teams', status: 503, empty: true },

  { operation: 'GET /teams/{id}', url: '/teams/6', status: 200 },
  { operation: 'GET /teams/{id}', url: '/teams/40', status: 200 },
  { operation: 'GET /teams/{id}', url: '/teams/abc', status: 400 },
  { operation: 'GET /teams/{id}', url: '/teams/-1', status: 400 },
  { operation: 'GET /teams/{id}', url: `/teams/${TOO_LONG_ID}`, status: 400 },
  { operation: 'GET /teams/{id}', url: '/teams/999', status: 404 },
  {
    operation: 'GET /teams/{id}',
    url: '/teams/6',
    status: 304,
    revalidate: true,
  },
  {
    operation: 'GET /teams/{id}',
    url: '/teams/6',
    status: 503,
    empty: true,
  },

  { operation: 'GET /players', url: '/players', status: 200 },
  { operation: 'GET /players', url: '/players?search=messi', status: 200 },
  {
    operation: 'GET /players',
    url: '/players?search=nobody-has-this-name',
    status: 200,
  },
  {
    operation: 'GET /players',
    url: '/players?limit=100&offset=400',
    status: 200,
  },
  { operation: 'GET /players', url: '/players?limit=0', status: 400 },
  { operation: 'GET /players', url: '/players?limit=101', status: 400 },
  { operation: 'GET /players', url: '/players?offset=-1', status: 400 },
  {
    operation: 'GET /players',
    url: `/players?search=${'x'.repeat(101)}`,
    status: 400,
  },
  {
    operation: 'GET /players',
    url: '/players?search=a&search=b',
    status: 400,
  },
  {
    operation: 'GET /players',
    url: '/players',
    status: 304,
    revalidate: true,
  },
  { operation: 'GET /players', url: '/players', status: 503, empty: true },

  { operation: 'GET /players/{id}', url: '/players/1', status: 200 },
  { operation: 'GET /players/{id}', url: '/players/2', status: 200 },
  { operation: 'GET /players/{id}', url: '/players/x1', status: 400 },
  { operation: 'GET /players/{id}', url: '/players/99999', status: 404 },
  {
    operation: 'GET /players/{id}',
    url: '/players/1',
    status: 304,
    revalidate: true,
  },
  {
    operation: 'GET /players/{id}',
    url: '/players/1',
    status: 503,
    empty: true,
  },

  { operation: 'GET /matches', url: '/matches', status: 200 },
  { operation: 'GET /matches', url: '/matches?team_id=6', status: 200 },
  {
    operation: 'GET /matches',
    url: '/matches?limit=100&offset=700',
    status: 200,
  },
  { operation: 'GET /matches', url: '/matches?team_id=abc', status: 400 },
  { operation: 'GET /matches', url: '/matches?limit=abc', status: 400 },
  { operation: 'GET /matches', url: '/matches?team_id=999', status: 404 },
  {
    operation: 'GET /matches',
    url: '/matches',
    status: 304,
    revalidate: true,
  },
  { operation: 'GET /matches', url: '/matches', status: 503, empty: true },
];

/** The URL as a test title shows it: decoded, long parameters cut short. */
function shown(url: string): string {
  return decodeURIComponent(url).replace(/(\w)\1{9,}/g, '$1…');
}

describe('the answers keep the OpenAPI document', () => {
  let workDir: string;
  let sandbox: SandboxUpstream;
  let downSandbox: SandboxUpstream;
  let server: TestApp;
  let emptyServer: TestApp;
  let document: OpenAPIObject;
  let contract: ResponseContract;
  let etag: string;

  beforeAll(async () => {
    workDir = makeWorkDir();
    [sandbox, downSandbox] = await Promise.all([
      startSandbox(),
      startSandbox(LEAGUE_DATASET, { outage: 'http500' }),
    ]);
    [server, emptyServer] = await Promise.all([
      startTestApp({ sandbox, databasePath: join(workDir, 'league.sqlite') }),
      startTestApp({
        sandbox: downSandbox,
        databasePath: join(workDir, 'empty.sqlite'),
        settings: { UPSTREAM_MAX_RETRIES: '0' },
        waitForFirstSync: false,
      }),
    ]);
    const served = await request(server.url).get('/docs-json').expect(200);
    document = served.body;
    contract = new ResponseContract(document);
    const teams = await request(server.url).get('/teams').expect(200);
    etag = String(teams.headers.etag);
  });

  afterAll(async () => {
    await Promise.all([server?.close(), emptyServer?.close()]);
    await Promise.all([sandbox?.stop(), downSandbox?.stop()]);
    removeWorkDir(workDir);
  });

  it('serves the committed docs/openapi.json at /docs-json', () => {
    const committed = readFileSync(
      join(REPOSITORY_ROOT, OPENAPI_DOCUMENT_FILE),
      'utf8',
    );
    expect(document).toEqual(JSON.parse(committed));
  });

  it.each(CASES.map((entry) => ({ ...entry, shown: shown(entry.url) })))(
    '$operation answers $shown with $status as documented',
    async ({ operation, url, status, empty, revalidate }) => {
      const [method, path] = operation.split(' ');
      const target = empty ? emptyServer : server;
      const call = request(target.url)
        .get(url)
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => done(null, text));
        });
      const response = revalidate
        ? await call.set('If-None-Match', etag)
        : await call;

      expect(response.status).toBe(status);
      expect(
        contract.problems(method, path, {
          status: response.status,
          headers: response.headers,
          text: response.body as string,
        }),
      ).toEqual([]);
    },
  );

  describe('the check itself', () => {
    let chelsea: ObservedResponse;

    beforeAll(async () => {
      const response = await request(server.url).get('/teams/6').expect(200);
      chelsea = {
        status: 200,
        headers: response.headers,
        text: response.text,
      };
    });

    const withBody = (edit: (body: Record<string, unknown>) => void) => {
      const body = JSON.parse(chelsea.text) as Record<string, unknown>;
      edit(body);
      return { ...chelsea, text: JSON.stringify(body) };
    };

    it('passes the real answer', () => {
      expect(contract.problems('GET', '/teams/{id}', chelsea)).toEqual([]);
    });

    it('fails a field the document lacks, however deep', () => {
      const extra = withBody((body) => {
        (body.roster as Record<string, unknown>[])[0].nickname = 'Le Roi';
      });

      expect(contract.problems('GET', '/teams/{id}', extra)).toEqual([
        expect.stringContaining(
          '/roster/0 must NOT have additional properties "nickname"',
        ),
      ]);
    });

    it('fails a required field left out', () => {
      const missing = withBody((body) => {
        delete body.wins;
      });

      expect(contract.problems('GET', '/teams/{id}', missing)).toEqual([
        expect.stringContaining("must have required property 'wins'"),
      ]);
    });

    it('fails a documented header left out', () => {
      const headers = { ...chelsea.headers, 'x-data-synced-at': undefined };

      expect(
        contract.problems('GET', '/teams/{id}', { ...chelsea, headers }),
      ).toEqual([
        expect.stringContaining('header X-Data-Synced-At is missing'),
      ]);
    });

    it('fails a status the operation does not document', () => {
      expect(
        contract.problems('GET', '/teams', { ...chelsea, status: 404 }),
      ).toEqual(['GET /teams does not document status 404']);
    });
  });

  it('exercises every documented status of every data endpoint', () => {
    const documented = DATA_OPERATIONS.flatMap((operation) => {
      const [method, path] = operation.split(' ');
      const responses = contract.operation(method, path)?.responses ?? {};
      return Object.keys(responses).map((status) => `${operation} ${status}`);
    });
    const exercised = new Set(
      CASES.map(({ operation, status }) => `${operation} ${status}`),
    );

    expect(documented.filter((entry) => !exercised.has(entry))).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(DATA_OPERATIONS.length);
  });

  it('documents every error of the data endpoints with the one ErrorBodyDto', () => {
    const errors = DATA_OPERATIONS.flatMap((operation) => {
      const [method, path] = operation.split(' ');
      const responses = contract.operation(method, path)?.responses ?? {};
      return Object.entries(responses)
        .filter(([status]) => Number(status) >= 400)
        .map(([status, response]) => ({
          at: `${operation} ${status}`,
          schema: (response as ResponseObject).content?.['application/json']
            ?.schema,
        }));
    });

    expect(errors.length).toBeGreaterThan(DATA_OPERATIONS.length);
    for (const { at, schema } of errors) {
      expect({ at, schema }).toEqual({
        at,
        schema: { $ref: '#/components/schemas/ErrorBodyDto' },
      });
    }
  });

  it('requires every field the data endpoints always send', () => {
    const schemas = DATA_OPERATIONS.flatMap((operation) => {
      const [method, path] = operation.split(' ');
      return referencedSchemas(
        document,
        contract.operation(method, path)?.responses,
      );
    });

    expect(schemas).toContain('ErrorBodyDto');
    expect(
      optionalProperties(document, [...new Set(schemas)], {
        ErrorBodyDto: ['suggestions'],
      }),
    ).toEqual([]);
  });

  it('gives every operation its own readable operation id', () => {
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId?: string }>).map(
        (operation) => operation.operationId,
      ),
    );

    expect(
      ids.every((id) => id !== undefined && /^[a-z][A-Za-z]*$/.test(id)),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
