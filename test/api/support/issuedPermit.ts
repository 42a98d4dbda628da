import { qrCodesOnPage } from '../../documents/pdfTools.js';
import { waitFor } from '../../support/waitFor.js';
import type { ApiTestStack } from './apiStack.js';
import { call, submitViaApi, uploadKtp } from './httpClient.js';

export interface IssuedPermit {
  registrationNumber: string;
  accessCode: string;
  permitNumber: string;
  /** The genuine document, as its applicant downloads it. */
  pdf: Buffer;
  /** What the QR code on the document holds: `<server>/verifikasi/<token>`. */
  verificationLink: string;
}

/**
 * A TEST-FREE permit issued the way a real one is: submitted over the API, approved by each
 * stage's officer, issued by the worker; its PDF fetched with the access code and its
 * verification link read from the QR code as a phone would (pdftoppm + zbarimg).
 */
export async function issuePermitViaApi(api: ApiTestStack): Promise<IssuedPermit> {
  const file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  const at = `/api/v1/applications/${file.registrationNumber}`;
  for (const officer of ['verifikator', 'teknisDinkes', 'kepala'] as const) {
    const decided = await call(api.url, 'POST', `${at}/decisions`, {
      bearer: api.keys[officer],
      body: { decision: 'approve' },
    });
    if (decided.status !== 200) throw new Error(`${officer} could not approve: ${decided.text}`);
  }
  const permitNumber = await waitFor('the file to be issued', async () => {
    const { body } = await call<{ status: string; permitNumber: string | null }>(api.url, 'GET', at, {
      accessCode: file.accessCode,
    });
    return body.status === 'ISSUED' && body.permitNumber ? body.permitNumber : undefined;
  });
  const answer = await fetch(`${api.url}${at}/permit`, { headers: { 'x-access-code': file.accessCode } });
  if (answer.status !== 200) throw new Error(`the permit document answered ${answer.status}`);
  const pdf = Buffer.from(await answer.arrayBuffer());
  const [verificationLink] = await qrCodesOnPage(pdf, 1);
  if (!verificationLink) throw new Error('no QR code on the permit document');
  const { registrationNumber, accessCode } = file;
  return { registrationNumber, accessCode, permitNumber, pdf, verificationLink };
}

/** Revokes a permit as its signing officer (kepala, for TEST-FREE). */
export async function revokePermitViaApi(api: ApiTestStack, permitNumber: string, reason: string) {
  const revoked = await call(
    api.url,
    'POST',
    `/api/v1/permits/${encodeURIComponent(permitNumber)}/revocation`,
    { bearer: api.keys.kepala, body: { reason } },
  );
  if (revoked.status !== 200) throw new Error(`the revocation answered ${revoked.status}: ${revoked.text}`);
}
