import 'dotenv/config';
import { Environment, EnvironmentError, loadEnvironment } from './environment';

/** The validated settings; a bad one ends the program naming it. */
export function loadEnvironmentOrExit(): Environment {
  try {
    return loadEnvironment();
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    process.stderr.write(`lksh-stats: ${error.message}\n`);
    process.exit(2);
  }
}
