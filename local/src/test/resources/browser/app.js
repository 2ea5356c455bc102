// What a web app does against Fristed: OpenID Connect sign-in with PKCE, then the API with the access
// token, refreshing it before it ends. BrowserIT reads window.fristedResults. Nothing here is
// Fristed-specific that a real app would not need; the test's own hooks are the window.fristed* names.
'use strict';

const CLIENT_ID = 'fristed-local-client';
const saved = JSON.parse(sessionStorage.getItem('fristed') || '{}');
const params = new URLSearchParams(location.search);
const save = () => sessionStorage.setItem('fristed', JSON.stringify(saved));
const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const claims = (jwt) => JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
const waitFor = (check) => new Promise((resolve) => { const poll = () => (check() ? resolve() : setTimeout(poll, 50)); poll(); });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function signIn() {
  const discovery = await (await fetch(saved.issuer + '/.well-known/openid-configuration')).json();
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(48)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  Object.assign(saved, { discovery, verifier, state: b64url(crypto.getRandomValues(new Uint8Array(16))) });
  save();
  location.assign(discovery.authorization_endpoint + '?' + new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: location.origin + '/signed-in', scope: 'openid email',
    state: saved.state, code_challenge: challenge, code_challenge_method: 'S256' }));
}

async function tokenRequest(form) {
  const answer = await fetch(saved.discovery.token_endpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  const body = await answer.json();
  if (!answer.ok) throw new Error('token endpoint: ' + body.error);
  return body;
}

/** The API as an app calls it: the access token refreshed a minute before it ends (the gateway's 401 is unreadable). */
function apiClient(tokens) {
  const client = {
    tokens, refreshed: 0,
    async call(method, path, body, headers = {}) {
      if (claims(client.tokens.access_token).exp * 1000 < Date.now() + 60000) {
        Object.assign(client.tokens, await tokenRequest({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: client.tokens.refresh_token }));
        client.refreshed++;
      }
      return client.raw(method, path, body, client.tokens.access_token, headers);
    },
    async raw(method, path, body, token, headers = {}) {
      const init = { method, headers: { Authorization: 'Bearer ' + token, ...headers } };
      if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      try {
        const answer = await fetch(/^https?:/.test(path) ? path : saved.api + path, init); // a route's path, or a link
        const text = await answer.text();
        const type = answer.headers.get('Content-Type') || '';
        return { status: answer.status, type, body: type.includes('json') && text ? JSON.parse(text) : text,
          etag: answer.headers.get('ETag'), location: answer.headers.get('Location'),
          retryAfter: answer.headers.get('Retry-After'), replayed: answer.headers.get('Idempotent-Replayed') };
      } catch (e) {
        return { networkError: String(e) }; // the browser hides an answer without CORS headers
      }
    },
  };
  return client;
}

// a Location is a link: root-relative ("/prod/patients/...", the stage included) or absolute, resolved as a browser would
const linkOf = (location) => new URL(location, saved.api).href;
const fixture = async (name) => JSON.parse((await (await fetch('/events/' + name + '.json')).json()).body);
const key = () => crypto.randomUUID();

/** A clinician: visits, referrals and invoices; versions, links, replays, a stale change, an expired token, a throttled read. */
async function clinician(api) {
  const out = {};
  const patientBody = await fixture('post-patients');
  const patientKey = key();
  const patient = await api.call('POST', '/patients', patientBody, { 'Idempotency-Key': patientKey });
  out.patient = patient;
  out.patientReplay = await api.call('POST', '/patients', patientBody, { 'Idempotency-Key': patientKey });
  const helpNumber = patient.body.helpNumber;
  out.patientRead = await api.call('GET', linkOf(patient.location));
  const change = { ...patientBody, phone: '+45 20 00 00 01' };
  out.staleChange = await api.call('PUT', '/patients/' + helpNumber, change, { 'If-Match': '"0"' });
  out.change = await api.call('PUT', '/patients/' + helpNumber, change, { 'If-Match': out.patientRead.etag });
  out.visit = await api.call('POST', '/visits', { ...(await fixture('post-visits')), helpNumber }, { 'Idempotency-Key': key() });
  out.referral = await api.call('POST', '/referrals', { ...(await fixture('post-referrals')), helpNumber }, { 'Idempotency-Key': key() });
  out.referralRead = await api.call('GET', linkOf(out.referral.location));
  out.invoice = await api.call('POST', '/invoices', { ...(await fixture('post-invoices')), helpNumber }, { 'Idempotency-Key': key() });
  out.invoiceRead = await api.call('GET', linkOf(out.invoice.location));
  out.forbidden = await api.call('GET', '/budget/sources');

  // an expired token: the gateway's 401 carries no CORS headers, so the page sees a network error ...
  out.expiredRaw = await api.raw('GET', '/patients/' + helpNumber, undefined, saved.expired);
  // ... which is why the client looks at exp first and refreshes: the same call then succeeds
  api.tokens.access_token = saved.expired;
  out.expiredRefreshed = await api.call('GET', '/patients/' + helpNumber);
  out.refreshed = api.refreshed;

  // DynamoDB throttled for a moment (the test turns it on): 429 with a readable Retry-After, then the retry works
  window.fristedPhase = 'ready-for-faults';
  await waitFor(() => window.fristedFaultsOn);
  out.throttled = await api.call('GET', '/patients/' + helpNumber);
  window.fristedPhase = 'throttled';
  await waitFor(() => window.fristedFaultsOff);
  await sleep(1000 * Number(out.throttled.retryAfter || 1));
  out.afterRetry = await api.call('GET', '/patients/' + helpNumber);
  out.helpNumber = helpNumber;
  return out;
}

/** An admin: the admin function's audit trail, the budget and the reports. */
async function admin(api) {
  const out = {};
  out.audit = await api.call('GET', '/audit/patients/' + saved.helpNumber);
  out.source = await api.call('POST', '/budget/sources', await fixture('post-budget-sources'), { 'Idempotency-Key': key() });
  out.sources = await api.call('GET', '/budget/sources');
  out.report = await api.call('GET', '/reports/' + (new Date().getUTCFullYear() - 1) + '?version=publishable');
  out.noRoute = await api.call('GET', '/budget/sources/no-such-route'); // the gateway's own 404: unreadable too
  return out;
}

async function main() {
  if (params.has('api')) { // the test's first load: where the API is, who signs in, what to do
    Object.assign(saved, { api: params.get('api'), issuer: params.get('issuer'), scenario: params.get('scenario'),
      expired: params.get('expired'), helpNumber: params.get('helpNumber') });
    save();
    return signIn();
  }
  if (params.has('error')) throw new Error('sign-in refused: ' + params.get('error') + ' ' + params.get('error_description'));
  if (!params.has('code') || params.get('state') !== saved.state) throw new Error('no code, or a state this page did not send');
  const tokens = await tokenRequest({ grant_type: 'authorization_code', client_id: CLIENT_ID, code: params.get('code'),
    redirect_uri: location.origin + '/signed-in', code_verifier: saved.verifier });
  history.replaceState(null, '', '/signed-in'); // the code is spent; keep it out of the history
  const api = apiClient(tokens);
  const results = { user: claims(tokens.id_token).email, groups: claims(tokens.access_token)['cognito:groups'] };
  results.steps = await ({ clinician, admin })[saved.scenario](api);
  window.fristedResults = results;
  document.getElementById('status').textContent = 'done';
}

main().catch((e) => { window.fristedResults = { failed: String(e) }; document.getElementById('status').textContent = 'failed'; });
