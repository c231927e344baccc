import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt } from 'class-validator';
import { toQueryInteger } from './query-integer';

/**
 * A query parameter holding a non-negative integer id. Anything else
 * (signs, decimals, hex, spaces, repeats, 16+ digits) stays as it came and
 * fails validation with a message naming the parameter.
 */
export function IdParameter(description: string, example: number) {
  return applyDecorators(
    ApiProperty({
      description,
      example,
      type: 'integer',
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
    }),
    Transform(toQueryInteger),
    // Checked in this order: presence first, then the form.
    IsDefined({ message: '$property is required' }),
    IsInt({
      message: '$property must be a non-negative integer of at most 15 digits',
    }),
  );
}
