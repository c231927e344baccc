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
import { Database, OPEN_READONLY } from 'sqlite3';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Errors that say the file's content is broken, not that it is locked or unreadable. */
const CORRUPTION_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);
/** SQLite's companions of a database file; stale ones would be replayed into a new file. */
const COMPANION_SUFFIXES = ['-journal', '-wal', '-shm'];

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

/** What is wrong inside a file with an SQLite header; null when nothing is. */
function findCorruption(path: string): Promise<string | null> {
  const corruption = (error: Error | null): string | null => {
    const code = error && 'code' in error ? String(error.code) : '';
    return error && CORRUPTION_CODES.has(code) ? error.message : null;
  };
  return new Promise((resolve) => {
    const database: Database = new Database(path, OPEN_READONLY, (error) => {
      if (error) {
        resolve(corruption(error));
        return;
      }
      database.all<Record<string, string>>(
        'PRAGMA quick_check',
        (checkError, rows) => {
          const verdict = checkError
            ? corruption(checkError)
            : rows.map((row) => Object.values(row).join(' ')).join('; ');
          database.close(() =>
            resolve(verdict === 'ok' ? null : (verdict ?? null)),
          );
        },
      );
    });
  });
}

/**
 * Makes sure the database file can be opened: creates its folder, and moves
 * a file that is not an intact SQLite database aside (kept for inspection)
 * so that the service starts fresh and syncs instead of failing at every
 * start. Other errors (permissions, locks) are left for the real open to report.
 */
export async function prepareDatabaseFile(
  path: string,
  logger = new Logger('Database'),
): Promise<void> {
  if (path === ':memory:') return;
  mkdirSync(dirname(path), { recursive: true });
  if (!existsSync(path)) {
    logger.log(
      `No database file at ${path}: creating an empty one; the first sync fills it`,
    );
    return;
  }
  if (statSync(path).size === 0) return;
  const problem =
    readHeader(path) === SQLITE_HEADER
      ? await findCorruption(path)
      : 'not an SQLite database';
  if (problem === null) return;

  const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, aside);
  for (const suffix of COMPANION_SUFFIXES) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  logger.error(
    `Database file ${path} is unusable (${problem}): moved it to ${aside} and starting with an empty one; the next sync fills it`,
  );
}
