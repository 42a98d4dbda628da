import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregatePublicStats } from '../../../src/worker/statsAggregator.js';
import { type ApiTestStack, NO_LIMITS, startApiTestStack } from '../../api/support/apiStack.js';
import { call, type Submitted, submitViaApi, uploadKtp } from '../../api/support/httpClient.js';
import { VALID_NIK } from '../../support/permitScenario.js';
import { tableRows } from '../htmlTable.js';
import { answerSurveys, fileComplaints, PUNGLI_TEXT, SURVEY_COMMENT } from '../publishedFigures.js';
import { KNOWN_SURVEY_ANSWERS } from '../sampleViews.js';

// The public pages over real HTTP, served by the same express app as the API, against the real
// stack: the service standards of the test catalog, tracking through the applicant's status
// call (with the API's failed-guess limit), statistics from the aggregates, the survey and the
// complaints (the same figures as GET /api/v1/stats), the stylesheet, and the 404 page.
let api: ApiTestStack;
let file: Submitted;

const NOTE = `Foto KTP ${VALID_NIK} buram, unggah ulang`;

beforeAll(async () => {
  api = await startApiTestStack('web_pages', { settings: { botUsername: 'PerizinanSerangBot' } });
  file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  const revise = await call(api.url, 'POST', `/api/v1/applications/${file.registrationNumber}/decisions`, {
    bearer: api.keys.verifikator,
    body: { decision: 'revise', note: NOTE },
  });
  expect(revise.status).toBe(200);
  const rejected = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  const reject = await call(
    api.url,
    'POST',
    `/api/v1/applications/${rejected.registrationNumber}/decisions`,
    { bearer: api.keys.verifikator, body: { decision: 'reject', note: 'bukan wewenang kami' } },
  );
  expect(reject.status).toBe(200);
  await answerSurveys(api.url, 'TEST-ONEREV', KNOWN_SURVEY_ANSWERS);
  // One respondent only: under the floor of 5, so the page shows the count and no figure.
  await answerSurveys(api.url, 'TEST-DEEMED', KNOWN_SURVEY_ANSWERS.slice(4));
  await fileComplaints(api.url, api.keys.manager);
  await aggregatePublicStats({ pool: api.stack.pool, calendar: api.stack.calendar });
});
afterAll(async () => {
  await api?.stop();
});

const get = (path: string, base = api.url) => fetch(`${base}${path}`, { redirect: 'manual' });
const postForm = (fields: Record<string, string>, path = '/lacak', base = api.url) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('GET /', () => {
  it('publishes every permit type of the catalog with its service standard, in Indonesian by default', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="id">/);
    for (const type of api.services.catalog.permitTypes()) {
      expect(html).toContain(`id="layanan-${type.code.toLowerCase()}"`);
      expect(html).toContain(type.legalBasis[0] ?? '');
    }
    expect(html).toContain('Tidak dipungut biaya');
    expect(html).toContain('href="https://t.me/PerizinanSerangBot"');
    expect(html).toContain('hari kerja');
    expect(html).not.toMatch(/<script/i);
  });

  it('answers in English with ?lang=en', async () => {
    const html = await (await get('/?lang=en')).text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('Free of charge');
  });

  it('lets a page load only its own stylesheet: no script, no frames, forms posted here', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline|upgrade-insecure-requests/);
  });
});

