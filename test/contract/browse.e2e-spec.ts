import request from 'supertest';
import { compareCodePoints } from '../../src/league/display-name';
import { loadSandboxDataset } from '../../src/sandbox/sandbox-upstream';
import {
  LEAGUE_DATASET,
  LeagueServer,
  startLeagueServer,
  TestApp,
} from '../support/test-app';

interface TeamRow {
  team: { id: number; name: string };
  wins: number;
  draws: number;
  losses: number;
  goal_difference: number;
  goals_scored: number;
}

interface PlayerItem {
  id: number;
  display_name: string;
  teams: { id: number; name: string }[];
}

interface MatchItem {
  id: number;
  team1: number;
  team2: number;
}

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The 2025-05-31 league plus players with a Cyrillic and an accented name. */
function leagueWithForeignNames() {
  const dataset = loadSandboxDataset(LEAGUE_DATASET);
  dataset.players.push(
    { id: 1001, name: 'Андрей', surname: 'Аршавин', number: 10 },
    { id: 1002, name: 'Éric', surname: 'Cantona', number: 7 },
  );
  const teams = dataset.teams as { id: number; players: number[] }[];
  teams.find((team) => team.id === 39)?.players.push(1001);
  teams.find((team) => team.id === 3)?.players.push(1002);
  teams.find((team) => team.id === 40)?.players.push(1002);
  return dataset;
}

const PLAYER_COUNT = 433 + 2;
const points = (row: TeamRow) => row.wins * 3 + row.draws;

