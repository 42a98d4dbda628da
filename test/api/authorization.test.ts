import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VALID_NIK } from '../support/permitScenario.js';
import { waitFor } from '../support/waitFor.js';
import { ADMIN_TOKEN, type ApiTestStack, startApiTestStack } from './support/apiStack.js';
import {
  call,
  PDF_BYTES,
  rowCounts,
  type Submitted,
  submitViaApi,
  uploadForm,
  uploadKtp,
} from './support/httpClient.js';

// Who calls: every officer role, an officer of the right role in another department, the
// admin, the file's applicant, another file's applicant, and nobody.
type Who =
  | 'verifikator'
  | 'verifikatorDinkes'
  | 'teknis'
  | 'teknisDinkes'
  | 'kepala'
  | 'manager'
  | 'managerDinkes'
  | 'admin'
  | 'applicant'
  | 'otherApplicant'
  | 'nobody';

let api: ApiTestStack;
let atCompleteness: Submitted; // TEST-FREE, stage completeness (verifikator, DPMPTSP)
let atReview: Submitted; // TEST-FREE, stage review (tim_teknis, DINKES)
let other: Submitted; // another applicant's file
let reviewed: Submitted; // TEST-FREE, past completeness (DPMPTSP) and now at review (DINKES)
const keys: Record<string, string> = {};

beforeAll(async () => {
  api = await startApiTestStack('api_authz');
  Object.assign(keys, api.keys);
  const created = await call<{ apiKey: string }>(api.url, 'POST', '/api/v1/admin/officers', {
    bearer: ADMIN_TOKEN,
    body: { name: 'Verifikator Dinkes', roles: ['verifikator'], departments: ['DINKES'] },
  });
  keys.verifikatorDinkes = created.body.apiKey;
  const dinkesManager = await call<{ apiKey: string }>(api.url, 'POST', '/api/v1/admin/officers', {
    bearer: ADMIN_TOKEN,
    body: { name: 'Manajer Dinkes', roles: ['manager'], departments: ['DINKES'] },
  });
  keys.managerDinkes = dinkesManager.body.apiKey;
  [atCompleteness, atReview, other, reviewed] = await Promise.all([
    submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url)),
    submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url)),
    submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url)),
    submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url)),
  ]);
  for (const file of [atReview, reviewed]) {
    const approved = await decideAs('verifikator', file.registrationNumber, { decision: 'approve' });
    expect(approved.body.stageKey).toBe('review');
    await waitFor('the review stage in the read model', async () => {
      const s = await call(api.url, 'GET', `/api/v1/applications/${file.registrationNumber}`, {
        accessCode: file.accessCode,
      });
      return s.body.stage === 'review';
    });
  }
});
afterAll(async () => {
  await api?.stop();
});

function credentials(who: Who, file: Submitted) {
  switch (who) {
    case 'admin':
      return { bearer: ADMIN_TOKEN };
    case 'applicant':
      return { accessCode: file.accessCode };
    case 'otherApplicant':
      return { accessCode: other.accessCode };
    case 'nobody':
      return {};
    default:
      return { bearer: keys[who]! };
  }
}

function decideAs(who: Who, rn: string, body: unknown) {
  const file = rn === atReview.registrationNumber ? atReview : atCompleteness;
  return call<{ status: string; stageKey: string; type?: string }>(
    api.url,
    'POST',
    `/api/v1/applications/${rn}/decisions`,
    {
      ...credentials(who, file),
      body,
    },
  );
}

const problem = (slug: string) => `https://perizinan.serangkab.go.id/problems/${slug}`;

// How everyone but a verifikator of DPMPTSP is refused an officer action that is theirs (the
// completeness decision, the front desk's access-code reissue).
const notTheDpmptspVerifikator: [Who, number, string][] = [
  ['verifikatorDinkes', 403, 'wrong-department'],
  ['teknis', 403, 'wrong-role'],
  ['teknisDinkes', 403, 'wrong-role'],
  ['kepala', 403, 'wrong-role'],
  ['manager', 403, 'wrong-role'],
  ['admin', 401, 'unauthorized'],
  ['applicant', 401, 'unauthorized'],
  ['otherApplicant', 401, 'unauthorized'],
  ['nobody', 401, 'unauthorized'],
];

