import { NotFoundException } from '@nestjs/common';

/** A 404 whose body may carry close matches to what was asked. */
export class NotFoundWithSuggestionsException extends NotFoundException {
  constructor(
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
  }
}

export class TeamNotFoundException extends NotFoundWithSuggestionsException {
  constructor(name: string, suggestions: string[]) {
    super(`No team is named ${JSON.stringify(name)}`, suggestions);
  }
}

export class TeamIdNotFoundException extends NotFoundException {
  constructor(parameter: string, id: number) {
    super(`${parameter}: no team has id ${id}`);
  }
}

export class ScorerNotFoundException extends NotFoundException {
  constructor(parameter: string, id: number) {
    super(`${parameter}: no player or scorer has id ${id}`);
  }
}

export class PlayerNotFoundException extends NotFoundException {
  constructor(parameter: string, id: number) {
    super(`${parameter}: no player has id ${id}`);
  }
}