describe('/lacak', () => {
  it('shows an empty form without a number and code', async () => {
    const res = await get('/lacak');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form class="card" method="post" action="/lacak">');
    expect(html).not.toContain('id="hasil"');
  });

  it('shows the status and history for the right pair, by address or by form, without the NIK or the code', async () => {
    const { registrationNumber, accessCode } = file;
    const byAddress = await get(`/lacak?nomor=${registrationNumber.toLowerCase()}&kode=${accessCode}`);
    const byForm = await postForm({ nomor: ` ${registrationNumber} `, kode: accessCode });
    for (const res of [byAddress, byForm]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain(`<dd>${registrationNumber}</dd>`);
      expect(html).toContain('menunggu perbaikan dari pemohon');
      expect(html).toContain('Permohonan diterima');
      expect(html).toContain('Diminta perbaikan berkas');
      expect(html).toContain('Foto KTP 3604');
      expect(html).not.toContain(VALID_NIK);
      expect(html).not.toContain(accessCode);
      expect(html).not.toContain('Siti Rahmawati');
    }
  });

  it('answers a wrong code exactly as a number that does not exist', async () => {
    const wrongCode = await postForm({ nomor: file.registrationNumber, kode: 'WRONGCODE2' });
    const unknown = await postForm({ nomor: 'TEST-FREE-2026-999999', kode: file.accessCode });
    const malformed = await get('/lacak?nomor=12345&kode=x');
    expect([wrongCode.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
    const [a, b, c] = await Promise.all([wrongCode.text(), unknown.text(), malformed.text()]);
    const typed = (html: string, number: string) => html.replaceAll(number, '<typed>');
    expect(typed(a, file.registrationNumber)).toBe(typed(b, 'TEST-FREE-2026-999999'));
    expect(typed(c, '12345')).toBe(typed(b, 'TEST-FREE-2026-999999'));
    expect(a).toContain('Data tidak ditemukan');
    expect(a).not.toContain('id="hasil"');
  });

  it('counts wrong codes with the API: past the limit even the right code is refused, as a page', async () => {
    const tight = await api.serveWith({ rateLimits: { ...NO_LIMITS, authFailuresPer15Minutes: 3 } });
    try {
      const rn = file.registrationNumber;
      expect((await postForm({ nomor: rn, kode: 'WRONGCODE2' }, '/lacak', tight.url)).status).toBe(404);
      const viaApi = await call(tight.url, 'GET', `/api/v1/applications/${rn}`, { accessCode: 'WRONGCODE3' });
      expect(viaApi.status).toBe(404);
      expect((await get(`/lacak?nomor=${rn}&kode=WRONGCODE4`, tight.url)).status).toBe(404);
      const refused = await postForm({ nomor: rn, kode: file.accessCode }, '/lacak', tight.url);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const html = await refused.text();
      expect(html).toMatch(/^<!doctype html><html lang="id">/);
      expect(html).toContain('Terlalu banyak permintaan');
      // The API meets the same count, and still answers in problem+json.
      const apiRefused = await call(tight.url, 'GET', `/api/v1/applications/${rn}`, {
        accessCode: file.accessCode,
      });
      expect(apiRefused.status).toBe(429);
      expect(apiRefused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      // Another file from the same address is still reachable.
      const other = await submitViaApi(tight.url, 'TEST-FREE', await uploadKtp(tight.url));
      const open = await get(`/lacak?nomor=${other.registrationNumber}&kode=${other.accessCode}`, tight.url);
      expect(open.status).toBe(200);
    } finally {
      await tight.close();
    }
  });
});

describe('GET /statistik', () => {
  it('shows the same figures as GET /api/v1/stats, with the on-time chart of twelve months', async () => {
    const res = await get('/statistik');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const html = await res.text();
    const stats = await call<{
      permitTypes: {
        permitTypeCode: string;
        pastDeadline: number;
        months: { month: string; received: number; decided: number; decidedWithinSlaShare: number | null }[];
      }[];
      onTimeLast12Months: { month: string; share: number | null }[];
    }>(api.url, 'GET', '/api/v1/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.onTimeLast12Months).toHaveLength(12);
    const free = stats.body.permitTypes.find((t) => t.permitTypeCode === 'TEST-FREE');
    const month = free?.months.at(-1);
    expect(month).toMatchObject({ received: 3, decided: 1, decidedWithinSlaShare: 1 });
    const section = html.slice(html.indexOf('id="statistik-test-free"'));
    const row = section.slice(section.indexOf('<tbody>'), section.indexOf('</tbody>'));
    expect(row).toMatch(/<td>3<\/td><td>1<\/td><td>100%<\/td>/);
    expect(section).toContain(`${free?.pastDeadline ?? 0} berkas`);
    // The chart: one bar per month with a decision, its value as the API's share.
    expect(html).toContain('<svg class="chart"');
    const bars = html.match(/<rect class="bar"/g) ?? [];
    expect(bars).toHaveLength(stats.body.onTimeLast12Months.filter((m) => m.share !== null).length);
    expect(html).not.toContain(file.registrationNumber);
  });
});

describe('GET /statistik: the survey and the complaints', () => {
  interface Published {
    survey: {
      permitTypeCode: string;
      respondents: number;
      withheld: string | null;
      ikm: number | null;
      grade: string | null;
    }[];
    complaints: {
      month: string;
      category: string;
      received: number;
      answered: number;
      answeredOnTime: number;
      medianResponseHours: number | null;
    }[];
  }
  const section = (html: string, id: string) => {
    const start = html.indexOf(`id="${id}"`);
    return html.slice(start, html.indexOf('</table>', start));
  };

  it('shows the IKM, grade and element means computed from the answers, as the API publishes them', async () => {
    const stats = await call<Published>(api.url, 'GET', '/api/v1/stats');
    expect(stats.body.survey).toEqual([
      expect.objectContaining({
        permitTypeCode: 'TEST-DEEMED',
        respondents: 1,
        withheld: 'too_few_respondents',
        ikm: null,
      }),
      expect.objectContaining({
        permitTypeCode: 'TEST-ONEREV',
        respondents: 5,
        withheld: null,
        ikm: 83.89,
        grade: 'B',
      }),
    ]);
    const html = await (await get('/statistik')).text();
    const rows = tableRows(html, 'survei-test-onerev');
    expect(rows.get('Responden')).toEqual(['5']);
    // The five answers' element means (test/web/sampleViews.ts) and their IKM 83.89, a B.
    const means = [...rows.entries()].filter(([name]) => /^U\d /.test(name)).map(([, cells]) => cells[0]);
    expect(means).toEqual(['3,600', '3,000', '3,400', '4,000', '3,200', '3,400', '3,800', '2,400', '3,400']);
    expect(rows.get('Indeks Kepuasan Masyarakat (IKM)')).toEqual(['83,89']);
    expect(rows.get('Mutu pelayanan')).toEqual(['B (Baik)']);
    const english = tableRows(await (await get('/statistik?lang=en')).text(), 'survei-test-onerev');
    expect(english.get('Satisfaction index (IKM)')).toEqual(['83.89']);
    expect(english.get('Service quality')).toEqual(['B (Good)']);
    expect(html).not.toContain(SURVEY_COMMENT);
  });

  it("shows a quarter under the anonymity floor with its respondents only, not that person's scores", async () => {
    const html = await (await get('/statistik')).text();
    const rows = tableRows(html, 'survei-test-deemed');
    expect(rows.get('Responden')).toEqual(['1']);
    const cells = [...rows.entries()].filter(([name]) => name !== 'Responden').map(([, [cell]]) => cell);
    expect(cells).toEqual([...Array(9).fill('–'), 'Tidak diumumkan: kurang dari 5 responden', '–']);
  });

  it('shows each month and category of complaints with the API figures, without their text', async () => {
    const stats = await call<Published>(api.url, 'GET', '/api/v1/stats');
    const byCategory = new Map(stats.body.complaints.map((row) => [row.category, row]));
    expect(byCategory.get('pungli')).toMatchObject({ received: 1, answered: 1 });
    expect(byCategory.get('delay')).toMatchObject({ received: 1, answered: 0, medianResponseHours: null });
    const html = await (await get('/statistik')).text();
    const table = section(html, 'pengaduan');
    const pungli = byCategory.get('pungli')!;
    const share = `${Math.round((pungli.answeredOnTime / pungli.answered) * 100)}%`;
    expect(table).toContain(
      `<th scope="row">Pungutan liar atau permintaan uang</th><td>1</td><td>1</td><td>${share}</td>`,
    );
    expect(table).toContain(
      '<th scope="row">Keterlambatan layanan</th><td>1</td><td>0</td><td>–</td><td>–</td>',
    );
    expect(html).not.toContain(PUNGLI_TEXT);
    expect(html).not.toContain('ADU-');
  });
});

describe('the stylesheet and unknown addresses', () => {
  it('serves the stylesheet cacheably, and a 304 for the copy a browser holds', async () => {
    const res = await get('/assets/site.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await res.text()).length).toBeGreaterThan(100);
    const etag = res.headers.get('etag') ?? '';
    const again = await fetch(`${api.url}/assets/site.css`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers the HTML 404 page outside the API and problem+json inside it', async () => {
    const page = await get('/tidak-ada?lang=en');
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('Page not found');
    const problem = await get('/api/v1/tidak-ada');
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
