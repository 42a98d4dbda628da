// The page every document of the office is printed on: A4 with the margins of an Indonesian
// official letter, the embedded Arimo fonts, the letterhead with its double rule, and fixed
// metadata dates so that the same content always gives the same bytes.

import PDFDocument from 'pdfkit';
import type { OfficeProfile } from '../../domain/catalog/officeProfileSchema.js';
import { DOCUMENT_FONTS, type DocumentFont } from './documentFonts.js';

export const MM = 72 / 25.4;
export const MARGIN = { top: 15 * MM, bottom: 22 * MM, left: 25 * MM, right: 20 * MM };
export const PAGE_WIDTH = 595.28;
export const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
export const INK = '#000000';
export const MUTED = '#444444';

export type Doc = PDFKit.PDFDocument;

export type LetterheadOffice = Pick<OfficeProfile, 'government' | 'name' | 'address' | 'contact'>;

export function style(doc: Doc, font: DocumentFont, size: number, color = INK): Doc {
  return doc.font(font).fontSize(size).fillColor(color);
}

export function letterhead(doc: Doc, office: LetterheadOffice): void {
  const options = { width: CONTENT_WIDTH, align: 'center' as const };
  style(doc, 'bold', 13).text(office.government.id, MARGIN.left, MARGIN.top, options);
  style(doc, 'bold', 12.5).text(office.name.id, options);
  style(doc, 'regular', 9).text(office.address, options);
  if (office.contact) doc.text(office.contact, options);
  const y = doc.y + 4;
  // The double rule under an Indonesian letterhead: a thick line over a thin one.
  doc
    .lineWidth(2)
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + CONTENT_WIDTH, y)
    .stroke(INK);
  doc
    .lineWidth(0.6)
    .moveTo(MARGIN.left, y + 3)
    .lineTo(MARGIN.left + CONTENT_WIDTH, y + 3)
    .stroke(INK);
  doc.y = y + 14;
}

export interface OfficialPdfInfo {
  title: string;
  author: string;
  subject: string;
  /** The document's own date: its fixed creation and modification dates. */
  date: Date;
}

/**
 * A new A4 document with the fonts registered, and its bytes once `doc.end()` is called.
 * pdfkit derives the document ID from the metadata, which holds no clock time of its own.
 */
export function startOfficialPdf(info: OfficialPdfInfo): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: 'Perizinan Online',
      Producer: 'Perizinan Online (pdfkit)',
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(DOCUMENT_FONTS)) doc.registerFont(name, file);
  return { doc, bytes };
}

/** A line in the bottom margin of every page (no page break). */
export function footerOnEveryPage(doc: Doc, text: string): void {
  const pages = doc.bufferedPageRange();
  for (let page = pages.start; page < pages.start + pages.count; page++) {
    doc.switchToPage(page);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    style(doc, 'regular', 7.5, MUTED).text(text, MARGIN.left, doc.page.height - 15 * MM, {
      width: CONTENT_WIDTH,
      align: 'center',
    });
    doc.page.margins.bottom = bottom;
  }
}
