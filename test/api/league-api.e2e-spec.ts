import request from 'supertest';
import { SandboxUpstream } from '../../src/sandbox/sandbox-upstream';
import { LeagueServer, startLeagueServer, TestApp } from '../support/test-app';

describe('REST API over the 2025-05-31 league', () => {
  let league: LeagueServer;
  let sandbox: SandboxUpstream;
  let server: TestApp;

  beforeAll(async () => {
    league = await startLeagueServer();
    ({ sandbox, server } = league);
  });

  afterAll(() => league?.stop());

  it('synced the whole league with the minimum number of requests', () => {
    expect(server.firstSync).toMatchObject({
      outcome: 'succeeded',
      kind: 'full',
    });
    // 1 login + 1 teams + 1 matches + 433 players + 780 goals.
    expect(sandbox.countRequests('/login')).toBe(1);
    expect(sandbox.countRequests('/teams')).toBe(1);
    expect(sandbox.countRequests('/matches')).toBe(1);
    expect(sandbox.countRequests('/players/')).toBe(433);
    expect(sandbox.countRequests('/goals')).toBe(780);
  });

  describe('GET /stats', () => {
    it('answers Chelsea: 21 wins, 15 losses, difference 20', async () => {
      const response = await request(server.url)
        .get('/stats')
        .query({ team_name: 'Chelsea' })
        .expect(200);
      expect(response.body).toEqual({
        team: { id: 6, name: 'Chelsea' },
        wins: 21,
        losses: 15,
        draws: 3,
        goals_scored: 105,
        goals_conceded: 85,
        goal_difference: 20,
        matches_played: 39,
      });
    });

    it('answers Roma with a difference of exactly 0', async () => {
      const response = await request(server.url)
        .get('/stats')
        .query({ team_name: 'Roma' })
        .expect(200);
      expect(response.body).toMatchObject({
        goal_difference: 0,
        wins: 19,
        losses: 15,
      });
    });

    it('answers a Cyrillic team name', async () => {
      const response = await request(server.url)
        .get('/stats')
        .query({ team_name: 'Вареничная United' })
        .expect(200);
      expect(response.body).toMatchObject({
        wins: 12,
        losses: 21,
        goal_difference: -23,
      });
    });

    it('says when the data was synced, and answers a repeated request with 304', async () => {
      const first = await request(server.url)
        .get('/stats')
        .query({ team_name: 'Roma' })
        .expect(200);
      const syncedAt = first.headers['x-data-synced-at'];
      expect(new Date(syncedAt).toISOString()).toBe(syncedAt);
      await request(server.url)
        .get('/stats')
        .query({ team_name: 'Roma' })
        .set('If-None-Match', first.headers.etag)
        .expect(304);
    });

    it('answers an unknown team with 404 and close names', async () => {
      const response = await request(server.url)
        .get('/stats')
        .query({ team_name: 'chelsea' })
        .expect(404);
      expect(response.body).toEqual({
        status: 404,
        error: 'Not Found',
        message: 'No team is named "chelsea"',
        suggestions: ['Chelsea'],
        path: '/stats',
      });
    });

    it.each([
      ['/stats', 'team_name is required'],
      ['/stats?team_name=', 'team_name must not be empty'],
      ['/stats?team_name=a&team_name=b', 'team_name must be given once'],
      [`/stats?team_name=${'x'.repeat(201)}`, 'team_name must be at most 200'],
    ])('answers %s with 400 naming the parameter', async (path, message) => {
      const response = await request(server.url).get(path).expect(400);
      expect(response.body).toMatchObject({
        status: 400,
        error: 'Bad Request',
        path: '/stats',
      });
      expect(response.body.message).toContain(message);
    });
  });

  describe('GET /versus', () => {
    it('answers two players with the matches they met in', async () => {
      const response = await request(server.url)
        .get('/versus')
        .query({ player1_id: 1, player2_id: 4 })
        .expect(200);
      expect(response.body).toEqual({
        player1: {
          id: 1,
          name: 'Lionel',
          surname: 'Messi',
          display_name: 'Lionel Messi',
          number: 91,
          teams: [{ id: 1, name: 'Real Madrid' }],
        },
        player2: expect.objectContaining({
          id: 4,
          display_name: 'Cristiano Ronaldo',
        }),
        matches_played: 1,
        matches: [
          { id: 3, team1: 1, team2: 4, team1_score: 0, team2_score: 0 },
        ],
      });
    });

    it('answers teammates with zero matches', async () => {
      const response = await request(server.url)
        .get('/versus')
        .query({ player1_id: 1, player2_id: 41 })
        .expect(200);
      expect(response.body.matches_played).toBe(0);
    });

    it('answers an unknown player with 404 naming the parameter', async () => {
      const response = await request(server.url)
        .get('/versus')
        .query({ player1_id: 1, player2_id: 100000 })
        .expect(404);
      expect(response.body.message).toBe('player2_id: no player has id 100000');
    });

    it.each([
      ['/versus?player2_id=1', 'player1_id is required'],
      [
        '/versus?player1_id=1&player2_id=',
        'player2_id must be a non-negative integer',
      ],
      [
        '/versus?player1_id=-1&player2_id=2',
        'player1_id must be a non-negative integer',
      ],
      [
        '/versus?player1_id=1.5&player2_id=2',
        'player1_id must be a non-negative integer',
      ],
      [
        '/versus?player1_id=0x10&player2_id=2',
        'player1_id must be a non-negative integer',
      ],
      [
        '/versus?player1_id=1&player2_id=1234567890123456',
        'player2_id must be',
      ],
    ])('answers %s with 400', async (path, message) => {
      const response = await request(server.url).get(path).expect(400);
      expect(response.body.message).toContain(message);
    });
  });

  describe('GET /goals', () => {
    it('lists a player’s goals ordered by match, then minute', async () => {
      const response = await request(server.url)
        .get('/goals')
        .query({ player_id: 1 })
        .expect(200);
      const goals = response.body as { match: number; time: number }[];
      expect(goals.length).toBeGreaterThan(0);
      expect(goals[0]).toEqual({ match: 8, time: 8 });
      const order = goals.map((goal) => goal.match * 1000 + goal.time);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    it('answers 404 for an id that is neither a player nor a scorer', async () => {
      const response = await request(server.url)
        .get('/goals')
        .query({ player_id: 5000 })
        .expect(404);
      expect(response.body.message).toContain('player_id');
    });

    it('answers 400 for a non-numeric id', async () => {
      const response = await request(server.url)
        .get('/goals?player_id=abc')
        .expect(400);
      expect(response.body.message).toContain('player_id');
    });
  });
});

describe('REST API before any data is stored', () => {
  it('answers 503 with Retry-After while the upstream is down', async () => {
    const { server, stop } = await startLeagueServer({
      faults: { outage: 'http500' },
      settings: { UPSTREAM_MAX_RETRIES: '0' },
      waitForFirstSync: false,
    });
    try {
      const response = await request(server.url)
        .get('/stats')
        .query({ team_name: 'Chelsea' })
        .expect(503);
      expect(response.headers['retry-after']).toBe('30');
      expect(response.body).toMatchObject({
        status: 503,
        error: 'Service Unavailable',
      });
    } finally {
      await stop();
    }
  });
});

describe('sync against a rate-limiting upstream', () => {
  it('stores the whole league although a third of requests get 429', async () => {
    const { sandbox, server, stop } = await startLeagueServer({
      faults: { rateLimitRatio: 1 / 3, retryAfterSeconds: null },
      settings: { UPSTREAM_MAX_RETRIES: '8' },
      // The sandbox throttles at any rate; let pacing recover quickly.
      upstream: { rateRecoveryIntervalMs: 100 },
    });
    try {
      expect(server.firstSync?.outcome).toBe('succeeded');
      expect(
        sandbox.requests.filter((r) => r.status === 429).length,
      ).toBeGreaterThan(100);
      const response = await request(server.url)
        .get('/stats')
        .query({ team_name: 'Chelsea' })
        .expect(200);
      expect(response.body).toMatchObject({
        wins: 21,
        losses: 15,
        goal_difference: 20,
      });
    } finally {
      await stop();
    }
  });
});
