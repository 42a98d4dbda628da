/** `2 MB`, `1,5 MB` or `800 KB`: sizes as people read them, in the message's language. */
export function formatDocumentSize(bytes: number, language: 'id' | 'en'): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  const text = (unit === 'KB' ? Math.ceil(value).toString() : value.toFixed(1)).replace(/\.0$/, '');
  return `${language === 'id' ? text.replace('.', ',') : text} ${unit}`;
}