describe('decisions: each role, own and other department', () => {
  // Refusals first, on the file at completeness (verifikator of DPMPTSP decides there).
  test.each(notTheDpmptspVerifikator)(
    'at completeness, %s → %i %s, nothing recorded',
    async (who, status, slug) => {
      const before = await rowCounts(api.stack.pool);
      const res = await decideAs(who, atCompleteness.registrationNumber, { decision: 'approve' });
      expect(res.status).toBe(status);
      expect(res.body.type).toBe(problem(slug));
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await rowCounts(api.stack.pool)).toEqual(before);
    },
  );

  test.each<[Who, number, string]>([
    ['teknis', 403, 'wrong-department'],
    ['verifikator', 403, 'wrong-role'],
    ['verifikatorDinkes', 403, 'wrong-role'],
    ['kepala', 403, 'wrong-role'],
  ])('at the DINKES review, %s → %i %s', async (who, status, slug) => {
    const res = await decideAs(who, atReview.registrationNumber, { decision: 'approve' });
    expect(res.status).toBe(status);
    expect(res.body.type).toBe(problem(slug));
  });

  test('missing reason and note are 422; the right officer of the right department is accepted', async () => {
    const rn = atReview.registrationNumber;
    const reject = await decideAs('teknisDinkes', rn, { decision: 'reject' });
    expect([reject.status, reject.body.type]).toEqual([422, problem('missing-reason')]);
    const revise = await decideAs('teknisDinkes', rn, { decision: 'revise', note: '   ' });
    expect([revise.status, revise.body.type]).toEqual([422, problem('missing-note')]);
    const ok = await decideAs('teknisDinkes', rn, { decision: 'approve' });
    expect(ok.status).toBe(200);
    expect(ok.body.stageKey).toBe('decision');
    // The decision stage allows no revision round; the reviewer's stage is over.
    const limit = await decideAs('kepala', rn, { decision: 'revise', note: 'lengkapi' });
    expect([limit.status, limit.body.type]).toEqual([409, problem('revision-limit-reached')]);
    const late = await decideAs('teknisDinkes', rn, { decision: 'approve' });
    expect([late.status, late.body.type]).toEqual([403, problem('wrong-role')]);
  });

  test('an unknown file is 404 for an officer', async () => {
    const res = await decideAs('verifikator', 'TEST-FREE-2026-999999', { decision: 'approve' });
    expect([res.status, res.body.type]).toEqual([404, problem('not-found')]);
  });
});

describe('reading a file', () => {
  const read = (who: Who, file: Submitted) =>
    call<{ formData: Record<string, string> }>(
      api.url,
      'GET',
      `/api/v1/applications/${file.registrationNumber}`,
      credentials(who, file),
    );

  // An officer reads a file that is or was at a stage of their role in their department; a
  // manager the files of their departments; everyone else gets the stranger's 404. The NIK is
  // whole only for the applicant and the department the file is with now.
  test.each<[Who, number, string | null]>([
    ['applicant', 200, VALID_NIK],
    ['verifikator', 200, VALID_NIK],
    ['manager', 200, VALID_NIK],
    ['teknis', 404, null],
    ['kepala', 404, null],
    ['teknisDinkes', 404, null],
    ['verifikatorDinkes', 404, null],
    ['managerDinkes', 404, null],
    ['otherApplicant', 404, null],
    ['admin', 404, null],
    ['nobody', 404, null],
  ])('at completeness (DPMPTSP), %s → %i, NIK shown as %s', async (who, status, nik) => {
    const res = await read(who, atCompleteness);
    expect(res.status).toBe(status);
    if (nik) expect(res.body.formData.applicantNik).toBe(nik);
    else expect(res.text).not.toContain(atCompleteness.registrationNumber);
  });

  test.each<[Who, number, string | null]>([
    ['applicant', 200, VALID_NIK],
    ['teknisDinkes', 200, VALID_NIK],
    ['managerDinkes', 200, VALID_NIK],
    // Their role had the file at the earlier completeness stage.
    ['verifikator', 200, '3604••••••••0001'],
    ['manager', 200, '3604••••••••0001'],
    ['teknis', 404, null],
    ['kepala', 404, null],
    ['verifikatorDinkes', 404, null],
    ['nobody', 404, null],
  ])('at the DINKES review, %s → %i, NIK shown as %s', async (who, status, nik) => {
    const res = await read(who, reviewed);
    expect(res.status).toBe(status);
    if (nik) expect(res.body.formData.applicantNik).toBe(nik);
    else expect(res.text).not.toContain(reviewed.registrationNumber);
  });

  test("an officer refused a file gets the stranger's very answer", async () => {
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    const [officer, stranger] = [await read('teknis', atCompleteness), await read('nobody', atCompleteness)];
    expect([officer.status, stranger.status]).toEqual([404, 404]);
    expect(strip(officer.body)).toEqual(strip(stranger.body));
  });

  test('a wrong code and an unknown number get the very same answer', async () => {
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    const wrongCode = await call(
      api.url,
      'GET',
      `/api/v1/applications/${atCompleteness.registrationNumber}`,
      {
        accessCode: 'ABCDE-FGHJK',
      },
    );
    const unknown = await call(api.url, 'GET', '/api/v1/applications/TEST-FREE-2026-999999', {
      accessCode: 'ABCDE-FGHJK',
    });
    const malformed = await call(api.url, 'GET', '/api/v1/applications/not-a-number', { accessCode: 'x' });
    expect(wrongCode.status).toBe(404);
    expect(strip(wrongCode.body)).toEqual(strip(unknown.body));
    expect(strip(malformed.body)).toEqual(strip(unknown.body));
  });
});

