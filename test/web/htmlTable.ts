// Reads a rendered table back for the page tests: each body row's header cell text and its
// data cells, in order. The pages are rendered by hono/jsx without whitespace between tags.

/** The rows of the table that follows `id="<anchorId>"`: row header → data cells. */
export function tableRows(html: string, anchorId: string): Map<string, string[]> {
  const start = html.indexOf(`id="${anchorId}"`);
  if (start < 0) throw new Error(`no element with id ${anchorId}`);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  const rows = new Map<string, string[]>();
  for (const [, row = ''] of body.matchAll(/<tr>(.*?)<\/tr>/g)) {
    const headers = [...row.matchAll(/<th scope="row">(.*?)<\/th>/g)].map((m) => m[1]);
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1] ?? '');
    rows.set(headers.join(' | '), cells);
  }
  return rows;
}
