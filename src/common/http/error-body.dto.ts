/** The body of every error response, from every endpoint. */
export class ErrorBodyDto {
  /** HTTP status code. @example 404 */
  status: number;

  /** HTTP reason phrase. @example Not Found */
  error: string;

  /** What went wrong, naming the parameter or the missing thing. @example No team is named "Chelsee" */
  message: string;

  /** Close matches to what was asked, where there are any. @example ["Chelsea"] */
  suggestions?: string[];

  /** The path that was asked for. @example /stats */
  path: string;
}
