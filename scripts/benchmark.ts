/**
 * Measures what the product's speed rests on, as ratios taken in one run so
 * that a noisy shared machine skews both sides alike:
 *  - answering from the indexed snapshot against scanning the league;
 *  - the console program answering 100 000 queries from stdin;
 *  - HTTP answers on loopback, with a fixed number of requests;
 *  - a full sync against the bundled sandbox, and a refresh with nothing new.
 * Run: npm run bench (after npm run build). Traffic stays on 127.0.0.1.
 */
import 'reflect-metadata';
import { Agent, get } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LeagueSnapshot } from '../src/league/league-snapshot';
import { LeagueData, Match } from '../src/league/league.types';
import { loadSandboxDataset } from '../src/sandbox/sandbox-upstream';
import {
  LEAGUE_DATASET,
  makeWorkDir,
  removeWorkDir,
  startSandbox,
  startTestApp,
  testSettings,
} from '../test/support/test-app';
import { runCli } from '../test/support/run-cli';

const HTTP_REQUESTS = 3000;
const HTTP_CONCURRENCY = 16;
const CONSOLE_QUERIES = 100_000;

function leagueFromDataset(): LeagueData {
  const raw = loadSandboxDataset(LEAGUE_DATASET) as unknown as {
    teams: { id: number; name: string; players: number[] }[];
    players: { id: number; name: string; surname?: string; number: number }[];
    matches: {
      id: number;
      team1: number;
      team2: number;
      team1_score: number;
      team2_score: number;
    }[];
    goals: { id: number; player: number; match: number; minute: number }[];
  };
  return {
    teams: raw.teams.map((t) => ({
      id: t.id,
      name: t.name,
      playerIds: t.players,
    })),
    players: raw.players.map((p) => ({
      id: p.id,
      name: p.name,
      surname: p.surname ?? '',
      number: p.number,
    })),
    matches: raw.matches.map((m) => ({
      id: m.id,
      team1Id: m.team1,
      team2Id: m.team2,
      team1Score: m.team1_score,
      team2Score: m.team2_score,
    })),
    goals: raw.goals.map((g) => ({
      id: g.id,
      playerId: g.player,
      matchId: g.match,
      minute: g.minute,
    })),
  };
}

/** What a solution without indexes does: scan rosters and matches per query. */
function scanMeetings(data: LeagueData, a: number, b: number): number {
  if (a === b) return 0;
  const teamsOf = (id: number) =>
    data.teams.filter((t) => t.playerIds.includes(id)).map((t) => t.id);
  const first = teamsOf(a);
  const second = teamsOf(b);
  return data.matches.filter(
    (m: Match) =>
      (first.includes(m.team1Id) && second.includes(m.team2Id)) ||
      (second.includes(m.team1Id) && first.includes(m.team2Id)),
  ).length;
}

function timeIt(
  label: string,
  runs: number,
  body: (i: number) => void,
): number {
  const started = performance.now();
  for (let i = 0; i < runs; i++) body(i);
  const perCallUs = ((performance.now() - started) * 1000) / runs;
  console.log(`  ${label}: ${perCallUs.toFixed(2)} µs per query`);
  return perCallUs;
}

function benchmarkLookups(data: LeagueData): void {
  console.log(
    'Answering versus? from the snapshot against scanning the league',
  );
  const snapshot = new LeagueSnapshot(data, {
    syncedAt: new Date(),
    modifiedAt: new Date(),
  });
  const ids = data.players.map((p) => p.id);
  const pair = (i: number): [number, number] => [
    ids[(i * 7) % ids.length],
    ids[(i * 13 + 5) % ids.length],
  ];
  let check = 0;
  const indexed = timeIt(
    'indexed',
    20_000,
    (i) => (check += snapshot.meetings(...pair(i)).length),
  );
  const scanned = timeIt(
    'scan',
    2_000,
    (i) => (check -= scanMeetings(data, ...pair(i))),
  );
  console.log(`  ratio scan / indexed: ${(scanned / indexed).toFixed(1)}x`);
}

async function benchmarkConsole(
  settings: Record<string, string>,
): Promise<void> {
  console.log(
    `Console program answering ${CONSOLE_QUERIES} queries from stdin`,
  );
  const lines: string[] = [];
  for (let i = 0; i < CONSOLE_QUERIES; i++) {
    lines.push(
      i % 2 === 0
        ? 'stats? "Chelsea"'
        : `versus? ${(i % 433) + 1} ${((i * 7) % 433) + 1}`,
    );
  }
  // The sandbox runs in this process, so the program runs asynchronously.
  const run = async (input: string) => {
    const started = performance.now();
    const result = await runCli(settings, input);
    if (result.code !== 0) {
      throw new Error(`console program failed: ${result.stderr}`);
    }
    return performance.now() - started;
  };
  await run('');
  const baseline = await run('');
  const loaded = await run(`${lines.join('\n')}\n`);
  console.log(`  start + refresh + player list: ${baseline.toFixed(0)} ms`);
  console.log(
    `  the same plus ${CONSOLE_QUERIES} queries: ${loaded.toFixed(0)} ms`,
  );
  console.log(
    `  queries alone: ${(((loaded - baseline) * 1000) / CONSOLE_QUERIES).toFixed(2)} µs per query`,
  );
}

async function benchmarkHttp(url: string): Promise<void> {
  console.log(
    `HTTP: ${HTTP_REQUESTS} requests per endpoint, ${HTTP_CONCURRENCY} at a time, keep-alive`,
  );
  const agent = new Agent({ keepAlive: true, maxSockets: HTTP_CONCURRENCY });
  const fetchOnce = (path: string) =>
    new Promise<void>((resolve, reject) => {
      get(`${url}${path}`, { agent }, (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`${path}: ${response.statusCode}`)),
        );
      }).on('error', reject);
    });
  const paths = [
    '/stats?team_name=Chelsea',
    '/versus?player1_id=1&player2_id=4',
    '/goals?player_id=1',
  ];
  // Warm up the JIT so the first endpoint is not measured cold.
  for (let i = 0; i < 1500; i++) await fetchOnce(paths[i % paths.length]);
  for (const path of paths) {
    let next = 0;
    const latencies: number[] = [];
    const started = performance.now();
    const worker = async () => {
      while (next < HTTP_REQUESTS) {
        next++;
        const t = performance.now();
        await fetchOnce(path);
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: HTTP_CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (q: number) =>
      latencies[Math.floor(q * (latencies.length - 1))].toFixed(2);
    console.log(
      `  ${path}: ${(HTTP_REQUESTS / seconds).toFixed(0)} req/s, p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`,
    );
  }
  agent.destroy();
}

async function main(): Promise<void> {
  const data = leagueFromDataset();
  benchmarkLookups(data);

  const workDir = makeWorkDir();
  const sandbox = await startSandbox();
  try {
    const started = performance.now();
    const server = await startTestApp({
      sandbox,
      databasePath: join(workDir, 'bench.sqlite'),
    });
    console.log('Sync against the sandbox on loopback (unpaced, 8 at a time)');
    console.log(
      `  full sync: ${server.firstSync?.durationMs} ms, ${server.firstSync?.requests} requests (app start included: ${(performance.now() - started).toFixed(0)} ms)`,
    );
    const refresh = await server.sync.sync('incremental');
    console.log(
      `  refresh with nothing new: ${refresh.durationMs} ms, ${refresh.requests} requests`,
    );

    await benchmarkHttp(server.url);
    await server.close();

    await benchmarkConsole(
      testSettings(sandbox, join(workDir, 'console.sqlite')),
    );
  } finally {
    await sandbox.stop();
    removeWorkDir(workDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
