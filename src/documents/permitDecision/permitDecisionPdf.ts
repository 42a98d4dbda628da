// Renders a permit decision (SK izin) as an A4 PDF in the form of an Indonesian official letter:
// letterhead, title and number, the holder and the object, validity, legal basis, the review
// history, the deemed-approval statement when it applies, the place and date of issue with the
// issuing official, and a QR code that opens the public verification page.
// Deterministic: the same model gives the same bytes (fixed metadata dates, and a document ID
// that pdfkit derives from that metadata), so a regenerated copy matches the stored one.

import { formatLongDate } from '../../domain/calendar/longDate.js';
import { describeValidity } from '../../domain/permits/validity.js';
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
import type { PermitDecisionDocument } from './permitDecisionModel.js';
import { OUTCOME_TEXTS, DECISION_TEXTS as T } from './permitDecisionTexts.js';
import { drawQrCode } from './qrCodeDrawing.js';

const LABEL_WIDTH = 48 * MM;
const COLON_WIDTH = 4 * MM;
const VALUE_X = MARGIN.left + LABEL_WIDTH + COLON_WIDTH;
const VALUE_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - COLON_WIDTH;
const QR_SIZE = 28 * MM;
/** Space the closing needs: the QR code with its three caption lines, and the signature block. */
const CLOSING_HEIGHT = Math.max(QR_SIZE + 12 * MM, 38 * MM);
const CLOSING_GAP = 6 * MM;

function title(doc: Doc, model: PermitDecisionDocument): void {
  const options = { width: CONTENT_WIDTH, align: 'center' as const };
  style(doc, 'bold', 14).text(model.permitType.name.id.toUpperCase(), MARGIN.left, doc.y, options);
  style(doc, 'italic', 10, MUTED).text(model.permitType.name.en, options);
  doc.moveDown(0.3);
  style(doc, 'regular', 11).text(`${T.number}: ${model.permitNumber}`, options);
  doc.moveDown(1);
}

function paragraph(doc: Doc, text: string, english?: string): void {
  style(doc, 'regular', 10.5).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'justify' });
  if (english) style(doc, 'italic', 8.5, MUTED).text(english, { width: CONTENT_WIDTH, align: 'justify' });
  doc.moveDown(0.6);
}

interface RowOptions {
  font?: DocumentFont;
  /** English under the value, small. */
  valueEn?: string;
}

/** One "Label : value" row; English label and value, when given, are printed small under them. */
function row(doc: Doc, label: { id: string; en?: string }, value: string, options: RowOptions = {}): void {
  const top = doc.y;
  style(doc, 'regular', 10.5).text(label.id, MARGIN.left, top, { width: LABEL_WIDTH });
  if (label.en) style(doc, 'italic', 8, MUTED).text(label.en, { width: LABEL_WIDTH });
  const labelBottom = doc.y;
  style(doc, 'regular', 10.5).text(':', MARGIN.left + LABEL_WIDTH, top, { width: COLON_WIDTH });
  style(doc, options.font ?? 'regular', 10.5).text(value, VALUE_X, top, { width: VALUE_WIDTH });
  if (options.valueEn) style(doc, 'italic', 8, MUTED).text(options.valueEn, { width: VALUE_WIDTH });
  doc.y = Math.max(labelBottom, doc.y) + 3;
}

function heading(doc: Doc, text: { id: string; en: string }): void {
  doc.moveDown(0.3);
  style(doc, 'bold', 10.5).text(text.id, MARGIN.left, doc.y, { continued: true, width: CONTENT_WIDTH });
  style(doc, 'italic', 8.5, MUTED).text(`  ${text.en}`);
  doc.moveDown(0.2);
}

function numberedList(doc: Doc, items: readonly string[], size = 10): void {
  items.forEach((item, index) => {
    const top = doc.y;
    style(doc, 'regular', size).text(`${index + 1}.`, MARGIN.left, top, { width: 6 * MM });
    doc.text(item, MARGIN.left + 6 * MM, top, { width: CONTENT_WIDTH - 6 * MM });
    doc.moveDown(0.1);
  });
}

