import type { OpenAPIObject } from '@nestjs/swagger';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { HealthReportDto } from '../../src/health/dto/health-report.dto';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { ResponseContract } from '../contract/response-contract';
import {
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
  TestApp,
} from '../support/test-app';

interface HealthAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  report: HealthReportDto;
}

async function getHealth(server: TestApp): Promise<HealthAnswer> {
  const response = await fetch(`${server.url}/health`);
  const text = await response.text();
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    text,
    report: JSON.parse(text) as HealthReportDto,
  };
}

describe('GET /health', () => {
  let workDir: string;
  let sandbox: SandboxUpstream;
  let server: TestApp;
  let contract: ResponseContract;
  let document: OpenAPIObject;

  beforeAll(async () => {
    workDir = makeWorkDir();
    sandbox = await startSandbox();
    server = await startTestApp({
      sandbox,
      databasePath: join(workDir, 'league.sqlite'),
      settings: { UPSTREAM_MAX_RETRIES: '0' },
    });
    document = (await (
      await fetch(`${server.url}/docs-json`)
    ).json()) as OpenAPIObject;
    contract = new ResponseContract(document);
  });

  afterEach(() => sandbox.resetFaults());

  afterAll(async () => {
    await server?.close();
    await sandbox?.stop();
    removeWorkDir(workDir);
  });

  it('is documented under the health tag, with its 200 and 503 answers', () => {
    const operation = document.paths['/health']?.get;
    expect(operation?.tags).toEqual(['health']);
    for (const status of ['200', '503']) {
      expect(operation?.responses[status]).toMatchObject({
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/HealthReportDto' },
          },
        },
      });
    }
  });

  it('answers 200 ok with every indicator up after a successful sync', async () => {
    const health = await getHealth(server);

    expect(health.status).toBe(200);
    expect(health.headers['cache-control']).toBe('no-store');
    expect(contract.problems('GET', '/health', health)).toEqual([]);
    expect(health.report).toMatchObject({
      status: 'ok',
      error: {},
      details: {
        database: { status: 'up' },
        data: {
          status: 'up',
          loaded: true,
          teams: 40,
          players: 433,
          matches: 780,
          goals: 3943,
          synced_at: server.firstSync && expect.any(String),
        },
        sync: {
          status: 'up',
          running: false,
          last_run: {
            id: server.firstSync?.runId,
            kind: 'full',
            outcome: 'succeeded',
            requests: 1216,
            error: null,
          },
          schedule: { incremental: '*/10 * * * *', full: '17 */6 * * *' },
        },
        upstream: { status: 'up', state: 'healthy' },
      },
    });
    expect(health.report.details.data.age_seconds).toBeLessThan(60);
    expect(Object.keys(health.report.info).sort()).toEqual([
      'data',
      'database',
      'sync',
      'upstream',
    ]);
  });

  it('answers 200 degraded, still documented, while the upstream is down', async () => {
    sandbox.setFaults({ outage: 'http500' });
    const report = await server.sync.sync();

    const health = await getHealth(server);

    expect(health.status).toBe(200);
    expect(contract.problems('GET', '/health', health)).toEqual([]);
    expect(health.report.status).toBe('degraded');
    expect(health.report.details.sync.last_run).toMatchObject({
      id: report.runId,
      outcome: 'failed',
      error: 'GET /teams: HTTP 500 Internal Server Error',
    });
    expect(Object.keys(health.report.error).sort()).toEqual([
      'sync',
      'upstream',
    ]);
  });

  it('turns ok again once a sync succeeds', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const report = await server.sync.sync();
    expect(report.outcome).toBe('succeeded');

    const health = await getHealth(server);

    expect(health.report.status).toBe('ok');
  });

  it('answers 503, documented, when the database does not respond', async () => {
    await server.app.get(DataSource).destroy();

    const health = await getHealth(server);

    expect(health.status).toBe(503);
    expect(contract.problems('GET', '/health', health)).toEqual([]);
    expect(health.report.status).toBe('error');
    expect(health.report.details.database).toEqual({
      status: 'down',
      message: expect.any(String) as string,
    });
    expect(health.report.details.data.status).toBe('up');
  });
});
