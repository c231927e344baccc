/** Longest number a query may carry: every safe integer fits in 15 digits. */
const QUERY_INTEGER = /^\d{1,15}$/;

/**
 * A non-negative integer written in a query string, or undefined for
 * anything else: signs, decimals, hex, spaces, repeats, 16 or more digits.
 */
export function parseQueryInteger(value: unknown): number | undefined {
  return typeof value === 'string' && QUERY_INTEGER.test(value)
    ? Number(value)
    : undefined;
}

/**
 * class-transformer step: digits become a number; anything else stays as
 * it came, so that validation fails with a message naming the parameter.
 */
export const toQueryInteger = ({ value }: { value: unknown }): unknown =>
  parseQueryInteger(value) ?? value;
