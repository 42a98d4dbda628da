import { qrCodesOnPage } from '../../documents/pdfTools.js';
import type { ApiTestStack } from './apiStack.js';
import type { ContractChecker, Expectation } from './contractChecker.js';
import { type CallOptions, call } from './httpClient.js';

/** Requests that break the document on purpose: only the API's answer is checked. */
const refused = (status: number): Expectation => ({ status, invalidRequest: true });

function pdfForm(bytes: Buffer): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'sk.pdf');
  return form;
}

/**
 * The operations of an issued permit through the contract checker: its PDF for the applicant,
 * its verification through the token in its QR code (page, JSON, copy check), and its
 * revocation by the signing role only (`kepala`; `teknis` is another officer of the file).
 */
export async function exercisePermitOperations(
  contract: ContractChecker,
  api: ApiTestStack,
  file: { registrationNumber: string; accessCode: string },
): Promise<void> {
  const at = `/api/v1/applications/${file.registrationNumber}`;
  const officer = (key: 'kepala' | 'teknis', body?: unknown): CallOptions => ({
    bearer: api.keys[key],
    ...(body === undefined ? {} : { body }),
  });
  const status = await call<{ permitNumber: string }>(api.url, 'GET', at, { accessCode: file.accessCode });
  const { permitNumber } = status.body;

  await contract.checked('GET', `${at}/permit`, { accessCode: file.accessCode }, { status: 200 });
  await contract.checked('GET', `${at}/permit`, {}, refused(404));
  await contract.checked('GET', '/api/v1/applications/TEST-PAY-2000-999999/permit', officer('kepala'), {
    status: 404,
  });

  // The bytes straight from the API: the checker's client reads answers as text.
  const raw = await fetch(`${api.url}${at}/permit`, { headers: { 'x-access-code': file.accessCode } });
  const bytes = Buffer.from(await raw.arrayBuffer());
  const token = (await qrCodesOnPage(bytes, 1))[0]?.split('/').at(-1) ?? '';
  const verify = `/verifikasi/${token}`;
  const json = { accept: 'application/json' };
  await contract.checked('GET', verify, { headers: json }, { status: 200 });
  await contract.checked('GET', verify, { headers: { accept: 'text/html' } }, { status: 200 });
  await contract.checked(
    'GET',
    '/verifikasi/NoSuchToken0123456789abcdef',
    { headers: json },
    { status: 404 },
  );
  await contract.checked('POST', verify, { rawBody: pdfForm(bytes), headers: json }, { status: 200 });
  await contract.checked('POST', verify, { rawBody: new FormData(), headers: json }, refused(400));

  const revocation = `/api/v1/permits/${encodeURIComponent(permitNumber)}/revocation`;
  const unknown = `/api/v1/permits/${encodeURIComponent('SK/TEST-PAY/2000/999999')}/revocation`;
  const reason = { reason: 'Izin diterbitkan atas data yang keliru' };
  await contract.checked('POST', revocation, { body: reason }, refused(401));
  await contract.checked('POST', revocation, officer('teknis', reason), { status: 403 });
  await contract.checked('POST', unknown, officer('kepala', reason), { status: 404 });
  await contract.checked('POST', revocation, officer('kepala', { reason: '' }), refused(400));
  await contract.checked('POST', revocation, officer('kepala', reason), { status: 200 });
  await contract.checked('POST', revocation, officer('kepala', reason), { status: 409 });
}
