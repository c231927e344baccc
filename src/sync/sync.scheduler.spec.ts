import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { loadEnvironment } from '../config/environment';
import { FULL_REFRESH_JOB, REFRESH_JOB, SyncScheduler } from './sync.scheduler';
import { SyncService } from './sync.service';

describe('SyncScheduler', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  function setUp() {
    const registry = new SchedulerRegistry();
    const sync = { sync: jest.fn(() => new Promise(() => undefined)) };
    const scheduler = new SyncScheduler(
      sync as unknown as SyncService,
      registry,
      loadEnvironment({
        SYNC_CRON: '*/5 * * * *',
        SYNC_FULL_CRON: '0 3 * * *',
      }),
    );
    return { registry, sync, scheduler };
  }

  it('registers the refresh and the full refresh at the configured times, and syncs at once', () => {
    const { registry, sync, scheduler } = setUp();

    scheduler.onApplicationBootstrap();

    const refresh = registry.getCronJob(REFRESH_JOB);
    const full = registry.getCronJob(FULL_REFRESH_JOB);
    expect(refresh.cronTime.source).toBe('*/5 * * * *');
    expect(full.cronTime.source).toBe('0 3 * * *');
    expect(refresh.isActive).toBe(true);
    expect(sync.sync).toHaveBeenCalledWith('auto');
    scheduler.onModuleDestroy();
  });

  it('stops both jobs first thing on shutdown', () => {
    const { registry, scheduler } = setUp();
    scheduler.onApplicationBootstrap();

    scheduler.onModuleDestroy();

    expect(registry.getCronJob(REFRESH_JOB).isActive).toBe(false);
    expect(registry.getCronJob(FULL_REFRESH_JOB).isActive).toBe(false);
  });
});
