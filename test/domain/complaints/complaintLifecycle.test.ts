import { describe, expect, it } from 'vitest';
import {
  answer,
  awaitsAnswer,
  type ComplaintStanding,
  closesAfterAnswer,
  REOPEN_WINDOW_MS,
  reopen,
  reopenWindowEnd,
} from '../../../src/domain/complaints/complaintLifecycle.js';

const OPEN: ComplaintStanding = { status: 'open', reopens: 0, lastAnsweredAt: null };
const T0 = '2026-03-02T03:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

function stepped(step: ReturnType<typeof answer>): ComplaintStanding {
  if (!step.ok) throw new Error(`refused: ${step.refusal}`);
  return step.next;
}

describe('complaint lifecycle', () => {
  it('runs open → answered → reopened → answered, then closes', () => {
    const answered = stepped(answer(OPEN, T0));
    expect(answered).toEqual({ status: 'answered', reopens: 0, lastAnsweredAt: T0 });
    expect(closesAfterAnswer(answered.reopens)).toBe('afterReopenWindow');
    const reopened = stepped(reopen(answered, later(60_000)));
    expect(reopened).toMatchObject({ status: 'reopened', reopens: 1 });
    expect(awaitsAnswer(reopened.status)).toBe(true);
    const again = stepped(answer(reopened, later(120_000)));
    expect(closesAfterAnswer(again.reopens)).toBe('now');
  });

  it('reopens once only', () => {
    const again = stepped(answer(stepped(reopen(stepped(answer(OPEN, T0)), T0)), later(1000)));
    expect(reopen(again, later(2000))).toEqual({ ok: false, refusal: 'REOPENED_ALREADY' });
  });

  it('reopens within 14 days of the answer, not a millisecond after', () => {
    const answered = stepped(answer(OPEN, T0));
    expect(reopenWindowEnd(T0)).toBe(later(REOPEN_WINDOW_MS));
    expect(reopen(answered, later(REOPEN_WINDOW_MS)).ok).toBe(true);
    expect(reopen(answered, later(REOPEN_WINDOW_MS + 1))).toEqual({
      ok: false,
      refusal: 'REOPEN_WINDOW_CLOSED',
    });
  });

  it('refuses what does not fit the status', () => {
    expect(reopen(OPEN, T0)).toEqual({ ok: false, refusal: 'NOT_ANSWERED' });
    expect(answer(stepped(answer(OPEN, T0)), T0)).toEqual({ ok: false, refusal: 'ALREADY_ANSWERED' });
    const closed: ComplaintStanding = { status: 'closed', reopens: 0, lastAnsweredAt: T0 };
    expect(answer(closed, T0)).toEqual({ ok: false, refusal: 'COMPLAINT_CLOSED' });
    expect(reopen(closed, T0)).toEqual({ ok: false, refusal: 'COMPLAINT_CLOSED' });
  });
});
