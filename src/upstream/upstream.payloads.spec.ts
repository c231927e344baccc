import { UpstreamPayloadError } from './upstream.errors';
import {
  parseGoals,
  parseJsonBody,
  parseMatches,
  parsePlayer,
  parseTeams,
} from './upstream.payloads';

function payloadError(run: () => unknown): UpstreamPayloadError {
  try {
    run();
  } catch (error) {
    if (error instanceof UpstreamPayloadError) return error;
    throw error;
  }
  throw new Error('expected an UpstreamPayloadError, nothing was thrown');
}

const match = (overrides: Record<string, unknown> = {}) => ({
  id: 1,
  team1: 2,
  team2: 3,
  team1_score: 1,
  team2_score: 0,
  ...overrides,
});

describe('parseJsonBody', () => {
  it('parses JSON text', () => {
    expect(parseJsonBody('GET /teams', '[{"id":1}]')).toEqual([{ id: 1 }]);
  });

  it('rejects truncated JSON naming the endpoint', () => {
    const error = payloadError(() =>
      parseJsonBody('GET /matches', '[{"id":1,"team1":'),
    );
    expect(error.kind).toBe('payload');
    expect(error.message).toMatch(/^GET \/matches: response is not valid JSON/);
    expect(error.message).toContain('[{\\"id\\":1');
  });

  it('rejects an HTML page', () => {
    const error = payloadError(() =>
      parseJsonBody('GET /teams', '<!DOCTYPE html><html>Bad gateway</html>'),
    );
    expect(error.message).toMatch(/^GET \/teams: response is not valid JSON/);
    expect(error.message).toContain('<!DOCTYPE html>');
  });

  it('rejects an empty body', () => {
    expect(payloadError(() => parseJsonBody('GET /teams', '  ')).message).toBe(
      'GET /teams: empty response body',
    );
  });
});

describe('parseTeams', () => {
  it('keeps names exactly and removes duplicate roster ids in order', () => {
    const teams = parseTeams('GET /teams', [
      { id: 1, name: ' Вареничная United ', players: [5, 3, 5, 3, 7] },
      { id: 0, name: '', players: [] },
      { id: 2, name: 'Fenerbahçe', players: [1], extra: true },
    ]);
    expect(teams).toEqual([
      { id: 1, name: ' Вареничная United ', playerIds: [5, 3, 7] },
      { id: 0, name: '', playerIds: [] },
      { id: 2, name: 'Fenerbahçe', playerIds: [1] },
    ]);
  });

  it('requires a top-level array', () => {
    expect(payloadError(() => parseTeams('GET /teams', {})).message).toBe(
      'GET /teams: expected a JSON array, got object',
    );
  });

  it('requires each item to be an object', () => {
    expect(payloadError(() => parseTeams('GET /teams', [null])).message).toBe(
      'GET /teams: item 0: expected a JSON object, got null',
    );
  });

  it('names the item, its id and the field of a bad roster entry', () => {
    const body = [
      { id: 1, name: 'A', players: [1] },
      { id: 9, name: 'B', players: [1, '2'] },
    ];
    expect(payloadError(() => parseTeams('GET /teams', body)).message).toBe(
      'GET /teams: item 1 (id 9): players[1] must be a non-negative integer, got "2"',
    );
  });

  it('rejects a missing roster and a non-string name', () => {
    expect(
      payloadError(() => parseTeams('GET /teams', [{ id: 1, name: 'A' }]))
        .message,
    ).toBe('GET /teams: item 0 (id 1): players is missing');
    expect(
      payloadError(() =>
        parseTeams('GET /teams', [{ id: 1, name: 5, players: [] }]),
      ).message,
    ).toBe('GET /teams: item 0 (id 1): name must be a string, got 5');
  });

  it.each([[-1], [1.5], ['1'], [null]])('rejects the id %p', (id) => {
    expect(
      payloadError(() =>
        parseTeams('GET /teams', [{ id, name: 'A', players: [] }]),
      ).message,
    ).toBe(
      `GET /teams: item 0: id must be a non-negative integer, got ${JSON.stringify(id)}`,
    );
  });
});

