import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { UpstreamTarget } from './demo/upstream-target';
import { GoalsModule } from './goals/goals.module';
import { LeagueModule } from './league/league.module';
import { StatsModule } from './stats/stats.module';
import { SyncModule } from './sync/sync.module';
import { SYNC_SOURCE } from './sync/sync-source';
import { UpstreamModule } from './upstream/upstream.module';
import { UpstreamClient } from './upstream/upstream.client';
import {
  UPSTREAM_OPTIONS,
  upstreamOptionsFromEnvironment,
} from './upstream/upstream.options';
import { VersusModule } from './versus/versus.module';

/** The upstream client, its options and the source name, for every module. */
function withSyncSource(
  upstream: DynamicModule,
  source: string,
): DynamicModule {
  return {
    ...upstream,
    global: true,
    providers: [
      ...(upstream.providers ?? []),
      { provide: SYNC_SOURCE, useValue: source },
    ],
    exports: [UpstreamClient, UPSTREAM_OPTIONS, SYNC_SOURCE],
  };
}

/**
 * The providers both entry points share: settings, storage, the upstream
 * client, sync, and the stats, versus and goals services.
 */
@Module({})
export class CoreModule {
  static forRoot(
    environment: Environment,
    target: UpstreamTarget,
  ): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(environment),
        DatabaseModule,
        LeagueModule,
        withSyncSource(
          UpstreamModule.register(
            upstreamOptionsFromEnvironment(environment, target.overrides),
          ),
          target.source ?? environment.LKSH_API_URL.replace(/\/+$/, ''),
        ),
        SyncModule,
        StatsModule,
        VersusModule,
        GoalsModule,
      ],
      exports: [SyncModule, StatsModule, VersusModule, GoalsModule],
    };
  }
}
