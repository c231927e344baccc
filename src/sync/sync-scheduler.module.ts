import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { SyncModule } from './sync.module';
import { SyncScheduler } from './sync.scheduler';

/** The refresh schedule; the server imports it, the console program does not. */
@Module({
  imports: [ScheduleModule.forRoot(), SyncModule],
  providers: [SyncScheduler],
})
export class SyncSchedulerModule {}