function body(doc: Doc, model: PermitDecisionDocument): void {
  paragraph(doc, T.grantIntro(model.office.headTitle.id), T.grantIntroEn(model.office.headTitle.en));
  row(doc, T.holderName, model.holder.fullName, { font: 'bold' });
  row(doc, T.nik, model.holder.maskedNik);
  for (const line of model.permitObject) row(doc, { id: line.label }, line.value);
  row(doc, T.validity, describeValidity(model.validity, model.validUntil, 'id'), {
    valueEn: describeValidity(model.validity, model.validUntil, 'en'),
  });

  heading(doc, T.legalBasis);
  numberedList(doc, model.legalBasis);

  heading(doc, T.stages);
  numberedList(
    doc,
    model.stageDecisions.map(
      (decision) =>
        `${decision.stage.id}: ${OUTCOME_TEXTS[decision.outcome].id}, ${formatLongDate(decision.decidedAt, 'id')}`,
    ),
    9.5,
  );
}

function deemedStatement(doc: Doc, legalBasis: string): void {
  doc.moveDown(0.5);
  const top = doc.y;
  const inner = CONTENT_WIDTH - 6 * MM;
  const x = MARGIN.left + 3 * MM;
  style(doc, 'bold', 10.5).text(T.deemedHeading, x, top + 3 * MM, { width: inner, align: 'center' });
  style(doc, 'regular', 9.5).text(T.deemed(legalBasis), { width: inner, align: 'justify' });
  style(doc, 'italic', 8.5, MUTED).text(T.deemedEn(legalBasis), { width: inner, align: 'justify' });
  const bottom = doc.y + 3 * MM;
  doc
    .lineWidth(1)
    .rect(MARGIN.left, top, CONTENT_WIDTH, bottom - top)
    .stroke(INK);
  doc.y = bottom;
}

/** The QR code on the left, the place and date of issue and the official on the right. */
function closing(doc: Doc, model: PermitDecisionDocument): void {
  if (doc.y + CLOSING_GAP + CLOSING_HEIGHT > doc.page.height - MARGIN.bottom) doc.addPage();
  const top = doc.y + CLOSING_GAP;

  drawQrCode(doc, model.verificationUrl, MARGIN.left, top, QR_SIZE);
  const captionWidth = 62 * MM;
  style(doc, 'bold', 8).text(T.scan, MARGIN.left, top + QR_SIZE + 2, { width: captionWidth });
  style(doc, 'italic', 7.5, MUTED).text(T.scanEn, { width: captionWidth });
  style(doc, 'regular', 7.5).text(model.verificationUrl, { width: captionWidth });
  const leftBottom = doc.y;

  const blockX = MARGIN.left + CONTENT_WIDTH - 80 * MM;
  const options = { width: 80 * MM, align: 'left' as const };
  style(doc, 'regular', 10.5).text(T.issuedAt(model.office.placeOfIssue), blockX, top, options);
  doc.text(T.onDate(formatLongDate(model.issuedAt, 'id')), options);
  doc.moveDown(0.8);
  style(doc, 'bold', 10.5).text(model.office.headTitle.id, options);
  doc.moveDown(0.8);
  const note = model.decision.kind === 'deemed' ? T.deemedNote : T.signedNote;
  style(doc, 'italic', 9, MUTED).text(note, options);
  doc.y = Math.max(leftBottom, doc.y);
}

/** The permit decision as PDF bytes; the same model always gives the same bytes. */
export function renderPermitDecisionPdf(model: PermitDecisionDocument): Promise<Buffer> {
  const { doc, bytes } = startOfficialPdf({
    title: `${model.permitType.name.id} ${model.permitNumber}`,
    author: model.office.shortName,
    subject: model.permitType.name.en,
    date: model.issuedAt,
  });
  letterhead(doc, model.office);
  title(doc, model);
  body(doc, model);
  if (model.decision.kind === 'deemed') deemedStatement(doc, model.decision.legalBasis);
  closing(doc, model);
  footerOnEveryPage(doc, T.footer(model.verificationUrl));
  doc.end();
  return bytes;
}
