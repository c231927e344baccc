import { Goal, Match, Player, Team } from '../league/league.types';
import { UpstreamPayloadError } from './upstream.errors';

type JsonObject = Record<string, unknown>;

const SNIPPET_LENGTH = 60;

/**
 * Where in a payload a value sits, so that an error can say
 * "GET /matches: item 12 (id 40): team1_score ...".
 */
class PayloadLocation {
  constructor(
    readonly endpoint: string,
    private readonly item?: { index: number; id?: number },
  ) {}

  at(index: number, id?: number): PayloadLocation {
    return new PayloadLocation(this.endpoint, { index, id });
  }

  fail(detail: string): never {
    throw new UpstreamPayloadError(this.endpoint, this.prefix() + detail);
  }

  private prefix(): string {
    if (!this.item) return '';
    const { index, id } = this.item;
    return id === undefined ? `item ${index}: ` : `item ${index} (id ${id}): `;
  }
}

/** A short, printable rendering of an offending value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // Values come from JSON.parse, so they always stringify back.
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > SNIPPET_LENGTH
    ? `${text.slice(0, SNIPPET_LENGTH)}...`
    : text;
}

/**
 * Parses a body that should be JSON. Bodies are read as text so that a
 * truncated answer or an HTML error page served with 200 ends up here as a
 * payload error instead of a string slipping through as "data".
 */
export function parseJsonBody(endpoint: string, body: string): unknown {
  if (body.trim() === '') {
    throw new UpstreamPayloadError(endpoint, 'empty response body');
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UpstreamPayloadError(
      endpoint,
      `response is not valid JSON (${reason}); body starts with ` +
        describeValue(body.slice(0, SNIPPET_LENGTH)),
    );
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function expectArray(location: PayloadLocation, body: unknown): unknown[] {
  if (!Array.isArray(body)) {
    location.fail(`expected a JSON array, got ${typeName(body)}`);
  }
  return body;
}

function expectObject(location: PayloadLocation, value: unknown): JsonObject {
  if (!isObject(value)) {
    location.fail(`expected a JSON object, got ${describeValue(value)}`);
  }
  return value;
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function requireField(
  location: PayloadLocation,
  item: JsonObject,
  field: string,
): unknown {
  if (!Object.hasOwn(item, field)) location.fail(`${field} is missing`);
  return item[field];
}

function nonNegativeInteger(
  location: PayloadLocation,
  item: JsonObject,
  field: string,
): number {
  const value = requireField(location, item, field);
  if (!isNonNegativeInteger(value)) {
    location.fail(
      `${field} must be a non-negative integer, got ${describeValue(value)}`,
    );
  }
  return value;
}

/** Scores: the upstream documents strings but sends numbers; take both. */
function score(
  location: PayloadLocation,
  item: JsonObject,
  field: string,
): number {
  const value = requireField(location, item, field);
  const parsed =
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (!isNonNegativeInteger(parsed)) {
    location.fail(
      `${field} must be a non-negative integer, got ${describeValue(value)}`,
    );
  }
  return parsed;
}

/** Names are kept byte for byte: empty and untrimmed strings are valid. */
function text(
  location: PayloadLocation,
  item: JsonObject,
  field: string,
): string {
  const value = requireField(location, item, field);
  if (typeof value !== 'string') {
    location.fail(`${field} must be a string, got ${describeValue(value)}`);
  }
  return value;
}

function optionalText(
  location: PayloadLocation,
  item: JsonObject,
  field: string,
): string {
  const value = item[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    location.fail(`${field} must be a string, got ${describeValue(value)}`);
  }
  return value;
}

function optionalInteger(
  location: PayloadLocation,
  item: JsonObject,
  field: string,
): number | null {
  const value = item[field];
  if (value === undefined || value === null) return null;
  if (!isNonNegativeInteger(value)) {
    location.fail(
      `${field} must be a non-negative integer, got ${describeValue(value)}`,
    );
  }
  return value;
}

function roster(location: PayloadLocation, item: JsonObject): number[] {
  const value = requireField(location, item, 'players');
  if (!Array.isArray(value)) {
    location.fail(`players must be an array, got ${describeValue(value)}`);
  }
  const ids = value.map((entry: unknown, index) => {
    if (!isNonNegativeInteger(entry)) {
      location.fail(
        `players[${index}] must be a non-negative integer, ` +
          `got ${describeValue(entry)}`,
      );
    }
    return entry;
  });
  return [...new Set(ids)];
}

/**
 * Validates every item of an array body. The id is read first so that
 * errors about the other fields can name the item by its id too.
 */
function parseItems<T>(
  endpoint: string,
  body: unknown,
  parseItem: (location: PayloadLocation, item: JsonObject, id: number) => T,
): T[] {
  const root = new PayloadLocation(endpoint);
  return expectArray(root, body).map((value, index) => {
    const item = expectObject(root.at(index), value);
    const id = nonNegativeInteger(root.at(index), item, 'id');
    return parseItem(root.at(index, id), item, id);
  });
}

/** `GET /teams`: `[{ id, name, players: [playerId] }]`. */
export function parseTeams(endpoint: string, body: unknown): Team[] {
  return parseItems(endpoint, body, (location, item, id) => ({
    id,
    name: text(location, item, 'name'),
    playerIds: roster(location, item),
  }));
}

/** `GET /matches`: `[{ id, team1, team2, team1_score, team2_score }]`. */
export function parseMatches(endpoint: string, body: unknown): Match[] {
  return parseItems(endpoint, body, (location, item, id) => ({
    id,
    team1Id: nonNegativeInteger(location, item, 'team1'),
    team2Id: nonNegativeInteger(location, item, 'team2'),
    team1Score: score(location, item, 'team1_score'),
    team2Score: score(location, item, 'team2_score'),
  }));
}

/**
 * `GET /goals?match_id=N`: `[{ id, player, match, minute }]`. A goal of
 * another match means the filter was not applied, which would misfile goals,
 * so it is rejected rather than stored.
 */
export function parseGoals(
  endpoint: string,
  body: unknown,
  matchId: number,
): Goal[] {
  return parseItems(endpoint, body, (location, item, id) => {
    const goalMatchId = nonNegativeInteger(location, item, 'match');
    if (goalMatchId !== matchId) {
      location.fail(
        `match must be ${matchId} (the requested match), got ${goalMatchId}`,
      );
    }
    return {
      id,
      playerId: nonNegativeInteger(location, item, 'player'),
      matchId: goalMatchId,
      minute: nonNegativeInteger(location, item, 'minute'),
    };
  });
}

/**
 * `GET /players/{id}`: `{ id, name, surname?, number? }`. The upstream may
 * leave out or null the surname and the number.
 */
export function parsePlayer(
  endpoint: string,
  body: unknown,
  playerId: number,
): Player {
  const location = new PayloadLocation(endpoint);
  const item = expectObject(location, body);
  const id = nonNegativeInteger(location, item, 'id');
  if (id !== playerId) {
    location.fail(`id must be ${playerId} (the requested player), got ${id}`);
  }
  return {
    id,
    name: text(location, item, 'name'),
    surname: optionalText(location, item, 'surname'),
    number: optionalInteger(location, item, 'number'),
  };
}
