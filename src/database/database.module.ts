import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment';
import { buildDataSourceOptions } from './data-source.options';
import { prepareDatabaseFile } from './database-file';
import { LeagueRepository } from './league.repository';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Environment],
      useFactory: async (environment: Environment) => {
        await prepareDatabaseFile(environment.DATABASE_PATH);
        return {
          ...buildDataSourceOptions(environment.DATABASE_PATH),
          retryAttempts: 0,
        };
      },
    }),
  ],
  providers: [LeagueRepository],
  exports: [LeagueRepository],
})
export class DatabaseModule {}
