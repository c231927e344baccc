import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { CreateLeagueSchema1733320000000 } from './migrations/1733320000000-create-league-schema';
import { RecordSyncSource1733330000000 } from './migrations/1733330000000-record-sync-source';

/** The one set of database options, shared by the app and the TypeORM CLI. */
export function buildDataSourceOptions(
  databasePath: string,
): DataSourceOptions {
  return {
    type: 'sqlite',
    database: databasePath,
    entities: ENTITIES,
    migrations: [
      CreateLeagueSchema1733320000000,
      RecordSyncSource1733330000000,
    ],
    migrationsRun: true,
    synchronize: false,
    // Errors reach the caller, which logs them once through the app's logger.
    logging: false,
    // WAL lets readers (a console run beside the server) read while a sync
    // writes; a busy database is waited for instead of failing at once.
    enableWAL: true,
    busyTimeout: 10_000,
  };
}
