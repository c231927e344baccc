import { Database, OPEN_READONLY } from 'sqlite3';

/** Reads rows straight from a database file, as an operator's sqlite3 would. */
export function queryDatabaseFile<Row>(
  path: string,
  sql: string,
): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    const database: Database = new Database(path, OPEN_READONLY, (error) => {
      if (error) {
        reject(error);
        return;
      }
      database.all<Row>(sql, (queryError, rows) => {
        database.close(() => (queryError ? reject(queryError) : resolve(rows)));
      });
    });
  });
}
