/**
 * One JSON object sent as it is read: `head`'s fields, then `key` as an array filled page by page. Each
 * page is read when the client has taken the previous one (the stream's pull), so memory holds one page,
 * not the document. A page that fails ends the stream with an error: the client gets a cut, invalid
 * document rather than a valid one missing data.
 */
export function streamJsonObject(
  head: Record<string, unknown>,
  key: string,
  pages: AsyncIterator<unknown[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const opening = JSON.stringify(head);
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const fields = opening.slice(1, -1);
      controller.enqueue(encoder.encode(`{${fields}${fields ? ',' : ''}${JSON.stringify(key)}:[`));
    },
    async pull(controller) {
      // A pull that enqueues nothing is not called again: empty pages are skipped here.
      let next = await pages.next();
      while (!next.done && next.value.length === 0) next = await pages.next();
      if (next.done) {
        controller.enqueue(encoder.encode(']}'));
        controller.close();
        return;
      }
      const items = next.value.map((v) => JSON.stringify(v)).join(',');
      controller.enqueue(encoder.encode(`${first ? '' : ','}${items}`));
      first = false;
    },
    async cancel() {
      await pages.return?.();
    },
  });
}
