// Renders a levy assessment (SKRD) as an A4 PDF on the office's letterhead: the payer and the
// file, the basis and the tariff that produced the amount, the amount in figures and in words,
// the legal basis, the billing code and the due date, how to pay (and that nothing else is due),
// the place and date of issue. Deterministic: the same model gives the same bytes.

import { formatLongDate } from '../../domain/calendar/longDate.js';
import { formatRupiah } from '../../domain/fees/rupiah.js';
import { rupiahInWords } from '../../domain/fees/terbilang.js';
import { formatBillingCode } from '../../domain/identifiers/billingCode.js';
import {
  documentTitle,
  formatJakartaMoment,
  introAndPayer,
  MONEY_LABELS,
  labelledRow as row,
  ruledBox,
} from '../common/moneyDocument.js';
import {
  CONTENT_WIDTH,
  type Doc,
  footerOnEveryPage,
  letterhead,
  MARGIN,
  MM,
  MUTED,
  startOfficialPdf,
  style,
} from '../common/officialLetter.js';
import type { SkrdDocument } from './skrdModel.js';
import { SKRD_TEXTS as T } from './skrdTexts.js';

function body(doc: Doc, model: SkrdDocument): void {
  const office = model.office.shortName;
  introAndPayer(doc, { id: T.intro(office), en: T.introEn(office) }, model);
  row(doc, T.basis, model.basis.id);
  row(doc, T.legalBasis, model.legalBasis);
}

/** The amount, the billing code and the due date in a ruled box: what the payer acts on. */
function paymentBox(doc: Doc, model: SkrdDocument): void {
  ruledBox(doc, () => {
    row(doc, T.amount, formatRupiah(model.amount, 'id'), 'bold');
    row(doc, MONEY_LABELS.inWords, `${rupiahInWords(model.amount)}`, 'italic');
    row(doc, MONEY_LABELS.billingCode, formatBillingCode(model.billingCode), 'bold');
    row(doc, T.dueAt, formatJakartaMoment(model.dueAt), 'bold');
  });
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
  documentTitle(doc, { id: T.title, en: T.titleEn }, model.number);
  body(doc, model);
  paymentBox(doc, model);
  howToPay(doc);
  closing(doc, model);
  footerOnEveryPage(doc, T.footer(model.billingCode));
  doc.end();
  return bytes;
}
