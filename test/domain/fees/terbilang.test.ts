import { expect, test } from 'vitest';
import { numberInWords, rupiahInWords } from '../../../src/domain/fees/terbilang.js';

test.each([
  [0, 'nol'],
  [1, 'satu'],
  [10, 'sepuluh'],
  [11, 'sebelas'],
  [12, 'dua belas'],
  [19, 'sembilan belas'],
  [20, 'dua puluh'],
  [99, 'sembilan puluh sembilan'],
  [100, 'seratus'],
  [111, 'seratus sebelas'],
  [250, 'dua ratus lima puluh'],
  [1000, 'seribu'],
  [1001, 'seribu satu'],
  [2000, 'dua ribu'],
  [11000, 'sebelas ribu'],
  [100000, 'seratus ribu'],
  [150000, 'seratus lima puluh ribu'],
  [1000000, 'satu juta'],
  [1250750, 'satu juta dua ratus lima puluh ribu tujuh ratus lima puluh'],
  [2000000000, 'dua miliar'],
  [3000000000000, 'tiga triliun'],
])('%i is written "%s"', (n, words) => {
  expect(numberInWords(n)).toBe(words);
});

test('an amount of rupiah ends with the currency', () => {
  expect(rupiahInWords(150000)).toBe('seratus lima puluh ribu rupiah');
});

test('a negative, fractional or unsafe number is refused rather than misspelled', () => {
  expect(() => numberInWords(-1)).toThrow(RangeError);
  expect(() => numberInWords(1.5)).toThrow(RangeError);
  expect(() => numberInWords(2 ** 53)).toThrow(RangeError);
  expect(() => numberInWords(1_000_000_000_000_000)).toThrow(/triliun/);
});
