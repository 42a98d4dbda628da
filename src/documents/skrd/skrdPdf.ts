// Renders a levy assessment (SKRD) as an A4 PDF on the office's letterhead: the payer and the
// file, the basis and the tariff that produced the amount, the amount in figures and in words,
// the legal basis, the billing code and the due date, how to pay (and that nothing else is due),
// the place and date of issue. Deterministic: the same model gives the same bytes.

import { formatLongDate } from '../../domain/calendar/longDate.js';
import { formatRupiah } from '../../domain/fees/rupiah.js';
import { rupiahInWords } from '../../domain/fees/terbilang.js';
import { formatBillingCode } from '../../domain/identifiers/billingCode.js';
import type { DocumentFont } from '../common/documentFonts.js';
import {
  CONTENT_WIDTH,
  type Doc,
  footerOnEveryPage,
  INK,
  letterhead,
  MARGIN,
  MM,
  MUTED,
  startOfficialPdf,
  style,
} from '../common/officialLetter.js';
import type { SkrdDocument } from './skrdModel.js';
import { SKRD_TEXTS as T } from './skrdTexts.js';

const LABEL_WIDTH = 45 * MM;
const COLON_WIDTH = 4 * MM;
const VALUE_X = MARGIN.left + LABEL_WIDTH + COLON_WIDTH;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - COLON_WIDTH;
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

/** "30 November 2026 pukul 14.05 WIB": the due moment as Indonesian letters write it. */
export function formatDueAt(at: Date): string {
  const local = new Date(at.getTime() + JAKARTA_OFFSET_MS).toISOString();
  return `${formatLongDate(at, 'id')} pukul ${local.slice(11, 13)}.${local.slice(14, 16)} WIB`;
}

function row(doc: Doc, label: { id: string; en: string }, value: string, font: DocumentFont = 'regular') {
  const top = doc.y;
  style(doc, 'regular', 10.5).text(label.id, MARGIN.left, top, { width: LABEL_WIDTH });
  style(doc, 'italic', 8, MUTED).text(label.en, { width: LABEL_WIDTH });
  const labelBottom = doc.y;
  style(doc, 'regular', 10.5).text(':', MARGIN.left + LABEL_WIDTH, top, { width: COLON_WIDTH });
  style(doc, font, 10.5).text(value, VALUE_X, top, { width: VALUE_WIDTH });
  doc.y = Math.max(labelBottom, doc.y) + 4;
}

function title(doc: Doc, model: SkrdDocument): void {
  const options = { width: CONTENT_WIDTH, align: 'center' as const };
  style(doc, 'bold', 14).text(T.title, MARGIN.left, doc.y, options);
  style(doc, 'italic', 10, MUTED).text(T.titleEn, options);
  doc.moveDown(0.3);
  style(doc, 'regular', 11).text(`${T.number}: ${model.number}`, options);
  doc.moveDown(1);
}

function body(doc: Doc, model: SkrdDocument): void {
  style(doc, 'regular', 10.5).text(T.intro(model.office.shortName), MARGIN.left, doc.y, {
    width: CONTENT_WIDTH,
    align: 'justify',
  });
  style(doc, 'italic', 8.5, MUTED).text(T.introEn(model.office.shortName), {
    width: CONTENT_WIDTH,
    align: 'justify',
  });
  doc.moveDown(0.8);
  row(doc, T.payer, model.payer.fullName, 'bold');
  row(doc, T.nik, model.payer.maskedNik);
  row(doc, T.registration, model.registrationNumber);
  row(doc, T.permitType, model.permitType.name.id);
  row(doc, T.basis, model.basis.id);
  row(doc, T.legalBasis, model.legalBasis);
}

/** The amount, the billing code and the due date in a ruled box: what the payer acts on. */
function paymentBox(doc: Doc, model: SkrdDocument): void {
  doc.moveDown(0.5);
  const top = doc.y;
  doc.y = top + 3 * MM;
  row(doc, T.amount, formatRupiah(model.amount, 'id'), 'bold');
  row(doc, T.inWords, `${rupiahInWords(model.amount)}`, 'italic');
  row(doc, T.billingCode, formatBillingCode(model.billingCode), 'bold');
  row(doc, T.dueAt, formatDueAt(model.dueAt), 'bold');
  const bottom = doc.y + 2 * MM;
  doc
    .lineWidth(1)
    .rect(MARGIN.left - 2 * MM, top, CONTENT_WIDTH + 4 * MM, bottom - top)
    .stroke(INK);
  doc.y = bottom + 3 * MM;
}

function howToPay(doc: Doc): void {
  style(doc, 'bold', 10.5).text(T.howToPay.id, MARGIN.left, doc.y, { continued: true, width: CONTENT_WIDTH });
  style(doc, 'italic', 8.5, MUTED).text(`  ${T.howToPay.en}`);
  doc.moveDown(0.2);
  T.payOnly.forEach((item, index) => {
    const top = doc.y;
    style(doc, 'regular', 10).text(`${index + 1}.`, MARGIN.left, top, { width: 6 * MM });
    doc.text(item, MARGIN.left + 6 * MM, top, { width: CONTENT_WIDTH - 6 * MM, align: 'justify' });
    doc.moveDown(0.1);
  });
  style(doc, 'italic', 8.5, MUTED).text(T.payOnlyEn, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
}

function closing(doc: Doc, model: SkrdDocument): void {
  doc.moveDown(1.2);
  const blockX = MARGIN.left + CONTENT_WIDTH - 80 * MM;
  const options = { width: 80 * MM };
  style(doc, 'regular', 10.5).text(T.issuedAt(model.office.placeOfIssue), blockX, doc.y, options);
  doc.text(T.onDate(formatLongDate(model.issuedAt, 'id')), options);
  doc.moveDown(0.6);
  style(doc, 'bold', 10.5).text(model.office.headTitle.id, options);
  doc.moveDown(0.6);
  style(doc, 'italic', 9, MUTED).text(T.electronicNote, options);
}

/** The SKRD as PDF bytes; the same model always gives the same bytes. */
export function renderSkrdPdf(model: SkrdDocument): Promise<Buffer> {
  const { doc, bytes } = startOfficialPdf({
    title: `SKRD ${model.number}`,
    author: model.office.shortName,
    subject: `${T.titleEn}: ${model.permitType.name.en}`,
    date: model.issuedAt,
  });
  letterhead(doc, model.office);
  title(doc, model);
  body(doc, model);
  paymentBox(doc, model);
  howToPay(doc);
  closing(doc, model);
  footerOnEveryPage(doc, T.footer(model.billingCode));
  doc.end();
  return bytes;
}
