// The permit holder's name as shown to anyone who scans the QR code: enough to match the person
// in front of you, not enough to identify a stranger. "Siti Nurhaliza Aminah" → "Siti N. A.".
// Prefix titles ("dr.", "drh.", "Ir.", "Hj.") stay, academic degrees after a comma are dropped.
// Pure module.

/** A prefix title is a word ending in a full stop before the first name ("dr.", "H."). */
const isPrefixTitle = (word: string): boolean => /^\p{L}{1,4}\.$/u.test(word);

export function maskHolderName(fullName: string): string {
  const beforeDegrees = fullName.split(',')[0] ?? '';
  const words = beforeDegrees.split(/\s+/).filter((word) => word !== '');
  const titles: string[] = [];
  while (words.length > 1 && isPrefixTitle(words[0] as string)) titles.push(words.shift() as string);
  const [first, ...rest] = words;
  if (first === undefined) return '';
  const initials = rest
    .map((word) => word.match(/\p{L}|\p{N}/u)?.[0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter.toUpperCase()}.`);
  return [...titles, first, ...initials].join(' ');
}
