import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import * as accessCodeRows from '../../src/repositories/accessCodeRepository.js';
import { AccessCodeVerifier } from '../../src/services/accessCodeVerifier.js';
import { type ApiTestStack, startApiTestStack } from '../api/support/apiStack.js';
import { type Submitted, submitViaApi, uploadKtp } from '../api/support/httpClient.js';

let api: ApiTestStack;
let file: Submitted;

beforeAll(async () => {
  api = await startApiTestStack('api_code_cache');
  file = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
});
afterAll(async () => {
  await api?.stop();
});

test('a proven access code is remembered for a short while; a wrong one is checked every time', async () => {
  let now = 1_000_000;
  const verify = vi.spyOn(accessCodeRows, 'findAccessCodeHash');
  const verifier = new AccessCodeVerifier(api.stack.pool, { ttlMs: 60_000, maxEntries: 2 }, () => now);
  const rn = file.registrationNumber;

  expect(await verifier.holds(rn, file.accessCode)).toBe(true);
  // Same code typed differently (lower case, hyphen): the same proof.
  expect(
    await verifier.holds(rn, `${file.accessCode.slice(0, 4)}-${file.accessCode.slice(4)}`.toLowerCase()),
  ).toBe(true);
  expect(verify).toHaveBeenCalledTimes(1);

  expect(await verifier.holds(rn, 'WRNG2345')).toBe(false);
  expect(await verifier.holds(rn, 'WRNG2345')).toBe(false);
  expect(verify).toHaveBeenCalledTimes(3);

  now += 60_001; // expired: checked again
  expect(await verifier.holds(rn, file.accessCode)).toBe(true);
  expect(verify).toHaveBeenCalledTimes(4);
  // The proof is bound to its file: the same code for another number proves nothing.
  expect(await verifier.holds('TEST-FREE-2026-999999', file.accessCode)).toBe(false);
  verify.mockRestore();
});

test('forgetting a file drops its proofs only: after a reissue the old code is checked again', async () => {
  const verify = vi.spyOn(accessCodeRows, 'findAccessCodeHash');
  const verifier = new AccessCodeVerifier(api.stack.pool);
  const other = await submitViaApi(api.url, 'TEST-FREE', await uploadKtp(api.url));
  expect(await verifier.holds(file.registrationNumber, file.accessCode)).toBe(true);
  expect(await verifier.holds(other.registrationNumber, other.accessCode)).toBe(true);
  expect(verify).toHaveBeenCalledTimes(2);

  verifier.forget(file.registrationNumber);
  expect(await verifier.holds(other.registrationNumber, other.accessCode)).toBe(true);
  expect(verify).toHaveBeenCalledTimes(2);
  expect(await verifier.holds(file.registrationNumber, file.accessCode)).toBe(true);
  expect(verify).toHaveBeenCalledTimes(3);
  verify.mockRestore();
});

test('a check that was under way when the file was forgotten does not store its proof', async () => {
  const original = accessCodeRows.findAccessCodeHash;
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const verify = vi.spyOn(accessCodeRows, 'findAccessCodeHash').mockImplementationOnce(async (...args) => {
    const answer = await original(...args); // read while the old code was still stored
    await held;
    return answer;
  });
  const verifier = new AccessCodeVerifier(api.stack.pool);
  const checking = verifier.holds(file.registrationNumber, file.accessCode);
  verifier.forget(file.registrationNumber); // the reissue committed meanwhile
  release();
  expect(await checking).toBe(true);
  expect(await verifier.holds(file.registrationNumber, file.accessCode)).toBe(true);
  expect(verify).toHaveBeenCalledTimes(2); // checked again: no proof was kept
  verify.mockRestore();
});
