// A help number as the front desk types it: the same alphabet and check character as the server
// (shared/.../HelpNumber.java; both checked against test-vectors/help-numbers.json), so a mistyped
// number is caught at the desk, before anything is asked of the API.
export const ALPHABET = '23456789ACDEFGHJKLMNPQRTUVWXY';
const LENGTH = 8;

/**
 * What the typed text is: 'incomplete' (fewer than 8 characters so far), 'bad-character' (one the
 * alphabet leaves out: 0, 1, B, I, O, S, Z), 'mistyped' (the check character does not match) or
 * 'valid', with the number in its printed form XXXX-XXXX.
 */
export function checkHelpNumber(typed) {
  const compact = String(typed).replace(/[\s-]/g, '').toUpperCase();
  if ([...compact].some((c) => !ALPHABET.includes(c))) return { state: 'bad-character' };
  if (compact.length < LENGTH) return { state: 'incomplete' };
  if (compact.length > LENGTH) return { state: 'too-long' };
  let sum = 0;
  for (let i = 0; i < LENGTH; i++) sum += (i + 1) * ALPHABET.indexOf(compact[i]);
  if (sum % ALPHABET.length !== 0) return { state: 'mistyped' };
  return { state: 'valid', formatted: compact.slice(0, 4) + '-' + compact.slice(4) };
}