describe('applicant actions', () => {
  test.each<[Who, number]>([
    ['otherApplicant', 404],
    ['nobody', 404],
    ['admin', 404],
    ['verifikator', 403],
    ['teknisDinkes', 403],
  ])('withdrawal by %s → %i, nothing recorded', async (who, status) => {
    const before = await rowCounts(api.stack.pool);
    const res = await call(
      api.url,
      'POST',
      `/api/v1/applications/${atCompleteness.registrationNumber}/withdrawal`,
      {
        ...credentials(who, atCompleteness),
        body: {},
      },
    );
    expect(res.status).toBe(status);
    expect(await rowCounts(api.stack.pool)).toEqual(before);
  });

  test.each<[Who, number, string]>([
    ['applicant', 409, 'wrong-stage'],
    ['otherApplicant', 404, 'not-found'],
    ['nobody', 404, 'not-found'],
    ['kepala', 403, 'applicant-only'],
  ])('resubmission by %s (no revision was asked) → %i %s', async (who, status, slug) => {
    const res = await call(
      api.url,
      'POST',
      `/api/v1/applications/${atCompleteness.registrationNumber}/resubmission`,
      {
        ...credentials(who, atCompleteness),
        body: { note: 'tidak ada perubahan' },
      },
    );
    expect([res.status, res.body.type]).toEqual([status, problem(slug)]);
  });

  test.each<[Who, number]>([
    ['applicant', 201],
    ['verifikator', 201],
    ['otherApplicant', 404],
    ['teknisDinkes', 404],
    ['nobody', 404],
  ])('document upload to the file by %s → %i', async (who, status) => {
    const res = await call(
      api.url,
      'POST',
      `/api/v1/applications/${atCompleteness.registrationNumber}/documents`,
      {
        ...credentials(who, atCompleteness),
        rawBody: uploadForm({ kind: 'ktp' }, PDF_BYTES),
      },
    );
    expect(res.status).toBe(status);
  });
});

