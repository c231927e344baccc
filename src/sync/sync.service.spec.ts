import { Environment } from '../config/environment';
import { LeagueSnapshot } from '../league/league-snapshot';
import { Logger } from '@nestjs/common';
import { LeagueRepository } from '../database/league.repository';
import { SyncRunEntity } from '../database/entities/sync-run.entity';
import { LeagueService } from '../league/league.service';
import { Team } from '../league/league.types';
import { UpstreamClient } from '../upstream/upstream.client';
import { UpstreamClientOptions } from '../upstream/upstream.options';
import { SyncService } from './sync.service';

const TEAMS: Team[] = [{ id: 1, name: 'Reds', playerIds: [] }];

function fakeRepository() {
  let nextId = 1;
  return {
    startRun: jest.fn(() => Promise.resolve({ id: nextId++ } as SyncRunEntity)),
    failRun: jest.fn(() => Promise.resolve()),
    abandonRun: jest.fn(() => Promise.resolve()),
    replaceLeague: jest.fn((run: SyncRunEntity) =>
      Promise.resolve({ ...run, finishedAt: new Date() }),
    ),
    confirmLeague: jest.fn((run: SyncRunEntity) =>
      Promise.resolve({ ...run, finishedAt: new Date() }),
    ),
  };
}

function setUp(getTeams: () => Promise<Team[]>) {
  const repository = fakeRepository();
  const upstream = {
    requestCount: 0,
    getTeams: jest.fn(getTeams),
    getMatches: jest.fn(() => Promise.resolve([])),
  };
  const league = new LeagueService(repository as unknown as LeagueRepository);
  const service = new SyncService(
    upstream as unknown as UpstreamClient,
    repository as unknown as LeagueRepository,
    league,
    { concurrency: 2 } as UpstreamClientOptions,
    'http://upstream.test',
    { SYNC_FULL_CRON: '0 */6 * * *' } as Environment,
  );
  return { service, repository, upstream, league };
}

function storeLeague(
  league: LeagueService,
  provenance: { source: string | null; fullSyncedAt: Date | null },
): void {
  const now = new Date();
  league.replace(
    new LeagueSnapshot(
      { teams: TEAMS, players: [], matches: [], goals: [] },
      { syncedAt: now, modifiedAt: now },
    ),
    provenance,
  );
}

describe('SyncService', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('joins the running sync instead of starting a second one', async () => {
    const { service, repository } = setUp(() => Promise.resolve(TEAMS));

    const [first, second] = await Promise.all([
      service.sync(),
      service.sync('full'),
    ]);

    expect(second).toBe(first);
    expect(first.outcome).toBe('succeeded');
    expect(repository.startRun).toHaveBeenCalledTimes(1);
  });

  it('runs a full sync asked for during a refresh right after that refresh', async () => {
    const { service, repository, league } = setUp(() => Promise.resolve(TEAMS));
    storeLeague(league, {
      source: 'http://upstream.test',
      fullSyncedAt: new Date(),
    });

    const [refresh, full] = await Promise.all([
      service.sync('auto'),
      service.sync('full'),
    ]);

    expect(refresh.kind).toBe('incremental');
    expect(full.kind).toBe('full');
    expect(repository.startRun).toHaveBeenCalledTimes(2);
  });

  it('syncs fully instead of merging into data from another source', async () => {
    const { service, league } = setUp(() => Promise.resolve(TEAMS));
    storeLeague(league, {
      source: 'demo:/datasets/example',
      fullSyncedAt: new Date(),
    });

    await expect(service.sync('incremental')).resolves.toMatchObject({
      kind: 'full',
    });
  });

  it('makes an automatic refresh full once a full-refresh period has passed', async () => {
    const { service, league } = setUp(() => Promise.resolve(TEAMS));
    storeLeague(league, {
      source: 'http://upstream.test',
      fullSyncedAt: new Date(Date.now() - 7 * 3600_000),
    });

    await expect(service.sync('auto')).resolves.toMatchObject({
      kind: 'full',
    });
  });

  it('keeps an automatic refresh incremental while a recent full sync stands', async () => {
    const { service, league } = setUp(() => Promise.resolve(TEAMS));
    storeLeague(league, {
      source: 'http://upstream.test',
      fullSyncedAt: new Date(Date.now() - 3600_000),
    });

    await expect(service.sync('auto')).resolves.toMatchObject({
      kind: 'incremental',
    });
  });

  it('abandons a sync stuck on the upstream at once, storing nothing and recording the run', async () => {
    const { service, repository, league } = setUp(
      () => new Promise<Team[]>(() => undefined),
    );

    const running = service.sync();
    await new Promise((resolve) => setImmediate(resolve));
    const report = await service.abandon();

    expect(report).toMatchObject({ runId: 1, outcome: 'abandoned' });
    await expect(running).resolves.toBe(report);
    expect(repository.abandonRun).toHaveBeenCalledWith(
      expect.objectContaining({ id: 1 }),
      'sync abandoned: the service is shutting down',
      0,
    );
    expect(repository.failRun).not.toHaveBeenCalled();
    expect(repository.replaceLeague).not.toHaveBeenCalled();
    expect(league.current).toBeNull();
    expect(service.isRunning).toBe(false);
  });

  it('starts no sync once shutdown has begun', async () => {
    const { service, repository } = setUp(() => Promise.resolve(TEAMS));
    await service.beforeApplicationShutdown();

    const report = await service.sync();

    expect(report).toMatchObject({ runId: null, outcome: 'abandoned' });
    expect(repository.startRun).not.toHaveBeenCalled();
  });

  it('reports a failure, without rejecting, when the run cannot be recorded', async () => {
    const { service, repository, upstream } = setUp(() =>
      Promise.resolve(TEAMS),
    );
    repository.startRun.mockRejectedValueOnce(new Error('SQLITE_BUSY'));

    const report = await service.sync();

    expect(report).toMatchObject({ runId: null, outcome: 'failed' });
    expect(report.error).toMatch(/SQLITE_BUSY/);
    expect(upstream.getTeams).not.toHaveBeenCalled();
  });

  it('records an upstream failure as failed and keeps the current data', async () => {
    const { service, repository, league } = setUp(() =>
      Promise.reject(new Error('GET /teams: HTTP 500')),
    );

    const report = await service.sync();

    expect(report).toMatchObject({
      runId: 1,
      outcome: 'failed',
      error: 'GET /teams: HTTP 500',
    });
    expect(repository.failRun).toHaveBeenCalledWith(
      expect.objectContaining({ id: 1 }),
      'GET /teams: HTTP 500',
      0,
    );
    expect(league.current).toBeNull();
  });
});
