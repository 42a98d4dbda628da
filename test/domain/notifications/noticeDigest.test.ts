import { expect, test } from 'vitest';
import {
  isDigestible,
  MAX_NOTICES_PER_DIGEST,
  messagesForChat,
} from '../../../src/domain/notifications/noticeDigest.js';

const officer = (id: number, template = 'sla_reminder') => ({ id, audience: 'role', template });
const applicant = (id: number) => ({ id, audience: 'applicant', template: 'stage_approved' });
const complaint = (id: number) => ({ id, audience: 'managers', template: 'complaint_filed' });

test("officers' and managers' file notices are digestible; the applicant's and complaints' are not", () => {
  expect(isDigestible({ audience: 'role', template: 'stage_assigned' })).toBe(true);
  expect(isDigestible({ audience: 'managers', template: 'sla_breach' })).toBe(true);
  expect(isDigestible({ audience: 'second_level', template: 'sla_second_level' })).toBe(true);
  expect(isDigestible({ audience: 'applicant', template: 'stage_assigned' })).toBe(false);
  expect(isDigestible({ audience: 'managers', template: 'complaint_filed' })).toBe(false);
});

test('a lone digestible notice stays a message of its own', () => {
  expect(messagesForChat([officer(1), applicant(2)])).toEqual([[officer(1)], [applicant(2)]]);
});

test('several digestible notices go together where the first stood; the others stay single and in order', () => {
  const waiting = [applicant(1), officer(2), complaint(3), officer(4, 'sla_breach'), officer(5)];
  expect(messagesForChat(waiting)).toEqual([
    [applicant(1)],
    [officer(2), officer(4, 'sla_breach'), officer(5)],
    [complaint(3)],
  ]);
});

test('a long wait is split into digests of at most the limit, none lost', () => {
  const waiting = Array.from({ length: MAX_NOTICES_PER_DIGEST * 2 + 1 }, (_, i) => officer(i));
  const messages = messagesForChat(waiting);
  expect(messages.map((m) => m.length)).toEqual([MAX_NOTICES_PER_DIGEST, MAX_NOTICES_PER_DIGEST, 1]);
  expect(messages.flat()).toEqual(waiting);
});
