import { DynamicModule, Module } from '@nestjs/common';
import { Environment } from './config/environment';
import { ConsoleSession } from './console/console-session';
import { CoreModule } from './core.module';
import { UpstreamTarget } from './demo/upstream-target';

/** The console program: the shared core and nothing that listens or schedules. */
@Module({})
export class CliModule {
  static forRoot(
    environment: Environment,
    target: UpstreamTarget,
  ): DynamicModule {
    return {
      module: CliModule,
      imports: [CoreModule.forRoot(environment, target)],
      providers: [ConsoleSession],
    };
  }
}
