import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './src/database/data-source.options';

/** For the TypeORM CLI: `npm run typeorm -- migration:show`. */
export default new DataSource(
  buildDataSourceOptions(process.env.DATABASE_PATH ?? 'data/lksh.sqlite'),
);
