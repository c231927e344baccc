import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { CreateLeagueSchema1733320000000 } from './migrations/1733320000000-create-league-schema';

/** The one set of database options, shared by the app and the TypeORM CLI. */
export function buildDataSourceOptions(
  databasePath: string,
): DataSourceOptions {
  return {
    type: 'sqlite',
    database: databasePath,
    entities: ENTITIES,
    migrations: [CreateLeagueSchema1733320000000],
    migrationsRun: true,
    synchronize: false,
    logging: ['error'],
  };
}
