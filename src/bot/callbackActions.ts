import type { Language } from './context.js';

/**
 * What an inline button does. Only a short random token travels in the button; the action is
 * kept server-side (bot_callback_tokens), so a button cannot be forged or edited by the client.
 * Conversation buttons carry the conversation's `run` so an old conversation's button cannot act
 * in a new one.
 */
export type CallbackAction =
  | { kind: 'consent'; accept: boolean }
  | { kind: 'language'; language: Language }
  | { kind: 'apply.type'; run: number; code: string }
  // `field` names the step: `field:<key>` or `document:<kind>`.
  | { kind: 'form.option'; run: number; field: string; value: string }
  | { kind: 'form.skip'; run: number; field: string }
  | { kind: 'apply.confirm'; run: number }
  | { kind: 'apply.abort'; run: number }
  | { kind: 'officer.approve'; registrationNumber: string }
  | { kind: 'officer.revise'; registrationNumber: string }
  | { kind: 'officer.reject'; registrationNumber: string }
  | { kind: 'officer.documents'; registrationNumber: string }
  | { kind: 'withdraw.confirm'; registrationNumber: string }
  | { kind: 'withdraw.keep'; registrationNumber: string }
  | { kind: 'revision.start'; registrationNumber: string }
  | { kind: 'revision.field'; run: number; key: string }
  | { kind: 'revision.document'; run: number; documentKind: string }
  | { kind: 'revision.send'; run: number }
  | { kind: 'survey.start'; registrationNumber: string }
  // `score` null: the element is skipped.
  | { kind: 'survey.score'; run: number; element: string; score: number | null }
  | { kind: 'survey.noComment'; run: number }
  | { kind: 'complaint.category'; run: number; category: string }
  // `registrationNumber` null: the complaint is anonymous.
  | { kind: 'complaint.file'; run: number; registrationNumber: string | null }
  | { kind: 'complaint.answer'; ticket: string }
  | { kind: 'complaint.reopen'; ticket: string }
  // Pressed under a card shown for the ticket code: the code is asked for again to reopen.
  | { kind: 'complaint.reopenWithCode'; ticket: string };

export type CallbackActionKind = CallbackAction['kind'];

export type ActionOf<K extends CallbackActionKind> = Extract<CallbackAction, { kind: K }>;

/** How long buttons stay valid: conversation steps briefly, inbox and notices longer. */
export const BUTTON_TTL = {
  step: 24 * 60 * 60 * 1000,
  inbox: 7 * 24 * 60 * 60 * 1000,
  notice: 30 * 24 * 60 * 60 * 1000,
} as const;

/** A filter for the handler of one kind of button. */
export function isAction<K extends CallbackActionKind>(kind: K) {
  return <C extends { callbackAction?: CallbackAction | undefined }>(
    ctx: C,
  ): ctx is C & { callbackAction: ActionOf<K> } => ctx.callbackAction?.kind === kind;
}
