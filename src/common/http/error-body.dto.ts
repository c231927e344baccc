/** The body of every error response, from every endpoint. */
export class ErrorBodyDto {
  /** HTTP status code. @example 404 */
  status: number;

  /** HTTP reason phrase. @example "Not Found" */
  error: string;

  /** What went wrong, naming the parameter or the missing thing. @example "id: no team has id 999" */
  message: string;

  /** Close matches to what was asked: team names close to an unknown one. @example ["Chelsea"] */
  suggestions?: string[];

  /** The path that was asked for. @example "/teams/999" */
  path: string;
}
