import { Global, Module } from '@nestjs/common';
import { LeagueService } from './league.service';

/** The current league snapshot, which every answer reads. */
@Global()
@Module({
  providers: [LeagueService],
  exports: [LeagueService],
})
export class LeagueModule {}
