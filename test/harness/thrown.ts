/**
 * The error `fn` throws, which must be an instance of `type`, for a test to read its code, field
 * and message. Fails the test when `fn` throws nothing or another kind of error.
 */
export function thrown<E extends Error>(type: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected a ${type.name}`);
}
