import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which upstream a run synced from, so data of two sources never mixes. */
export class RecordSyncSource1733330000000 implements MigrationInterface {
  name = 'RecordSyncSource1733330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_runs" ADD COLUMN "source" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_runs" DROP COLUMN "source"`);
  }
}
