// Renders a payment receipt as an A4 PDF on the office's letterhead, with the same page, fonts
// and rows as the SKRD it settles: the payer and the file, then in a ruled box the amount in
// figures and in words, the billing code, the gateway's reference and the moment of payment.
// Deterministic: the same model gives the same bytes.

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
import type { PaymentReceiptDocument } from './paymentReceiptModel.js';
import { PAYMENT_RECEIPT_TEXTS as T } from './paymentReceiptTexts.js';

function body(doc: Doc, model: PaymentReceiptDocument): void {
  const office = model.office.shortName;
  introAndPayer(doc, { id: T.intro(office), en: T.introEn(office) }, model);
  ruledBox(doc, () => {
    row(doc, T.amount, formatRupiah(model.amount, 'id'), 'bold');
    row(doc, MONEY_LABELS.inWords, rupiahInWords(model.amount), 'italic');
    row(
      doc,
      MONEY_LABELS.billingCode,
      model.billingCode ? formatBillingCode(model.billingCode) : '-',
      'bold',
    );
    row(doc, T.reference, model.reference);
    row(doc, T.paidAt, formatJakartaMoment(model.paidAt));
    row(doc, T.status, T.paid, 'bold');
  });
}

function closing(doc: Doc, model: PaymentReceiptDocument): void {
  doc.moveDown(1.2);
  const options = { width: 80 * MM };
  style(doc, 'regular', 10.5).text(
    T.issuedAt(model.office.placeOfIssue),
    MARGIN.left + CONTENT_WIDTH - 80 * MM,
    doc.y,
    options,
  );
  doc.text(T.onDate(formatLongDate(model.paidAt, 'id')), options);
  doc.moveDown(0.6);
  style(doc, 'bold', 10.5).text(model.office.shortName, options);
  doc.moveDown(0.6);
  style(doc, 'italic', 9, MUTED).text(T.electronicNote, options);
}

/** The receipt as PDF bytes; the same model always gives the same bytes. */
export function renderPaymentReceiptPdf(model: PaymentReceiptDocument): Promise<Buffer> {
  const { doc, bytes } = startOfficialPdf({
    title: `${T.title} ${model.number}`,
    author: model.office.shortName,
    subject: `${T.titleEn}: ${model.permitType.name.en}`,
    date: model.paidAt,
  });
  letterhead(doc, model.office);
  documentTitle(doc, { id: T.title, en: T.titleEn }, model.number);
  body(doc, model);
  closing(doc, model);
  footerOnEveryPage(doc, T.footer(model.registrationNumber));
  doc.end();
  return bytes;
}
