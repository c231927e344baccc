import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { SyncModule } from '../sync/sync.module';
import { HealthController } from './health.controller';
import { HealthIndicators } from './health.indicators';
import { HealthService } from './health.service';

/** `GET /health`, for operators and load balancers. */
@Module({
  // A failing check is visible in the answer and in the request log; the
  // health module's own error line would repeat it at every probe.
  imports: [TerminusModule.forRoot({ logger: false }), SyncModule],
  controllers: [HealthController],
  providers: [HealthIndicators, HealthService],
})
export class HealthModule {}
