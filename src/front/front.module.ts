import { Module } from '@nestjs/common';
import { GoalsModule } from '../goals/goals.module';
import { StatsModule } from '../stats/stats.module';
import { SyncModule } from '../sync/sync.module';
import { VersusModule } from '../versus/versus.module';
import { FrontErrorPages } from './front-error-pages.service';
import { FrontPages } from './front-pages.service';
import { FrontController } from './front.controller';
import { PageFreshnessInterceptor } from './page-freshness.interceptor';
import { StalenessService } from './staleness.service';

/** The HTML pages under /front; the server imports it, the console does not. */
@Module({
  imports: [StatsModule, VersusModule, GoalsModule, SyncModule],
  controllers: [FrontController],
  providers: [
    FrontPages,
    FrontErrorPages,
    StalenessService,
    PageFreshnessInterceptor,
  ],
  exports: [FrontErrorPages],
})
export class FrontModule {}
