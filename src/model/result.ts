/**
 * The outcome of an operation that can fail on what a user gave it (a command on a workspace, a
 * request to simulate): the value, or a message for the user. Errors are data: the core never
 * throws on user input, so the CLI, the store and tests each decide how to show a failure.
 */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