describe('parseMatches', () => {
  it('maps fields and accepts integer strings as scores', () => {
    expect(
      parseMatches('GET /matches', [
        match(),
        match({ id: 2, team1_score: '3', team2_score: '0' }),
      ]),
    ).toEqual([
      { id: 1, team1Id: 2, team2Id: 3, team1Score: 1, team2Score: 0 },
      { id: 2, team1Id: 2, team2Id: 3, team1Score: 3, team2Score: 0 },
    ]);
  });

  it('names endpoint, index, id and field of a bad score', () => {
    const body = Array.from({ length: 13 }, (_, index) =>
      match({ id: index + 28 }),
    );
    body[12] = match({ id: 40, team1_score: 'abc' });
    expect(payloadError(() => parseMatches('GET /matches', body)).message).toBe(
      'GET /matches: item 12 (id 40): team1_score must be a non-negative integer, got "abc"',
    );
  });

  it.each([['-3'], [' 3'], ['3.0'], [-1], [2.5], [null], [true]])(
    'rejects the score %p',
    (score) => {
      expect(() =>
        parseMatches('GET /matches', [match({ team2_score: score })]),
      ).toThrow(/item 0 \(id 1\): team2_score must be a non-negative integer/);
    },
  );

  it('rejects a missing team and a string team id', () => {
    const withoutTeam2: Record<string, unknown> = match();
    delete withoutTeam2.team2;
    expect(
      payloadError(() => parseMatches('GET /matches', [withoutTeam2])).message,
    ).toBe('GET /matches: item 0 (id 1): team2 is missing');
    expect(
      payloadError(() => parseMatches('GET /matches', [match({ team1: '2' })]))
        .message,
    ).toBe(
      'GET /matches: item 0 (id 1): team1 must be a non-negative integer, got "2"',
    );
  });

  it('shortens long offending values', () => {
    const message = payloadError(() =>
      parseMatches('GET /matches', [match({ team1_score: 'x'.repeat(500) })]),
    ).message;
    expect(message.length).toBeLessThan(200);
    expect(message).toMatch(/\.\.\.$/);
  });
});

describe('parsePlayer', () => {
  const endpoint = 'GET /players/7';

  it('keeps a full player as is', () => {
    expect(
      parsePlayer(
        endpoint,
        { id: 7, name: 'Lionel', surname: 'Messi', number: 10 },
        7,
      ),
    ).toEqual({ id: 7, name: 'Lionel', surname: 'Messi', number: 10 });
  });

  it.each([
    [{ id: 7, name: 'Pele' }],
    [{ id: 7, name: 'Pele', surname: null, number: null }],
    [{ id: 7, name: 'Pele', surname: '' }],
  ])('normalises a missing surname and number: %j', (body) => {
    expect(parsePlayer(endpoint, body, 7)).toEqual({
      id: 7,
      name: 'Pele',
      surname: '',
      number: null,
    });
  });

  it('rejects wrong types naming the field', () => {
    expect(
      payloadError(() =>
        parsePlayer(endpoint, { id: 7, name: 'A', surname: 3 }, 7),
      ).message,
    ).toBe('GET /players/7: surname must be a string, got 3');
    expect(
      payloadError(() =>
        parsePlayer(endpoint, { id: 7, name: 'A', number: '10' }, 7),
      ).message,
    ).toBe('GET /players/7: number must be a non-negative integer, got "10"');
    expect(
      payloadError(() => parsePlayer(endpoint, { id: 7, surname: 'B' }, 7))
        .message,
    ).toBe('GET /players/7: name is missing');
  });

  it('rejects an array, and a player other than the one asked for', () => {
    expect(payloadError(() => parsePlayer(endpoint, [], 7)).message).toBe(
      'GET /players/7: expected a JSON object, got []',
    );
    expect(
      payloadError(() => parsePlayer(endpoint, { id: 8, name: 'A' }, 7))
        .message,
    ).toBe('GET /players/7: id must be 7 (the requested player), got 8');
  });
});

describe('parseGoals', () => {
  const endpoint = 'GET /goals?match_id=4';

  it('maps fields', () => {
    expect(
      parseGoals(endpoint, [{ id: 1, player: 2, match: 4, minute: 0 }], 4),
    ).toEqual([{ id: 1, playerId: 2, matchId: 4, minute: 0 }]);
  });

  it('rejects a negative minute and a string minute', () => {
    expect(
      payloadError(() =>
        parseGoals(endpoint, [{ id: 3, player: 2, match: 4, minute: -5 }], 4),
      ).message,
    ).toBe(
      'GET /goals?match_id=4: item 0 (id 3): minute must be a non-negative integer, got -5',
    );
    expect(() =>
      parseGoals(endpoint, [{ id: 3, player: 2, match: 4, minute: '5' }], 4),
    ).toThrow(/minute must be a non-negative integer, got "5"/);
  });

  it('rejects goals of another match', () => {
    expect(
      payloadError(() =>
        parseGoals(endpoint, [{ id: 3, player: 2, match: 5, minute: 1 }], 4),
      ).message,
    ).toBe(
      'GET /goals?match_id=4: item 0 (id 3): match must be 4 (the requested match), got 5',
    );
  });
});
