import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { toQueryInteger } from '../validation/query-integer';

export const PAGE_LIMIT_DEFAULT = 20;
export const PAGE_LIMIT_MAX = 100;

const LIMIT_MESSAGE = `limit must be an integer from 1 to ${PAGE_LIMIT_MAX}`;
const OFFSET_MESSAGE =
  'offset must be a non-negative integer of at most 15 digits';

/** `limit` and `offset` of a paged list. */
export class PageQueryDto {
  @ApiPropertyOptional({
    description: 'How many items to return at most',
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMIT_MAX,
    default: PAGE_LIMIT_DEFAULT,
    example: PAGE_LIMIT_DEFAULT,
  })
  @Transform(toQueryInteger)
  @Max(PAGE_LIMIT_MAX, { message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @IsInt({ message: LIMIT_MESSAGE })
  limit: number = PAGE_LIMIT_DEFAULT;

  @ApiPropertyOptional({
    description: 'How many items to skip from the start of the list',
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    default: 0,
    example: 0,
  })
  @Transform(toQueryInteger)
  @IsInt({ message: OFFSET_MESSAGE })
  offset: number = 0;
}

/** One page of a longer list, and where it sits in that list. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function pageOf<T>(list: readonly T[], query: PageQueryDto): Page<T> {
  return {
    items: list.slice(query.offset, query.offset + query.limit),
    total: list.length,
    limit: query.limit,
    offset: query.offset,
  };
}
