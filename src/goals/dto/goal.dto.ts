import { Goal } from '../../league/league.types';

export class GoalDto {
  /** Id of the match the goal was scored in. @example 1 */
  match: number;

  /** Minute of the match. @example 44 */
  time: number;

  static from(goal: Goal): GoalDto {
    return { match: goal.matchId, time: goal.minute };
  }
}
