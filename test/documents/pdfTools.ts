// Reads a rendered PDF the way a person or a scanner would: poppler's pdftotext for its text,
// pdftoppm for page images and zbar's zbarimg for QR codes (installed by .ci/run when missing).

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'permit-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdftotext', ['-layout', file, '-'])).stdout);
}

export function pdfFonts(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdffonts', [file])).stdout);
}

export function pdfPageCount(pdf: Buffer): Promise<number> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  });
}

/** The QR codes zbarimg reads on one page rendered at 150 dpi. */
export function qrCodesOnPage(pdf: Buffer, page: number): Promise<string[]> {
  return withPdfFile(pdf, async (file, dir) => {
    const prefix = join(dir, 'page');
    await run('pdftoppm', ['-png', '-r', '150', '-f', String(page), '-l', String(page), file, prefix]);
    const image = (await readdir(dir)).find((name) => name.startsWith('page') && name.endsWith('.png'));
    if (!image) throw new Error(`pdftoppm rendered no image of page ${page}`);
    const { stdout } = await run('zbarimg', ['--quiet', '--raw', join(dir, image)]);
    return stdout.split('\n').filter((line) => line !== '');
  });
}