describe('officer and admin endpoints', () => {
  test.each<[Who, number, string[]]>([
    ['verifikator', 200, ['atCompleteness', 'other']],
    ['verifikatorDinkes', 200, []],
    ['teknis', 200, []],
    ['kepala', 200, []],
    ['applicant', 401, []],
    ['admin', 401, []],
    ['nobody', 401, []],
  ])('inbox of %s → %i', async (who, status, expected) => {
    const res = await call<{ items: { registrationNumber: string }[] }>(
      api.url,
      'GET',
      '/api/v1/inbox',
      credentials(who, atCompleteness),
    );
    expect(res.status).toBe(status);
    if (status === 200) {
      const names = { atCompleteness, other } as Record<string, Submitted>;
      const seen = res.body.items.map((i) => i.registrationNumber);
      for (const name of expected) expect(seen).toContain(names[name]!.registrationNumber);
      if (expected.length === 0) expect(seen).not.toContain(atCompleteness.registrationNumber);
    }
  });

  test.each<[Who, number]>([
    ['admin', 200],
    ['verifikator', 401],
    ['manager', 401],
    ['applicant', 401],
    ['nobody', 401],
  ])('officer list of %s → %i', async (who, status) => {
    const res = await call(api.url, 'GET', '/api/v1/admin/officers', credentials(who, atCompleteness));
    expect(res.status).toBe(status);
  });

  test('an unknown bearer is 401 even on a public endpoint', async () => {
    const res = await call(api.url, 'GET', '/api/v1/permit-types', { bearer: 'po_not-a-real-key-000000000' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

describe('reissuing an access code at the front desk', () => {
  const reissueAs = (who: Who, file: Submitted, applicantNik: string = VALID_NIK) =>
    call<{ accessCode?: string; type?: string }>(
      api.url,
      'POST',
      `/api/v1/applications/${file.registrationNumber}/access-code`,
      { ...credentials(who, file), body: { applicantNik } },
    );
  const lookUp = (file: Submitted, accessCode: string) =>
    call(api.url, 'GET', `/api/v1/applications/${file.registrationNumber}`, { accessCode });
  const storedCodeHash = async (file: Submitted) =>
    (
      await api.stack.pool.query<{ access_code_hash: string }>(
        'SELECT access_code_hash FROM applications WHERE registration_number = $1',
        [file.registrationNumber],
      )
    ).rows[0]?.access_code_hash;

  // The front desk of TEST-FREE is its first stage's: verifikator of DPMPTSP.
  test.each(notTheDpmptspVerifikator)(
    '%s → %i %s; the code stays as it was, nothing recorded',
    async (who, status, slug) => {
      const [before, hash] = [await rowCounts(api.stack.pool), await storedCodeHash(atCompleteness)];
      const res = await reissueAs(who, atCompleteness);
      expect([res.status, res.body.type]).toEqual([status, problem(slug)]);
      expect(res.text).not.toMatch(/"accessCode"/);
      expect(await rowCounts(api.stack.pool)).toEqual(before);
      expect(await storedCodeHash(atCompleteness)).toBe(hash);
    },
  );

  test("the front desk needs the file's NIK from the identity card: another NIK is 422, the code stays, only the refusal is recorded", async () => {
    const [before, hash] = [await rowCounts(api.stack.pool), await storedCodeHash(atCompleteness)];
    const res = await reissueAs('verifikator', atCompleteness, '3604015708900002');
    expect([res.status, res.body.type]).toEqual([422, problem('nik-mismatch')]);
    expect(res.text).not.toContain('3604015708900002');
    expect(await rowCounts(api.stack.pool)).toEqual({
      ...before,
      admin_audit: Number(before.admin_audit) + 1,
    });
    expect(await storedCodeHash(atCompleteness)).toBe(hash);
  });

  test('the front desk issues a new code: the old one stops working at once, the reissue is attributed and the applicant told', async () => {
    const file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
    // The old code was just proven, so the API holds a cached proof of it.
    expect((await lookUp(file, file.accessCode)).status).toBe(200);

    // The NIK as typed from the card, with the spaces people add.
    const res = await reissueAs('verifikator', file, VALID_NIK.replace(/(\d{4})/g, '$1 ').trim());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const fresh = String(res.body.accessCode);
    expect(fresh).not.toBe(file.accessCode);
    expect((await lookUp(file, file.accessCode)).status).toBe(404);
    expect((await lookUp(file, fresh)).status).toBe(200);

    const audit = await api.stack.pool.query(
      `SELECT a.actor_kind, a.action, a.changes::text AS changes, a.request_meta ? 'requestId' AS has_request,
              o.roles, o.departments
       FROM admin_audit a JOIN officers o ON o.id::text = a.actor_id
       WHERE a.target_kind = 'application' AND a.target_id = $1`,
      [file.registrationNumber],
    );
    expect(audit.rows).toEqual([
      {
        actor_kind: 'officer',
        action: 'access_code_reissued',
        changes: '{}',
        has_request: true,
        roles: ['verifikator'],
        departments: ['DPMPTSP'],
      },
    ]);
    // An API file with a phone number: its one channel is the phone, which has no sender yet.
    const notices = await api.stack.pool.query(
      `SELECT audience, recipient, template, params FROM notification_outbox
       WHERE workflow_id = $1 AND template = 'access_code_reissued'`,
      [file.registrationNumber],
    );
    expect(notices.rows).toEqual([
      {
        audience: 'applicant',
        recipient: { channel: 'phone' },
        template: 'access_code_reissued',
        params: { registrationNumber: file.registrationNumber },
      },
    ]);
    expect(JSON.stringify([audit.rows, notices.rows])).not.toContain(fresh);
  });

  test('an unknown file is 404 for the front desk; a body without the NIK is refused before anything', async () => {
    const unknown = await reissueAs('verifikator', {
      ...atCompleteness,
      registrationNumber: 'TEST-FREE-2026-999999',
    });
    expect([unknown.status, unknown.body.type]).toEqual([404, problem('not-found')]);
    const noNik = await call<{ type?: string }>(
      api.url,
      'POST',
      `/api/v1/applications/${atCompleteness.registrationNumber}/access-code`,
      { bearer: keys.verifikator!, body: {} },
    );
    expect([noNik.status, noNik.body.type]).toEqual([400, problem('invalid-request')]);
  });
});
