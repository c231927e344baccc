import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { Environment } from '../config/environment';
import { SyncRequest, SyncService } from './sync.service';

export const REFRESH_JOB = 'league-refresh';
export const FULL_REFRESH_JOB = 'league-full-refresh';

/**
 * Keeps the stored league fresh: a sync right after start, an incremental
 * refresh on SYNC_CRON and a full one on SYNC_FULL_CRON. Only the server
 * loads this; the console program never schedules.
 */
@Injectable()
export class SyncScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SyncScheduler.name);

  constructor(
    private readonly sync: SyncService,
    private readonly registry: SchedulerRegistry,
    private readonly environment: Environment,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(REFRESH_JOB, this.environment.SYNC_CRON, 'auto');
    this.schedule(FULL_REFRESH_JOB, this.environment.SYNC_FULL_CRON, 'full');
    void this.sync.sync('auto');
  }

  /** First thing on shutdown, so that no tick starts a sync while stopping. */
  onModuleDestroy(): void {
    for (const name of [REFRESH_JOB, FULL_REFRESH_JOB]) {
      if (this.registry.doesExist('cron', name)) {
        void this.registry.getCronJob(name).stop();
      }
    }
  }

  private schedule(
    name: string,
    expression: string,
    request: SyncRequest,
  ): void {
    const job = CronJob.from({
      cronTime: expression,
      onTick: () => void this.sync.sync(request),
      start: true,
    });
    this.registry.addCronJob(name, job);
    this.logger.log(`Scheduled ${name} (${request}) at "${expression}"`);
  }
}
