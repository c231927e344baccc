import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { ValidationError } from 'class-validator';

function firstProblems(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => {
    const constraints = Object.values(error.constraints ?? {});
    return constraints.length > 0
      ? [constraints[0]]
      : firstProblems(error.children ?? []);
  });
}

/** Validates and converts query parameters; a 400 names each bad parameter. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException(firstProblems(errors).join('; ')),
  });
}
