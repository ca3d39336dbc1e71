import { ModelInputError } from '../../src/shared/errors';

/** The message of the ModelInputError `f` throws; fails the test when `f` throws anything else or nothing. */
export function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ModelInputError);
    return (e as Error).message;
  }
  throw new Error('expected a ModelInputError');
}
