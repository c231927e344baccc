import { join } from 'node:path';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import {
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';

interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header';
  schema?: { type?: string };
}

interface Operation {
  path: string;
  query: OpenApiParameter[];
  pathParameters: OpenApiParameter[];
}

/** Sent percent-encoded, so the service sees exactly these strings. */
const HOSTILE_VALUES = [
  '',
  ' ',
  '  1  ',
  'abc',
  '-1',
  '-0',
  '+1',
  '1.5',
  '1e3',
  '0x1F',
  '١٢',
  '9007199254740993',
  '99999999999999999999999999',
  'Infinity',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '1'.repeat(10_240),
  'x'.repeat(10_240),
  "' OR 1=1 --",
  '1; DROP TABLE teams; --',
  '" OR ""="',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  'Вареничная United',
  '😀⚽',
  '\u0000',
  '1\u0000',
  '\u202e',
  '\uFEFF1',
  'Chelsea\r\n',
];

/** Sent as they are: broken or tricky percent-encoding. */
const RAW_VALUES = [
  '%',
  '%zz',
  '%00',
  '%E0%A4%A',
  '%C0%AF',
  '..%2F..%2F',
  '%FF%FE',
];

function validValue(parameter: OpenApiParameter): string {
  if (parameter.name === 'team_name') return 'Chelsea';
  return parameter.schema?.type === 'integer' ? '1' : 'a';
}

function withPath(
  operation: Operation,
  values: Record<string, string>,
): string {
  return operation.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => values[name],
  );
}

function query(pairs: Array<[string, string]>): string {
  return pairs.length === 0
    ? ''
    : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

/** Every request to make: each parameter in turn gets each hostile value. */
function hostileRequests(operation: Operation): string[] {
  const valid = Object.fromEntries(
    [...operation.query, ...operation.pathParameters].map((p) => [
      p.name,
      encodeURIComponent(validValue(p)),
    ]),
  );
  const values = [...HOSTILE_VALUES.map(encodeURIComponent), ...RAW_VALUES];
  const urls: string[] = [];
  const build = (
    changed: Record<string, string>,
    extra: Array<[string, string]> = [],
  ) => {
    const all = { ...valid, ...changed };
    return (
      withPath(operation, all) +
      query([
        ...operation.query.map((p): [string, string] => [p.name, all[p.name]]),
        ...extra,
      ])
    );
  };

  for (const parameter of [...operation.query, ...operation.pathParameters]) {
    for (const value of values) urls.push(build({ [parameter.name]: value }));
  }
  for (const parameter of operation.query) {
    const v = valid[parameter.name];
    urls.push(build({}, [[parameter.name, v]]));
    urls.push(build({}, [[parameter.name, '2']]));
    urls.push(build({}, [[`${parameter.name}[]`, v]]));
    urls.push(build({}, [[`${parameter.name}[x]`, v]]));
  }
  urls.push(withPath(operation, valid));
  urls.push(`${build({})}&unknown=1&=1&&`);
  return urls;
}

describe('hostile request parameters', () => {
  let workDir: string;
  let sandbox: SandboxUpstream;
  let server: TestApp;
  let operations: Operation[];

  beforeAll(async () => {
    workDir = makeWorkDir();
    sandbox = await startSandbox();
    server = await startTestApp({
      sandbox,
      databasePath: join(workDir, 'league.sqlite'),
    });
    const document = (await (
      await fetch(`${server.url}/docs-json`)
    ).json()) as {
      paths: Record<string, { get?: { parameters?: OpenApiParameter[] } }>;
    };
    operations = Object.entries(document.paths)
      .filter(([, methods]) => methods.get)
      .map(([path, methods]) => ({
        path,
        query: (methods.get?.parameters ?? []).filter((p) => p.in === 'query'),
        pathParameters: (methods.get?.parameters ?? []).filter(
          (p) => p.in === 'path',
        ),
      }));
  });

  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('finds the data endpoints in the API description', () => {
    expect(operations.map((o) => o.path)).toEqual(
      expect.arrayContaining(['/stats', '/versus', '/goals', '/health']),
    );
  });

  it('never answers 500 to malformed, huge, negative, non-numeric, Unicode, repeated or injection-like parameters', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      for (const url of hostileRequests(operation)) {
        const response = await fetch(server.url + url);
        await response.arrayBuffer();
        sent++;
        if (response.status >= 500) {
          failures.push(`${response.status} ${url.slice(0, 120)}`);
        }
      }
    }

    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  }, 120_000);

  it('answers a repeated If-None-Match or a 10 kB one without a 500', async () => {
    for (const tag of ['*', '"x", "y"', 'W/"abc"', '"'.repeat(10_240)]) {
      const response = await fetch(`${server.url}/stats?team_name=Chelsea`, {
        headers: { 'If-None-Match': tag },
      });
      expect([200, 304]).toContain(response.status);
    }
  });
});
