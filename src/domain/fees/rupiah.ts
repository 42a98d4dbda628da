// Number formatting for fee breakdowns, written out by hand so that output is identical on every
// machine (no dependence on the ICU data Node was built with): Indonesian uses 1.234.567,5 and
// English 1,234,567.5.

export type Language = 'id' | 'en';

const SEPARATORS: Record<Language, { thousands: string; decimal: string }> = {
  id: { thousands: '.', decimal: ',' },
  en: { thousands: ',', decimal: '.' },
};

/** Formats a finite number as written in `language`, keeping the decimals it has. */
export function formatDecimal(value: number, language: Language): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value}`);
  const { thousands, decimal } = SEPARATORS[language];
  const [whole = '0', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** `Rp 1.350.000` (id) or `IDR 1,350,000` (en) for a whole-rupiah amount. */
export function formatRupiah(amount: number, language: Language): string {
  return `${language === 'id' ? 'Rp' : 'IDR'} ${formatDecimal(amount, language)}`;
}
