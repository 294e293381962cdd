import { expect } from 'vitest';

/** Reads a JSON body for assertions (tests inspect arbitrary shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function json(res: Response | Promise<Response>): Promise<any> {
  return Promise.resolve(res).then((r) => r.json());
}

/** An error answer: its status, its code and a message a person can read (never empty); returns the error. */
export async function expectError(res: Response | Promise<Response>, status: number, code: string) {
  const r = await res;
  const body = await json(r);
  expect([r.status, body.error?.code]).toEqual([status, code]);
  expect(body.error.message).toMatch(/\S/);
  return body.error;
}
