import { PassThrough } from 'node:stream';
import { loadEnvironment } from '../../config/environment';
import { createAppLogger } from './app-logger';

const TOKEN = 'secret-token-1234567890';

interface Entry {
  level: string;
  context?: string;
  message: string;
  stack?: unknown;
}

async function logLines(
  level: string,
  write: (logger: ReturnType<typeof createAppLogger>) => void,
): Promise<Entry[]> {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const logger = createAppLogger(
    loadEnvironment({
      LKSH_TOKEN: TOKEN,
      LOG_LEVEL: level,
      LOG_FORMAT: 'json',
      LOG_DIR: '',
    }),
    { name: 'spec', files: false, sink },
  );
  write(logger);
  await new Promise((resolve) => setImmediate(resolve));
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Entry);
}

describe('createAppLogger', () => {
  it("moves Nest's module, controller and route lines below info", async () => {
    const write = (logger: ReturnType<typeof createAppLogger>) => {
      logger.log('StatsModule dependencies initialized', 'InstanceLoader');
      logger.log('StatsController {/stats}:', 'RoutesResolver');
      logger.log('Mapped {/stats, GET} route', 'RouterExplorer');
      logger.log('Serving', 'Bootstrap');
    };

    await expect(logLines('info', write)).resolves.toEqual([
      expect.objectContaining({ level: 'info', message: 'Serving' }),
    ]);
    const verbose = await logLines('verbose', write);
    expect(verbose.map((entry) => entry.level)).toEqual([
      'verbose',
      'verbose',
      'verbose',
      'info',
    ]);
  });

  it('hides the token in messages, nested values and stacks', async () => {
    const lines = await logLines('debug', (logger) => {
      logger.log(`GET /stats?team_name=${TOKEN}`, 'HTTP');
      logger.warn({ message: 'upstream said', body: { echo: [TOKEN] } });
      logger.error(new Error(`rejected ${TOKEN}`));
    });

    expect(lines).toHaveLength(3);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
    expect(lines[0].message).toBe('GET /stats?team_name=***');
  });

  it('leaves out the empty stack of an error logged without one', async () => {
    const [line] = await logLines('error', (logger) => {
      logger.error('Sync failed', undefined, 'SyncService');
    });

    expect(line).toEqual({
      level: 'error',
      context: 'SyncService',
      message: 'Sync failed',
      timestamp: expect.any(String) as string,
    });
  });
});
