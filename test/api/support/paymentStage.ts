import { expect } from 'vitest';
import type { ApiTestStack } from './apiStack.js';
import { call, submitViaApi, uploadKtp } from './httpClient.js';

/** A TEST-PAY file submitted by API with both officer stages approved: it awaits payment (30 s). */
export async function fileAwaitingPayment(
  api: ApiTestStack,
): Promise<{ registrationNumber: string; accessCode: string }> {
  const ktp = await uploadKtp(api.url, 'TEST-PAY');
  const { registrationNumber, accessCode } = await submitViaApi(api.url, 'TEST-PAY', ktp);
  for (const bearer of [api.keys.verifikator, api.keys.teknis]) {
    const answer = await call(api.url, 'POST', `/api/v1/applications/${registrationNumber}/decisions`, {
      bearer,
      body: { decision: 'approve' },
    });
    expect(answer.status).toBe(200);
  }
  return { registrationNumber, accessCode };
}
