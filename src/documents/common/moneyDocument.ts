// What the office's money documents (SKRD, payment receipt) share: the centred title with its
// number, the intro and the payer's rows, the two-column rows (an Indonesian label with its
// English under it, a colon, the value), a ruled box around what the reader acts on, and a
// moment written as Indonesian letters write it.

import { formatLongDate } from '../../domain/calendar/longDate.js';
import type { LocalizedText } from '../../domain/catalog/catalogSchema.js';
import type { DocumentFont } from './documentFonts.js';
import { CONTENT_WIDTH, type Doc, INK, MARGIN, MM, MUTED, style } from './officialLetter.js';

const LABEL_WIDTH = 45 * MM;
const COLON_WIDTH = 4 * MM;
const VALUE_X = MARGIN.left + LABEL_WIDTH + COLON_WIDTH;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - COLON_WIDTH;
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/** "30 November 2026 pukul 14.05 WIB": a moment in Asia/Jakarta as Indonesian letters write it. */
export function formatJakartaMoment(at: Date): string {
  const local = new Date(at.getTime() + JAKARTA_OFFSET_MS).toISOString();
  return `${formatLongDate(at, 'id')} pukul ${local.slice(11, 13)}.${local.slice(14, 16)} WIB`;
}

export function labelledRow(
  doc: Doc,
  label: { id: string; en: string },
  value: string,
  font: DocumentFont = 'regular',
): void {
  const top = doc.y;
  style(doc, 'regular', 10.5).text(label.id, MARGIN.left, top, { width: LABEL_WIDTH });
  style(doc, 'italic', 8, MUTED).text(label.en, { width: LABEL_WIDTH });
  const labelBottom = doc.y;
  style(doc, 'regular', 10.5).text(':', MARGIN.left + LABEL_WIDTH, top, { width: COLON_WIDTH });
  style(doc, font, 10.5).text(value, VALUE_X, top, { width: VALUE_WIDTH });
  doc.y = Math.max(labelBottom, doc.y) + 4;
}

/** What `draw` prints, in a ruled box across the content width. */
export function ruledBox(doc: Doc, draw: () => void): void {
  doc.moveDown(0.5);
  const top = doc.y;
  doc.y = top + 3 * MM;
  draw();
  const bottom = doc.y + 2 * MM;
  doc
    .lineWidth(1)
    .rect(MARGIN.left - 2 * MM, top, CONTENT_WIDTH + 4 * MM, bottom - top)
    .stroke(INK);
  doc.y = bottom + 3 * MM;
}

/** The labels both documents print, in the same words. */
export const MONEY_LABELS = {
  payer: { id: 'Nama wajib retribusi', en: 'Payer' },
  nik: { id: 'NIK', en: 'National ID number (masked)' },
  registration: { id: 'Nomor registrasi', en: 'Registration number' },
  permitType: { id: 'Jenis izin', en: 'Permit type' },
  inWords: { id: 'Terbilang', en: 'In words' },
  billingCode: { id: 'Kode bayar', en: 'Billing code' },
} as const;

/** The centred title, its English under it, and the document's number. */
export function documentTitle(doc: Doc, title: LocalizedText, number: string): void {
  const options = { width: CONTENT_WIDTH, align: 'center' as const };
  style(doc, 'bold', 14).text(title.id, MARGIN.left, doc.y, options);
  style(doc, 'italic', 10, MUTED).text(title.en, options);
  doc.moveDown(0.3);
  style(doc, 'regular', 11).text(`Nomor: ${number}`, options);
  doc.moveDown(1);
}

export interface PayerLines {
  payer: { fullName: string; maskedNik: string };
  registrationNumber: string;
  permitType: { name: LocalizedText };
}

/** The intro paragraph (English under it) and the payer, the file and the permit type. */
export function introAndPayer(doc: Doc, intro: LocalizedText, model: PayerLines): void {
  const justified = { width: CONTENT_WIDTH, align: 'justify' as const };
  style(doc, 'regular', 10.5).text(intro.id, MARGIN.left, doc.y, justified);
  style(doc, 'italic', 8.5, MUTED).text(intro.en, justified);
  doc.moveDown(0.8);
  labelledRow(doc, MONEY_LABELS.payer, model.payer.fullName, 'bold');
  labelledRow(doc, MONEY_LABELS.nik, model.payer.maskedNik);
  labelledRow(doc, MONEY_LABELS.registration, model.registrationNumber);
  labelledRow(doc, MONEY_LABELS.permitType, model.permitType.name.id);
}
