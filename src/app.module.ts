import { DynamicModule, Module } from '@nestjs/common';
import { Environment } from './config/environment';
import { CoreModule } from './core.module';
import { UpstreamTarget } from './demo/upstream-target';
import { FrontModule } from './front/front.module';
import { HealthModule } from './health/health.module';
import { MatchesModule } from './matches/matches.module';
import { PlayersModule } from './players/players.module';
import { SyncSchedulerModule } from './sync/sync-scheduler.module';
import { TeamsModule } from './teams/teams.module';

/** The HTTP server: the shared core, the refresh schedule, the controllers. */
@Module({})
export class AppModule {
  static forRoot(
    environment: Environment,
    target: UpstreamTarget,
  ): DynamicModule {
    const core = CoreModule.forRoot(environment, target);
    return {
      module: AppModule,
      imports: [
        core,
        SyncSchedulerModule,
        HealthModule,
        FrontModule,
        TeamsModule,
        PlayersModule,
        MatchesModule,
      ],
    };
  }
}
