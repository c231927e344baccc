import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from './test-app';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Base URL on 127.0.0.1 with the port the server chose. */
  url: string;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  exited: Promise<ProcessExit>;
  /** Sends the signal and waits for the exit, SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ProcessExit>;
}

/**
 * Runs the built server (`node dist/main.js`) on a free port with the given
 * settings and waits until it listens.
 */
export function startServerProcess(
  settings: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [join(REPOSITORY_ROOT, 'dist', 'main.js')],
    {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        ...settings,
        // The "Serving on" line, which tells the port, is logged at info.
        LOG_LEVEL: ['debug', 'verbose'].includes(settings.LOG_LEVEL)
          ? settings.LOG_LEVEL
          : 'info',
        PORT: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', waitMs = 20_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), waitMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`server did not listen in ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    const onData = () => {
      const port = /Serving on http:\/\/\S+:(\d+)/.exec(stderr)?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      resolve({
        child,
        url: `http://127.0.0.1:${port}`,
        stderr: () => stderr,
        exited,
        stop,
      });
    };
    child.stderr?.on('data', onData);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(
        new Error(
          `server exited (${exit.code ?? exit.signal}) before listening:\n${stderr}`,
        ),
      );
    });
  });
}
