import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPermitDocumentActivities } from '../../src/activities/permit/permitDocumentActivities.js';
import { maskNikForDocument } from '../../src/domain/identifiers/nik.js';
import { storeFirstPermitDocument } from '../../src/repositories/permitDocumentRepository.js';
import { pdfText, qrCodesOnPage } from '../documents/pdfTools.js';
import { VALID_NIK } from '../support/permitScenario.js';
import { TEST_PERMIT_DOCUMENTS } from '../support/testStack.js';
import { waitFor } from '../support/waitFor.js';
import { type ApiTestStack, startApiTestStack } from './support/apiStack.js';
import { call, submitViaApi, uploadKtp } from './support/httpClient.js';

// The permit document end to end over real HTTP: issued by the worker when the file is granted,
// fetched by its applicant, read as a person and a scanner would (pdftotext, pdftoppm + zbarimg),
// verified through the link in its QR code, checked byte for byte, and revoked by the signing role.

let api: ApiTestStack;
beforeAll(async () => {
  api = await startApiTestStack('permit_document');
});
afterAll(async () => {
  await api?.stop();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function fetchBytes(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function statusOf(
  rn: string,
  accessCode: string,
): Promise<{ status: string; permitNumber: string | null }> {
  return (
    await call<{ status: string; permitNumber: string | null }>(
      api.url,
      'GET',
      `/api/v1/applications/${rn}`,
      { accessCode },
    )
  ).body;
}

async function decide(rn: string, officer: keyof ApiTestStack['keys']) {
  const res = await call(api.url, 'POST', `/api/v1/applications/${rn}/decisions`, {
    bearer: api.keys[officer],
    body: { decision: 'approve' },
  });
  expect(res.status, res.text).toBe(200);
}

async function uploadCopy(url: string, pdf: Buffer, accept = 'application/json') {
  const form = new FormData();
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'sk.pdf');
  const res = await fetch(url, { method: 'POST', body: form, headers: { accept } });
  return { status: res.status, text: await res.text() };
}

test('an issued permit: the PDF, its QR link, genuine and altered copies, revocation by the signing role only', async () => {
  const file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  const rn = file.registrationNumber;
  const permitPath = `/api/v1/applications/${rn}/permit`;
  const code = { 'x-access-code': file.accessCode };

  // Before issue: nothing, like the status of a file one may not see.
  expect((await fetchBytes(permitPath, code)).status).toBe(404);
  await decide(rn, 'verifikator');
  await decide(rn, 'teknisDinkes');
  await decide(rn, 'kepala');
  await waitFor(
    'the file to be issued',
    async () => (await statusOf(rn, file.accessCode)).status === 'ISSUED',
  );
  const { permitNumber } = await statusOf(rn, file.accessCode);
  if (!permitNumber) throw new Error('an issued file has a permit number');

  expect((await fetchBytes(permitPath)).status).toBe(404);
  expect((await fetchBytes(permitPath, { 'x-access-code': 'WRONGCODE1' })).status).toBe(404);
  expect((await fetchBytes(permitPath, { authorization: `Bearer ${api.keys.teknis}` })).status).toBe(404);
  const fetched = await fetchBytes(permitPath, code);
  expect(fetched.status).toBe(200);
  expect(fetched.headers.get('content-type')).toBe('application/pdf');
  const pdf = fetched.bytes;
  expect(fetched.headers.get('x-content-sha256')).toBe(sha256(pdf));
  // An officer of the file reads the same bytes.
  const asOfficer = await fetchBytes(permitPath, { authorization: `Bearer ${api.keys.kepala}` });
  expect(asOfficer.bytes.equals(pdf)).toBe(true);

  const text = await pdfText(pdf);
  expect(text).toContain(permitNumber);
  expect(text).toContain('Siti Rahmawati');
  expect(text).toContain('IZIN UJI GRATIS');
  expect(text).toContain(maskNikForDocument(VALID_NIK));
  expect(text.replace(/\s/g, '')).not.toContain(VALID_NIK);

  // The audit event of the issue holds the document's fingerprint.
  const issued = await api.stack.pool.query<{ details: { documentSha256?: string } }>(
    `SELECT details FROM audit_events WHERE workflow_id = $1 AND action = 'issued'`,
    [rn],
  );
  expect(issued.rows[0]?.details.documentSha256).toBe(sha256(pdf));

  // Issued once: the activity retried, or another document offered for the file, answers the first.
  const activities = createPermitDocumentActivities({
    pool: api.stack.pool,
    permitDocuments: TEST_PERMIT_DOCUMENTS,
  });
  const retried = await activities.issuePermitDocument({
    registrationNumber: rn,
    permitNumber,
    decision: 'issued',
    decidedStageKey: 'decision',
    issuedAt: new Date().toISOString(),
  });
  expect(retried.sha256).toBe(sha256(pdf));
  const other = Buffer.from('%PDF-1.4 another');
  const kept = await storeFirstPermitDocument(api.stack.pool, {
    registrationNumber: rn,
    permitNumber,
    sha256: sha256(other),
    content: other,
    tokenHash: 'f'.repeat(64),
    decision: 'issued',
    issuedAt: new Date(),
    validUntil: null,
  });
  expect(kept.sha256).toBe(sha256(pdf));
  expect((await fetchBytes(permitPath, code)).bytes.equals(pdf)).toBe(true);

  const [link] = await qrCodesOnPage(pdf, 1);
  expect(link).toMatch(new RegExp(`^${api.url}/verifikasi/[A-Za-z0-9_-]{27,}$`));
  const page = await fetch(link as string);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
  expect(html).toContain('<html lang="id"');
  expect(html).toContain('SAH');
  expect(html).toContain(permitNumber);
  expect(html).toContain('Siti R.');
  expect(html).not.toContain('Rahmawati');
  expect(html).toContain(sha256(pdf));

  const json = await fetch(link as string, { headers: { accept: 'application/json' } });
  expect(await json.json()).toMatchObject({
    status: 'VALID',
    permitNumber,
    sha256: sha256(pdf),
    holder: 'Siti R.',
    decision: 'issued',
    revokedAt: null,
  });

  expect(JSON.parse((await uploadCopy(link as string, pdf)).text)).toMatchObject({ genuine: true });
  const altered = Buffer.from(pdf);
  const middle = Math.floor(altered.length / 2);
  altered[middle] = (altered[middle] as number) ^ 0x01;
  const alteredAnswer = await uploadCopy(link as string, altered);
  expect(alteredAnswer.status).toBe(200);
  expect(JSON.parse(alteredAnswer.text)).toMatchObject({ genuine: false, sha256: sha256(altered) });
  expect((await uploadCopy(link as string, pdf, 'text/html')).text).toContain('ASLI: berkas ini sama persis');
  expect((await uploadCopy(link as string, altered, 'text/html')).text).toContain('TIDAK ASLI');

  // EXPIRED from the day after its last day of validity (TEST-FREE: one year).
  const token = decodeURIComponent((link as string).split('/').at(-1) as string);
  const inTwoYears = new Date(Date.now() + 2 * 365 * 86_400_000);
  expect((await api.services.permitVerification.verify(token, inTwoYears))?.status).toBe('EXPIRED');

  // Revocation: the signing role (kepala, DPMPTSP) only.
  const revocation = `/api/v1/permits/${encodeURIComponent(permitNumber)}/revocation`;
  const reason = { reason: 'Praktik tidak sesuai izin' };
  expect((await call(api.url, 'POST', revocation, { body: reason })).status).toBe(401);
  expect(
    (await call(api.url, 'POST', revocation, { body: reason, bearer: api.keys.teknisDinkes })).status,
  ).toBe(403);
  expect(
    (await call(api.url, 'POST', revocation, { body: reason, bearer: api.keys.verifikator })).status,
  ).toBe(403);
  const unknown = `/api/v1/permits/${encodeURIComponent('SK/TEST-FREE/2026/999999')}/revocation`;
  expect((await call(api.url, 'POST', unknown, { body: reason, bearer: api.keys.kepala })).status).toBe(404);
  const revoked = await call(api.url, 'POST', revocation, { body: reason, bearer: api.keys.kepala });
  expect(revoked.status, revoked.text).toBe(200);
  expect((await call(api.url, 'POST', revocation, { body: reason, bearer: api.keys.kepala })).status).toBe(
    409,
  );

  const revokedPage = await (await fetch(link as string)).text();
  expect(revokedPage).toContain('DICABUT');
  expect(revokedPage).toContain('Praktik tidak sesuai izin');
  expect(await (await fetch(`${link}?lang=en`)).text()).toContain('REVOKED');
  expect(
    await (await fetch(link as string, { headers: { accept: 'application/json' } })).json(),
  ).toMatchObject({
    status: 'REVOKED',
    revocationReason: 'Praktik tidak sesuai izin',
  });
  // The revoked document is still the genuine one: it is genuine, and it says revoked.
  expect(JSON.parse((await uploadCopy(link as string, pdf)).text)).toMatchObject({ genuine: true });

  // Recorded in the file's audit trail with the officer, and the holder is told.
  const audit = await api.stack.pool.query<{ actor_id: string; actor_role: string; reason: string }>(
    `SELECT actor_id, actor_role, reason FROM audit_events WHERE workflow_id = $1 AND action = 'revoked'`,
    [rn],
  );
  expect(audit.rows).toEqual([{ actor_id: expect.any(String), actor_role: 'kepala', reason: reason.reason }]);
  const notice = await api.stack.pool.query<{ params: Record<string, unknown> }>(
    `SELECT params FROM notification_outbox WHERE workflow_id = $1 AND template = 'permit_revoked'`,
    [rn],
  );
  expect(notice.rows[0]?.params).toMatchObject({ permitNumber, reason: reason.reason });
  // A revocation outweighs expiry: a revoked permit never reads as merely out of date.
  expect((await api.services.permitVerification.verify(token, inTwoYears))?.status).toBe('REVOKED');
});

test('guessed tokens and other addresses under /verifikasi answer the same 404 page; the page is rate limited', async () => {
  const guesses = ['q3Jb7xW0pVnE2rT9yK5mLs8dHfA4cZ1u', 'short', 'x'.repeat(200)];
  const answers = await Promise.all(guesses.map((g) => fetchBytes(`/verifikasi/${g}`)));
  for (const answer of answers) expect(answer.status).toBe(404);
  expect(answers[1]?.bytes.equals(answers[0]?.bytes as Buffer)).toBe(true);
  expect(answers[0]?.bytes.toString()).toContain('Halaman tidak ditemukan');
  expect((await fetchBytes('/verifikasi')).status).toBe(404);
  const post = await uploadCopy(`${api.url}/verifikasi/${guesses[0]}`, Buffer.from('%PDF-1.4'));
  expect(post.status).toBe(404);

  const limited = await api.serveWith({
    rateLimits: { publicPerMinute: 2, authFailuresPer15Minutes: 100, officerPerMinute: 100 },
  });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${limited.url}/verifikasi/${guesses[0]}`)).status);
    expect(statuses).toEqual([404, 404, 429]);
  } finally {
    await limited.close();
  }
});

test('a deemed approval: its document says so with the legal basis, and verifies like a signed one', async () => {
  const file = await submitViaApi(api.url, 'TEST-FAST-DEEMED', await uploadKtp(api.url, 'TEST-FAST-DEEMED'));
  const rn = file.registrationNumber;
  await decide(rn, 'verifikator');
  await waitFor(
    'the file to be deemed approved',
    async () => (await statusOf(rn, file.accessCode)).status === 'DEEMED_APPROVED',
    30_000,
  );
  const fetched = await fetchBytes(`/api/v1/applications/${rn}/permit`, { 'x-access-code': file.accessCode });
  expect(fetched.status).toBe(200);
  const text = await pdfText(fetched.bytes);
  expect(text).toContain('FIKTIF POSITIF');
  expect(text).toMatch(/dianggap\s+dikabulkan/);
  const [link] = await qrCodesOnPage(fetched.bytes, 1);
  const json = await (await fetch(link as string, { headers: { accept: 'application/json' } })).json();
  expect(json).toMatchObject({ status: 'VALID', decision: 'deemed_approved', sha256: sha256(fetched.bytes) });
});
