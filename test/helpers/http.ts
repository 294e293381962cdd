/** Reads a JSON body for assertions (tests inspect arbitrary shapes). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function json(res: Response | Promise<Response>): Promise<any> {
  return Promise.resolve(res).then((r) => r.json());
}
