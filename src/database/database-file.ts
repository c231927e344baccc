import { Logger } from '@nestjs/common';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';

const SQLITE_HEADER = 'SQLite format 3\u0000';

function readHeader(path: string): string {
  const descriptor = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(descriptor, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Makes sure the database file can be opened: creates its folder, and moves
 * a file that is not an SQLite database aside (kept for inspection) so that
 * the service starts fresh and syncs instead of failing at every start.
 */
export function prepareDatabaseFile(
  path: string,
  logger = new Logger('Database'),
): void {
  if (path === ':memory:') return;
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path) || statSync(path).size === 0) return;
  if (readHeader(path) === SQLITE_HEADER) return;

  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  logger.error(
    `Database file ${path} is not an SQLite database: moved it to ${aside} and starting with an empty one; the next sync fills it`,
  );
}
