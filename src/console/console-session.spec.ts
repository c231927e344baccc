import { PassThrough, Readable } from 'node:stream';
import { LeagueRepository } from '../database/league.repository';
import { LeagueSnapshot } from '../league/league-snapshot';
import { LeagueService } from '../league/league.service';
import { LeagueData } from '../league/league.types';
import { StatsService } from '../stats/stats.service';
import { SyncService } from '../sync/sync.service';
import { VersusService } from '../versus/versus.service';
import { ConsoleSession } from './console-session';

/** The task statement's example league. */
const example: LeagueData = {
  teams: [
    { id: 10, name: 'The Best', playerIds: [1, 2] },
    { id: 20, name: 'Better', playerIds: [3, 4] },
    { id: 30, name: 'Worse', playerIds: [5, 6] },
  ],
  players: [
    { id: 1, name: 'Danya', surname: 'Golov', number: 13 },
    { id: 2, name: 'Khet', surname: 'Dzestelov', number: 11 },
    { id: 3, name: 'Andrew', surname: 'Karpenko', number: 9 },
    { id: 4, name: 'Vanya', surname: 'Kabakov', number: 23 },
    { id: 5, name: 'Andrew', surname: 'Stankevich', number: 4 },
    { id: 6, name: 'Egor', surname: 'Bugaev', number: 99 },
  ],
  matches: [
    { id: 1, team1Id: 10, team2Id: 20, team1Score: 5, team2Score: 1 },
    { id: 2, team1Id: 10, team2Id: 30, team1Score: 3, team2Score: 2 },
    { id: 3, team1Id: 20, team2Id: 30, team1Score: 4, team2Score: 3 },
  ],
  goals: [],
};

function sessionFor(data: LeagueData): ConsoleSession {
  const league = new LeagueService({} as LeagueRepository);
  league.replace(
    new LeagueSnapshot(data, { syncedAt: new Date(), modifiedAt: new Date() }),
  );
  return new ConsoleSession(
    league,
    {} as SyncService,
    new StatsService(league),
    new VersusService(league),
  );
}

async function run(session: ConsoleSession, input: string) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await session.answerAll(Readable.from([input]), out, err);
  return { stdout, stderr };
}

describe('ConsoleSession', () => {
  const session = sessionFor(example);

  it('prints the players sorted by display name, one per line', () => {
    expect(session.playerList()).toBe(
      'Andrew Karpenko\nAndrew Stankevich\nDanya Golov\nEgor Bugaev\nKhet Dzestelov\nVanya Kabakov\n',
    );
  });

  it('answers the statement example exactly', async () => {
    const input =
      'stats? "Better"\nversus? 5 3\nstats? "The Best"\nversus? 5 6\n';
    await expect(run(session, input)).resolves.toEqual({
      stdout: '1 1 -3\n1\n2 0 +5\n0\n',
      stderr: '',
    });
  });

  it('answers an unknown team with three zeros and an unknown player with zero', async () => {
    const { stdout } = await run(session, 'stats? "Nobody"\nversus? 1 999\n');
    expect(stdout).toBe('0 0 0\n0\n');
  });

  it('handles CRLF input, blank lines and a last line without a newline', async () => {
    const { stdout, stderr } = await run(
      session,
      'stats? "Better"\r\n\r\n   \r\nversus? 5 3',
    );
    expect(stdout).toBe('1 1 -3\n1\n');
    expect(stderr).toBe('');
  });

  it('explains a malformed line on stderr and prints nothing for it', async () => {
    const { stdout, stderr } = await run(session, 'hello\nstats? "Worse"\n');
    expect(stdout).toBe('0 2 -2\n');
    expect(stderr).toMatch(/^line 1: unknown query "hello"/);
  });

  it('prints an empty line for a player with no name at all', () => {
    const nameless = sessionFor({
      ...example,
      players: [
        ...example.players,
        { id: 7, name: '', surname: '', number: 1 },
      ],
      teams: [...example.teams, { id: 40, name: 'Ghosts', playerIds: [7] }],
    });
    expect(nameless.playerList().startsWith('\nAndrew Karpenko\n')).toBe(true);
  });

  it('ignores a byte-order mark before the first query', async () => {
    const { stdout, stderr } = await run(session, '\uFEFFstats? "Better"\r\n');
    expect(stdout).toBe('1 1 -3\n');
    expect(stderr).toBe('');
  });

  it('reads a query split across input chunks', async () => {
    const out = new PassThrough();
    let stdout = '';
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await session.answerAll(
      Readable.from(['stats? "The B', 'est"\nvers', 'us? 5 6\n']),
      out,
      new PassThrough(),
    );
    expect(stdout).toBe('2 0 +5\n0\n');
  });
});
