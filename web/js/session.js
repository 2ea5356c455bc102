// Sign-in with OpenID Connect (authorization code + PKCE) against the stack's Cognito, or make run's
// stand-in, and calls to the API with the access token. The tokens live in this tab's sessionStorage
// only, and go at sign-out. The gateway's own 401 carries no CORS headers, so a page cannot read it:
// the token is refreshed a minute before it ends instead of waiting for a 401.
import { language } from './i18n.js';

const KEY = 'fristed.session';
const b64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const claimsOf = (jwt) => JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
const load = () => JSON.parse(sessionStorage.getItem(KEY) || '{}');
const store = (state) => sessionStorage.setItem(KEY, JSON.stringify(state));

/** The app's settings: where the API and sign-in are (config.json, written by make run or make deploy). */
export async function config() {
  const answer = await fetch('/config.json', { cache: 'no-store' });
  return answer.json();
}

async function discovery(settings) {
  return (await fetch(settings.issuer + '/.well-known/openid-configuration')).json();
}

/** Sends the browser to the sign-in page; it comes back to /signed-in with a code. */
export async function signIn(settings) {
  const endpoints = await discovery(settings);
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(48)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  store({ verifier, state, tokenEndpoint: endpoints.token_endpoint, returnTo: location.pathname });
  location.assign(endpoints.authorization_endpoint + '?' + new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: location.origin + '/signed-in',
    scope: 'openid email', state, code_challenge: challenge, code_challenge_method: 'S256' }));
}

async function token(endpoint, form) {
  const answer = await fetch(endpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  if (!answer.ok) throw new Error('sign-in refused');
  return answer.json();
}

/** On /signed-in: the code exchanged for tokens, the code taken out of the address bar. */
export async function completeSignIn(settings) {
  const params = new URLSearchParams(location.search);
  const state = load();
  if (!params.get('code') || params.get('state') !== state.state) throw new Error('sign-in did not come back as sent');
  const tokens = await token(state.tokenEndpoint, {
    grant_type: 'authorization_code', client_id: settings.clientId, code: params.get('code'),
    redirect_uri: location.origin + '/signed-in', code_verifier: state.verifier });
  store({ tokens, tokenEndpoint: state.tokenEndpoint });
  history.replaceState(null, '', '/');
}

export function signedIn() {
  return Boolean(load().tokens);
}

/** Who is signed in: their e-mail and roles, from the ID token. */
export function user() {
  const claims = claimsOf(load().tokens.id_token);
  return { email: claims.email, roles: claims['cognito:groups'] || [] };
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/**
 * A call to the API: {status, body, etag}, or {offline: true} when the server cannot be reached (or the
 * gateway's 401 hid itself), or {expired: true} when the session cannot be renewed.
 */
export async function call(settings, method, path, body, headers = {}) {
  const state = load();
  if (!state.tokens) return { expired: true };
  if (claimsOf(state.tokens.access_token).exp * 1000 < Date.now() + 60000) {
    try {
      const renewed = await token(state.tokenEndpoint, {
        grant_type: 'refresh_token', client_id: settings.clientId, refresh_token: state.tokens.refresh_token });
      state.tokens = { ...state.tokens, ...renewed };
      store(state);
    } catch (e) {
      return { expired: true };
    }
  }
  const init = { method, headers: { Authorization: 'Bearer ' + state.tokens.access_token, 'Accept-Language': language(), ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  try {
    const answer = await fetch(settings.api + path, init);
    const text = await answer.text();
    const type = answer.headers.get('Content-Type') || '';
    return { status: answer.status, body: type.includes('json') && text ? JSON.parse(text) : text, etag: answer.headers.get('ETag') };
  } catch (e) {
    return { offline: true };
  }
}
