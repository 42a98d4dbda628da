// An amount in Indonesian words ("terbilang"), as written on a levy assessment (SKRD) beside the
// figures so that the amount cannot be misread or altered: 150000 → "seratus lima puluh ribu rupiah".

const UNITS = [
  '',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

/** Words of 0 < n < 1000; "se-" forms for one hundred, ten and eleven as Indonesian writes them. */
function belowThousand(n: number): string[] {
  if (n < 12) return n === 0 ? [] : [UNITS[n] as string];
  if (n < 20) return [`${UNITS[n - 10]} belas`];
  if (n < 100) return [`${UNITS[Math.floor(n / 10)]} puluh`, ...belowThousand(n % 10)];
  const hundreds = Math.floor(n / 100);
  return [hundreds === 1 ? 'seratus' : `${UNITS[hundreds]} ratus`, ...belowThousand(n % 100)];
}

const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun'] as const;

/** A whole non-negative number in Indonesian words; "seribu" for exactly one thousand. */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`expected a whole non-negative number below 2^53, got ${n}`);
  }
  if (n === 0) return 'nol';
  const words: string[] = [];
  let rest = n;
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000;
    rest = Math.floor(rest / 1000);
    if (group === 0) continue;
    const name = SCALES[scale];
    if (name === undefined) throw new RangeError(`${n} is beyond the named scales (triliun)`);
    if (scale === 1 && group === 1) words.unshift('seribu');
    else words.unshift([...belowThousand(group), name].filter(Boolean).join(' '));
  }
  return words.join(' ');
}

/** The amount of rupiah in words, as printed after "Terbilang:". */
export function rupiahInWords(amount: number): string {
  return `${numberInWords(amount)} rupiah`;
}
