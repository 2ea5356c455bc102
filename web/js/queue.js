// What a volunteer saved while the connection was gone: each registration or visit with the
// Idempotency-Key it was first sent with, so sending it again when the connection is back counts it
// once, however often that happens. Kept in this browser's localStorage, so a reload loses nothing;
// it holds only what the request needs, and is emptied at sign-out.
const KEY = 'fristed.queue';

export const waiting = () => JSON.parse(localStorage.getItem(KEY) || '[]');
const keep = (items) => localStorage.setItem(KEY, JSON.stringify(items));

export function add(item) {
  keep([...waiting(), { ...item, savedAt: new Date().toISOString() }]);
}

export function clear() {
  localStorage.removeItem(KEY);
}

/**
 * Sends what waits, oldest first, until the connection fails again. A refused item (a problem the API
 * names) leaves the queue and is reported with it, so nothing is retried for ever; a sent one leaves it.
 * @param send the call: {status, body} or {offline: true}
 * @returns what was sent and what was refused
 */
export async function flush(send) {
  const sent = [];
  const refused = [];
  for (const item of waiting()) {
    const answer = await send(item);
    if (answer.offline || answer.expired || answer.status === 429 || answer.status === 503) break;
    keep(waiting().filter((other) => other.idempotencyKey !== item.idempotencyKey));
    (answer.status < 300 ? sent : refused).push({ item, answer });
  }
  return { sent, refused };
}
