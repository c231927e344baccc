import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLeagueSchema1733320000000 implements MigrationInterface {
  name = 'CreateLeagueSchema1733320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "teams" ("id" integer PRIMARY KEY NOT NULL, "name" text NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "players" ("id" integer PRIMARY KEY NOT NULL, "name" text NOT NULL, "surname" text NOT NULL, "number" integer)`,
    );
    await queryRunner.query(
      `CREATE TABLE "roster_entries" ("team_id" integer NOT NULL, "player_id" integer NOT NULL, "position" integer NOT NULL, PRIMARY KEY ("team_id", "player_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "matches" ("id" integer PRIMARY KEY NOT NULL, "team1_id" integer NOT NULL, "team2_id" integer NOT NULL, "team1_score" integer NOT NULL, "team2_score" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "goals" ("id" integer PRIMARY KEY NOT NULL, "player_id" integer NOT NULL, "match_id" integer NOT NULL, "minute" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_goals_player" ON "goals" ("player_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_goals_match" ON "goals" ("match_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sync_runs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "kind" text NOT NULL, "outcome" text NOT NULL, "started_at" datetime NOT NULL, "finished_at" datetime, "requests" integer NOT NULL DEFAULT (0), "teams" integer NOT NULL DEFAULT (0), "players" integer NOT NULL DEFAULT (0), "matches" integer NOT NULL DEFAULT (0), "goals" integer NOT NULL DEFAULT (0), "changes" integer NOT NULL DEFAULT (0), "content_hash" text, "error" text)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_sync_runs_outcome" ON "sync_runs" ("outcome") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_sync_runs_outcome"`);
    await queryRunner.query(`DROP TABLE "sync_runs"`);
    await queryRunner.query(`DROP INDEX "idx_goals_match"`);
    await queryRunner.query(`DROP INDEX "idx_goals_player"`);
    await queryRunner.query(`DROP TABLE "goals"`);
    await queryRunner.query(`DROP TABLE "matches"`);
    await queryRunner.query(`DROP TABLE "roster_entries"`);
    await queryRunner.query(`DROP TABLE "players"`);
    await queryRunner.query(`DROP TABLE "teams"`);
  }
}