describe('browsing teams, players and matches', () => {
  let league: LeagueServer;
  let server: TestApp;

  const get = (path: string, query: Record<string, string | number> = {}) =>
    request(server.url).get(path).query(query);

  async function everyPage<T>(
    path: string,
    query: Record<string, string | number> = {},
  ): Promise<{ items: T[]; totals: number[] }> {
    const items: T[] = [];
    const totals: number[] = [];
    for (let offset = 0; ; offset += 100) {
      const response = await get(path, { ...query, limit: 100, offset });
      expect(response.status).toBe(200);
      const page = response.body as Page<T>;
      totals.push(page.total);
      items.push(...page.items);
      if (page.items.length < 100) return { items, totals };
    }
  }

  beforeAll(async () => {
    league = await startLeagueServer({ dataset: leagueWithForeignNames() });
    ({ server } = league);
  });

  afterAll(() => league?.stop());

  describe('GET /teams', () => {
    it('lists all 40 teams once, ordered as a league table', async () => {
      const response = await get('/teams').expect(200);
      const rows = response.body as TeamRow[];

      expect(rows).toHaveLength(40);
      expect(new Set(rows.map((row) => row.team.id)).size).toBe(40);
      for (let index = 1; index < rows.length; index++) {
        const [above, below] = [rows[index - 1], rows[index]];
        const order =
          points(above) - points(below) ||
          above.goal_difference - below.goal_difference ||
          above.goals_scored - below.goals_scored ||
          compareCodePoints(below.team.name, above.team.name);
        expect(order).toBeGreaterThan(0);
      }
    });

    it("holds each team's record exactly as /stats gives it", async () => {
      const [table, stats] = await Promise.all([
        get('/teams').expect(200),
        get('/stats', { team_name: 'Вареничная United' }).expect(200),
      ]);
      const rows = table.body as TeamRow[];

      expect(rows.find((row) => row.team.id === 40)).toEqual(stats.body);
    });
  });

  describe('GET /teams/{id}', () => {
    it("gives Chelsea's record, its roster in order and its 39 matches", async () => {
      const response = await get('/teams/6').expect(200);
      const body = response.body as Record<string, unknown> & {
        roster: { id: number }[];
        matches: { id: number; result: string }[];
      };

      expect(body).toMatchObject({
        team: { id: 6, name: 'Chelsea' },
        wins: 21,
        losses: 15,
        draws: 3,
        goals_scored: 105,
        goals_conceded: 85,
        goal_difference: 20,
        matches_played: 39,
      });
      expect(body.roster.map((player) => player.id)).toEqual([
        6, 46, 86, 126, 166, 206, 246, 286, 326, 366, 406,
      ]);
      expect(body.roster[0]).toEqual({
        id: 6,
        name: 'Michel',
        surname: 'Platini',
        display_name: 'Michel Platini',
        number: 27,
      });
      const ids = body.matches.map((match) => match.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(body.matches).toHaveLength(39);
      expect(body.matches[0]).toEqual({
        id: 5,
        opponent_id: 1,
        opponent_name: 'Real Madrid',
        side: 'team2',
        goals_scored: 0,
        goals_conceded: 2,
        result: 'loss',
      });
      const results = body.matches.map((match) => match.result);
      expect(results.filter((result) => result === 'win')).toHaveLength(21);
      expect(results.filter((result) => result === 'draw')).toHaveLength(3);
    });

    it('answers 404 naming the id of a team that does not exist', async () => {
      const response = await get('/teams/999').expect(404);

      expect(response.body).toMatchObject({
        status: 404,
        message: 'id: no team has id 999',
        path: '/teams/999',
      });
    });

    it.each(['abc', '-1', '1.5', '0x10', '1234567890123456'])(
      'answers 400 naming the id for /teams/%s',
      async (id) => {
        const response = await get(`/teams/${id}`).expect(400);

        expect(response.body).toMatchObject({
          status: 400,
          message: 'id must be a non-negative integer of at most 15 digits',
        });
      },
    );
  });

  describe('GET /players', () => {
    it('pages through every rostered player once, by display name in code-point order', async () => {
      const { items, totals } = await everyPage<PlayerItem>('/players');
      const names = items.map((player) => player.display_name);

      expect(items).toHaveLength(PLAYER_COUNT);
      expect(new Set(items.map((player) => player.id)).size).toBe(PLAYER_COUNT);
      expect(names).toEqual([...names].sort(compareCodePoints));
      expect(new Set(totals)).toEqual(new Set([PLAYER_COUNT]));
    });

    it('gives the first 20 when no page is asked for', async () => {
      const [plain, explicit] = await Promise.all([
        get('/players').expect(200),
        get('/players', { limit: 20, offset: 0 }).expect(200),
      ]);

      expect(plain.body).toMatchObject({
        total: PLAYER_COUNT,
        limit: 20,
        offset: 0,
      });
      expect((plain.body as Page<PlayerItem>).items).toHaveLength(20);
      expect(plain.body).toEqual(explicit.body);
    });

    it('takes limits of 1 and 100, and gives an empty page past the end', async () => {
      const [one, hundred, past] = await Promise.all([
        get('/players', { limit: 1, offset: 3 }).expect(200),
        get('/players', { limit: 100, offset: 400 }).expect(200),
        get('/players', { offset: 1000 }).expect(200),
      ]);

      expect((one.body as Page<PlayerItem>).items).toHaveLength(1);
      expect((hundred.body as Page<PlayerItem>).items).toHaveLength(
        PLAYER_COUNT - 400,
      );
      expect(past.body).toEqual({
        items: [],
        total: PLAYER_COUNT,
        limit: 20,
        offset: 1000,
      });
    });

    it.each([
      ['limit', '0', 'limit must be an integer from 1 to 100'],
      ['limit', '101', 'limit must be an integer from 1 to 100'],
      ['limit', '-1', 'limit must be an integer from 1 to 100'],
      ['limit', 'abc', 'limit must be an integer from 1 to 100'],
      ['limit', '', 'limit must be an integer from 1 to 100'],
      ['offset', '-1', 'offset must be a non-negative integer'],
      ['offset', 'abc', 'offset must be a non-negative integer'],
      ['offset', '2.5', 'offset must be a non-negative integer'],
    ])('answers 400 for %s=%s', async (name, value, message) => {
      const response = await get('/players', { [name]: value }).expect(400);

      expect(response.body).toMatchObject({ status: 400, path: '/players' });
      expect((response.body as { message: string }).message).toContain(message);
    });

    it('finds a Cyrillic name in any case', async () => {
      const response = await get('/players', { search: 'аРШАВ' }).expect(200);

      expect(response.body).toMatchObject({
        total: 1,
        items: [
          {
            id: 1001,
            display_name: 'Андрей Аршавин',
            teams: [{ id: 39, name: 'ФК ГАЗ МЯС' }],
          },
        ],
      });
    });

    it.each([
      ['in capitals', 'ÉRIC'],
      ['in part, in small letters', 'éric cant'],
      ['with the accent as a combining mark', 'E\u0301RIC'],
    ])('finds an accented name searched %s', async (_how, search) => {
      const response = await get('/players', { search }).expect(200);

      expect(response.body).toMatchObject({
        total: 1,
        items: [{ id: 1002, display_name: 'Éric Cantona' }],
      });
    });

    it('ignores case and surrounding spaces in a plain name', async () => {
      const response = await get('/players', {
        search: '  LIONEL messi ',
      }).expect(200);

      expect(response.body).toMatchObject({
        total: 1,
        items: [{ id: 1, display_name: 'Lionel Messi' }],
      });
    });

    it('finds any part of a display name and pages the matches', async () => {
      const { items } = await everyPage<PlayerItem>('/players', {
        search: 'AN',
      });
      const response = await get('/players', {
        search: 'an',
        limit: 5,
        offset: 5,
      }).expect(200);

      expect(items.length).toBeGreaterThan(10);
      expect(
        items.every((player) =>
          player.display_name.toLowerCase().includes('an'),
        ),
      ).toBe(true);
      expect(response.body).toEqual({
        items: items.slice(5, 10),
        total: items.length,
        limit: 5,
        offset: 5,
      });
    });

    it('finds nobody for a name nobody has', async () => {
      const response = await get('/players', { search: 'Zzyzx' }).expect(200);

      expect(response.body).toEqual({
        items: [],
        total: 0,
        limit: 20,
        offset: 0,
      });
    });

    it('answers 400 for a search of 101 characters or a repeated one', async () => {
      const [long, repeated, longest] = await Promise.all([
        get('/players', { search: 'a'.repeat(101) }),
        request(server.url).get('/players?search=a&search=b'),
        get('/players', { search: 'a'.repeat(100) }),
      ]);

      expect(long.status).toBe(400);
      expect(long.body).toMatchObject({
        message: 'search must be at most 100 characters',
      });
      expect(repeated.status).toBe(400);
      expect(repeated.body).toMatchObject({
        message: 'search must be given once, as text',
      });
      expect(longest.status).toBe(200);
    });
  });

  describe('GET /players/{id}', () => {
    it('gives a player listed by two teams with both', async () => {
      const response = await get('/players/1002').expect(200);

      expect(response.body).toEqual({
        id: 1002,
        name: 'Éric',
        surname: 'Cantona',
        display_name: 'Éric Cantona',
        number: 7,
        teams: [
          { id: 3, name: 'Manchester United' },
          { id: 40, name: 'Вареничная United' },
        ],
      });
    });

    it('answers 404 naming the id of a player no roster lists', async () => {
      const response = await get('/players/99999').expect(404);

      expect(response.body).toMatchObject({
        message: 'id: no player has id 99999',
      });
    });

    it('answers 400 for an id that is not a non-negative integer', async () => {
      const response = await get('/players/-7').expect(400);

      expect(response.body).toMatchObject({
        message: 'id must be a non-negative integer of at most 15 digits',
      });
    });
  });

  describe('GET /matches', () => {
    it('lists all 780 matches once, ordered by id, with team names', async () => {
      const { items, totals } = await everyPage<MatchItem>('/matches');
      const ids = items.map((match) => match.id);

      expect(items).toHaveLength(780);
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
      expect(new Set(totals)).toEqual(new Set([780]));
      expect(items[0]).toEqual({
        id: 1,
        team1: 1,
        team1_name: 'Real Madrid',
        team2: 2,
        team2_name: 'Barcelona',
        team1_score: 3,
        team2_score: 5,
      });
    });

    it("lists only one team's matches when team_id is given", async () => {
      const [matches, team] = await Promise.all([
        everyPage<MatchItem>('/matches', { team_id: 6 }),
        get('/teams/6').expect(200),
      ]);
      const teamMatches = (team.body as { matches: { id: number }[] }).matches;

      expect(matches.totals).toEqual([39]);
      expect(
        matches.items.every((match) => match.team1 === 6 || match.team2 === 6),
      ).toBe(true);
      expect(matches.items.map((match) => match.id)).toEqual(
        teamMatches.map((match) => match.id),
      );
    });

    it('answers 404 naming team_id for a team that does not exist', async () => {
      const response = await get('/matches', { team_id: 999 }).expect(404);

      expect(response.body).toMatchObject({
        message: 'team_id: no team has id 999',
      });
    });

    it.each([
      ['team_id', 'six', 'team_id must be a non-negative integer'],
      ['team_id', '', 'team_id must be a non-negative integer'],
      ['limit', '101', 'limit must be an integer from 1 to 100'],
      ['offset', '-20', 'offset must be a non-negative integer'],
    ])('answers 400 for %s=%s', async (name, value, message) => {
      const response = await get('/matches', { [name]: value }).expect(400);

      expect((response.body as { message: string }).message).toContain(message);
    });
  });
});
