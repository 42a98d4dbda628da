// The fonts embedded in the office's documents: Arimo, metrically compatible with Arial (the typeface
// of Indonesian official letters), shipped by the @fontsource/arimo npm package so a fresh
// machine needs no system fonts. Its Latin subset covers Indonesian and English text, "m²",
// "×" and dashes; pdfkit embeds only the glyphs used.

import { createRequire } from 'node:module';

// require.resolve rather than import.meta.resolve: the test runner's module loader lacks the latter.
const require = createRequire(import.meta.url);

const arimo = (style: string): string => require.resolve(`@fontsource/arimo/files/arimo-latin-${style}.woff`);

export const DOCUMENT_FONTS = {
  regular: arimo('400-normal'),
  bold: arimo('700-normal'),
  italic: arimo('400-italic'),
} as const;

export type DocumentFont = keyof typeof DOCUMENT_FONTS;
