// Draws a QR code as vector squares on a pdfkit page: sharp at any zoom or print resolution,
// and free of image encoders whose output could vary between versions.

import QRCode from 'qrcode';

/** Draws `text` as a QR code with its top-left corner at (x, y), `size` points wide. */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  // Four modules of quiet zone on each side, as the QR standard requires for reliable scanning.
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per run of dark modules in a row: fewer drawing operations, no seams.
    let runStart = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col) === 1;
      if (dark && runStart < 0) runStart = col;
      if (!dark && runStart >= 0) {
        doc.rect(x + (runStart + quiet) * cell, y + (row + quiet) * cell, (col - runStart) * cell, cell);
        runStart = -1;
      }
    }
  }
  doc.fill('#000000');
  doc.restore();
}
