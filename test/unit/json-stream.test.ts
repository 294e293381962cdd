import { describe, expect, it } from 'vitest';
import { streamJsonObject } from '../../shared/http/json-stream';

async function* pagesOf(pages: unknown[][], read: number[]) {
  for (const [i, p] of pages.entries()) {
    read.push(i);
    yield p;
  }
}

const text = (s: ReadableStream<Uint8Array>) => new Response(s).text();

describe('streamJsonObject (the account export, SPEC §14)', () => {
  it('is one JSON object: the head, then the key as an array of every page in order, empty pages skipped', async () => {
    const pages = [[{ a: 1 }, { a: 2 }], [], [{ a: 3 }], [], []];
    const body = await text(streamJsonObject({ x: 'y', n: [1] }, 'items', pagesOf(pages, [])));
    expect(JSON.parse(body)).toEqual({ x: 'y', n: [1], items: [{ a: 1 }, { a: 2 }, { a: 3 }] });
  });

  it('with no pages, or an empty head, is still valid JSON', async () => {
    expect(JSON.parse(await text(streamJsonObject({ x: 1 }, 'items', pagesOf([], []))))).toEqual({ x: 1, items: [] });
    expect(JSON.parse(await text(streamJsonObject({}, 'items', pagesOf([[], [2]], []))))).toEqual({ items: [2] });
  });

  it('reads a page only when the reader asks for more, and stops reading when the reader goes', async () => {
    const read: number[] = [];
    const reader = streamJsonObject({}, 'items', pagesOf([[1], [2], [3], [4]], read)).getReader();
    await reader.read(); // the opening, enqueued at start
    await reader.read();
    expect(read.length).toBeLessThan(4);
    await reader.cancel();
    const after = read.length;
    await new Promise((r) => setTimeout(r, 10));
    expect(read.length).toBe(after);
  });

  it('a page that fails errors the stream: the reader never gets a closed, valid document', async () => {
    async function* failing() {
      yield [1];
      throw new Error('db gone');
    }
    await expect(text(streamJsonObject({}, 'items', failing()))).rejects.toThrow('db gone');
  });
});
