// Uploaded documents are kept under DATA_DIR/documents/<sha256> (written by DocumentStore):
// content-addressed, so a DocumentRef's hash always names the bytes it was made of.

export type DocumentMimeType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The type the bytes really are (by their signature), whatever the sender claimed. */
export function detectDocumentType(bytes: Uint8Array): DocumentMimeType | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}
