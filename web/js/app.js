// The clinic's web app. So far the front desk (find a patient by help number, look for the same person
// before registering, register and show the help number for the card) and the clinician's visit: site,
// service, interpreter and ICPC-2 diagnoses picked by chapter and code, then the patient's visits. Every text a
// volunteer reads is in their language (i18n.js); every value shown is set as text, never as HTML.
import { t, language, setLanguage, LANGUAGES } from './i18n.js';
import { checkHelpNumber } from './helpnumber.js';
import * as session from './session.js';
import * as queue from './queue.js';

const main = document.getElementById('main');
let settings;

/** An element with attributes and children; strings become text nodes. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined && value !== null) element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A field with its label, so every input is named for screen readers and keyboard users. */
function field(id, label, input) {
  input.id = id;
  return h('p', { class: 'field' }, h('label', { for: id }, label), input);
}

/** What a volunteer reads when a call does not give the answer hoped for. */
function trouble(answer) {
  if (answer.expired) { offerSignIn(); return t('sessionExpired'); }
  if (answer.offline) return t('offline');
  if (answer.status === 403) return t('forbidden');
  if (answer.status === 429 || answer.status === 503) return t('busy');
  return answer.body && answer.body.detail ? answer.body.detail : String(answer.status);
}

const DRAFT = 'fristed.draft';

/**
 * The session has ended: a button to sign in again, which first keeps what is typed on the page (every field
 * with an id, in this tab only) so it is there again when the volunteer is back.
 */
function offerSignIn() {
  if (document.getElementById('sign-in-again')) return;
  const again = h('button', { type: 'button', id: 'sign-in-again', onclick: async () => {
    const fields = {};
    document.querySelectorAll('main input[id], main select[id]').forEach((e) => { fields[e.id] = e.type === 'checkbox' ? e.checked : e.value; });
    sessionStorage.setItem(DRAFT, JSON.stringify(fields));
    session.signOut();
    await session.signIn(settings);
  } }, t('signInAgain'));
  main.prepend(h('p', { role: 'alert', id: 'session-ended' }, t('sessionExpired'), ' ', again));
}

/** After signing in again: the fields as they were, the help number first, so the patient's panels come back. */
async function restoreDraft() {
  const fields = JSON.parse(sessionStorage.getItem(DRAFT) || 'null');
  sessionStorage.removeItem(DRAFT);
  if (!fields) return;
  const find = document.getElementById('find-help-number');
  if (find && fields['find-help-number']) {
    find.value = fields['find-help-number'];
    find.dispatchEvent(new Event('input', { bubbles: true }));
  }
  // fields inside a patient's panels appear once it is loaded: a few tries
  for (let attempt = 0; attempt < 20; attempt++) {
    for (const [id, value] of Object.entries(fields)) {
      const e = document.getElementById(id);
      if (!e || id === 'find-help-number') continue;
      if (e.type === 'checkbox') e.checked = value; else e.value = value;
      delete fields[id];
    }
    if (Object.keys(fields).length <= 1) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function nav() {
  const who = session.user();
  const languages = h('select', { id: 'language', onchange: (e) => { setLanguage(e.target.value); render(); } },
    Object.entries(LANGUAGES).map(([code, name]) => h('option', { value: code, selected: code === language() }, name)));
  document.getElementById('nav').replaceChildren(
    h('span', { id: 'who' }, t('signedInAs') + ' ' + who.email),
    h('label', { for: 'language', class: 'visually-hidden' }, t('language')), languages,
    h('button', { type: 'button', id: 'sign-out', onclick: () => { queue.clear(); sessionStorage.removeItem(DRAFT); session.signOut(); location.assign('/'); } }, t('signOut')));
}

function findPatient() {
  const message = h('p', { id: 'find-message', role: 'status', 'aria-live': 'polite' });
  const shown = h('div', { id: 'patient' });
  const load = async (helpNumber) => {
    const answer = await session.call(settings, 'GET', '/patients/' + helpNumber);
    if (answer.status === 200) {
      const merge = session.user().roles.includes('coordinator') ? mergePanel(answer.body, () => load(helpNumber)) : null;
      shown.replaceChildren(patientCard(answer.body), merge, await visitPanel(answer.body.helpNumber),
        await workflowPanel('referral', answer.body.helpNumber), await workflowPanel('invoice', answer.body.helpNumber));
    } else if (answer.status === 404) message.textContent = t('patient.notFound');
    else if (answer.status === 410 && answer.body.mergedInto) message.textContent = t('patient.merged') + ' ' + answer.body.mergedInto;
    else message.textContent = trouble(answer);
  };
  return h('section', { 'aria-labelledby': 'find-title' }, h('h2', { id: 'find-title' }, t('findTitle')),
    helpNumberField('find-help-number', message, load, () => shown.replaceChildren()), message, shown);
}

function patientCard(p) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  return h('dl', { class: 'patient' },
    row(t('helpNumber'), p.helpNumber), p.name ? row(t('name'), p.name) : null, row(t('birthYear'), p.birthYear),
    row(t('sex'), t('sex.' + p.sex)), row(t('nationality'), p.nationality), row(t('languages'), (p.languages || []).join(', ')),
    row(t('interpreterNeeded'), p.interpreterNeeded ? t('yes') : t('no')),
    p.mergedFrom && p.mergedFrom.length ? row(t('mergedFrom'), p.mergedFrom.join(', ')) : null);
}

/** What each workflow step asks for beyond an optional note, as openapi.json's transition bodies say. */
const STEP_FIELDS = {
  referral: { reject: ['reason'], cancel: ['note'], file_complaint: ['complaintBody'], book_appointment: ['appointmentDate'] },
  invoice: { request_credit: ['channel'], appeal: ['channel'], credit_partly: ['amount'], pay: ['amount'], reject: ['reason'], write_off: ['note'] },
};
const CHOICES = {
  'referral.reason': ['no_health_rights', 'not_medically_indicated', 'incomplete_referral', 'wrong_receiver', 'other'],
  'invoice.reason': ['no_health_rights', 'care_not_acute', 'documentation_missing', 'deadline_passed', 'other'],
  complaintBody: ['hospital', 'county_governor', 'patient_complaints_board', 'other'],
  channel: ['letter', 'email', 'portal', 'phone'],
};

/**
 * A patient's referrals or invoices, each with its state and the steps the API says it may take now; a
 * step asks for what its body needs and is sent with the record's ETag, so a change made meanwhile is
 * refused (412) and shown rather than overwritten.
 */
async function workflowPanel(kind, helpNumber) {
  const plural = kind + 's';
  const panel = h('section', { id: plural, 'aria-labelledby': plural + '-title' });
  const message = h('p', { id: kind + '-message', role: 'status', 'aria-live': 'polite' });
  const show = async () => {
    const answer = await session.call(settings, 'GET', '/patients/' + helpNumber + '/' + plural);
    if (answer.status !== 200) { panel.replaceChildren(h('p', {}, trouble(answer))); return; }
    panel.replaceChildren(h('h3', { id: plural + '-title' }, t(plural + 'Title')), message,
      answer.body.items.length === 0 ? h('p', {}, t('none')) : h('ul', { class: 'records' }, answer.body.items.map(item)));
  };
  const item = (record) => {
    const steps = h('div', { class: 'steps' });
    const describe = kind === 'referral'
      ? record.date + ' · ' + record.kind + ' · ' + record.receiver
      : record.invoiceDate + ' · ' + record.creditor + ' · ' + (record.outstanding / 100).toFixed(2) + ' ' + record.currency;
    const buttons = (record.allowedActions || []).filter((a) => a !== 'refer_again').map((action) =>
      h('button', { type: 'button', 'data-action': action, onclick: () => steps.replaceChildren(stepForm(record, action)) }, t('action.' + action)));
    return h('li', { id: kind + '-' + record.id }, h('p', {}, describe, ' — ', h('strong', { class: 'state' }, t('state.' + record.state))),
      h('p', {}, buttons), steps);
  };
  const stepForm = (record, action) => {
    const wanted = STEP_FIELDS[kind][action] || [];
    const inputs = {};
    for (const name of wanted) {
      const choices = CHOICES[kind + '.' + name] || CHOICES[name];
      inputs[name] = choices ? h('select', { required: true }, choices.map((c) => h('option', { value: c }, t('choice.' + c))))
        : name === 'appointmentDate' ? h('input', { type: 'date', required: true })
          : name === 'amount' ? h('input', { inputmode: 'decimal', required: true }) : h('input', { required: true });
    }
    if (!inputs.note) inputs.note = h('input', {});
    const send = async (event) => {
      event.preventDefault();
      const body = { action };
      for (const [name, input] of Object.entries(inputs)) {
        if (!input.value.trim()) continue;
        if (name === 'amount') {
          const minor = minorUnits(input.value);
          if (minor === null) { message.textContent = t('notAnAmount'); return; }
          body.amount = minor;
          body.currency = record.currency;
        } else body[name] = input.value.trim();
      }
      const answer = await session.call(settings, 'POST', '/' + plural + '/' + record.id + '/transitions', body, { 'If-Match': '"' + record.version + '"' });
      if (answer.status !== 200) { message.textContent = answer.status === 412 ? t('changedMeanwhile') : trouble(answer); return; }
      await show();
      message.textContent = t('stepDone') + ' ' + t('state.' + answer.body.state);
    };
    return h('form', { class: 'step', onsubmit: send }, Object.entries(inputs).map(([name, input]) =>
      field(kind + '-' + record.id + '-' + name, t('field.' + name), input)), h('button', { type: 'submit', class: 'send-step' }, t('action.' + action)));
  };
  await show();
  return panel;
}

/** What needs attention at a site: referrals waiting too long, invoices near or past their deadline. */
function attention() {
  const site = h('select', {});
  const lists = h('div', { id: 'attention' });
  const message = h('p', { id: 'attention-message', role: 'status', 'aria-live': 'polite' });
  reference().then((r) => site.replaceChildren(...r.sites.map((s) => h('option', { value: s }, s))), (e) => { message.textContent = e.message; });
  const open = (helpNumber) => h('button', { type: 'button', class: 'open-patient', onclick: () => {
    const find = document.getElementById('find-help-number');
    find.value = helpNumber;
    find.dispatchEvent(new Event('input', { bubbles: true }));
    find.focus();
  } }, t('openPatient') + ' ' + helpNumber);
  const show = async (event) => {
    event.preventDefault();
    const [referrals, invoices] = await Promise.all([
      session.call(settings, 'GET', '/referrals/follow-up?site=' + encodeURIComponent(site.value)),
      session.call(settings, 'GET', '/invoices/deadlines?site=' + encodeURIComponent(site.value))]);
    if (referrals.status !== 200 || invoices.status !== 200) { message.textContent = trouble(referrals.status !== 200 ? referrals : invoices); return; }
    message.textContent = '';
    lists.replaceChildren(
      h('h3', {}, t('followUpTitle')), referrals.body.items.length === 0 ? h('p', { id: 'follow-up' }, t('none'))
        : h('ul', { id: 'follow-up' }, referrals.body.items.map((r) => h('li', {}, t('waitingSince') + ' ' + r.followUpSince + ' · ' + r.receiver
          + ' · ' + t('state.' + r.state) + ' ', open(r.helpNumber)))),
      h('h3', {}, t('deadlinesTitle')), invoices.body.items.length === 0 ? h('p', { id: 'deadlines' }, t('none'))
        : h('ul', { id: 'deadlines' }, invoices.body.items.map((i) => h('li', {}, t('due') + ' ' + i.dueDate + ' · ' + i.creditor + ' · '
          + (i.outstanding / 100).toFixed(2) + ' ' + i.currency + ' · ' + (i.flags || []).map((f) => t('flag.' + f)).join(', ') + ' ', open(i.helpNumber)))));
  };
  return h('section', { 'aria-labelledby': 'attention-title' }, h('h2', { id: 'attention-title' }, t('attentionTitle')),
    h('form', { onsubmit: show }, field('attention-site', t('site'), site), h('p', {}, h('button', { type: 'submit', id: 'show-attention' }, t('show')))),
    message, lists);
}

/**
 * Coordinators: a duplicate of this patient merged into this record. The duplicate is looked up first and shown,
 * the fields to take from it chosen, and the merge sent with both records' versions, so neither is merged as it
 * was before a change someone made meanwhile.
 */
function mergePanel(survivor, reload) {
  const message = h('p', { id: 'merge-message', role: 'status', 'aria-live': 'polite' });
  const found = h('div', { id: 'merge-duplicate' });
  const show = async (helpNumber) => {
    found.replaceChildren();
    if (helpNumber === survivor.helpNumber) { message.textContent = t('mergeItself'); return; }
    const answer = await session.call(settings, 'GET', '/patients/' + helpNumber);
    if (answer.status !== 200) { message.textContent = answer.status === 404 ? t('patient.notFound') : trouble(answer); return; }
    message.textContent = '';
    const duplicate = answer.body;
    const take = ['name', 'phone', 'languages'].map((f) => ({ f, box: h('input', { type: 'checkbox', id: 'take-' + f }) }));
    found.replaceChildren(patientCard(duplicate), h('fieldset', {}, h('legend', {}, t('takeFromDuplicate')),
      take.map(({ f, box }) => h('p', {}, box, ' ', h('label', { for: box.id }, t('take.' + f))))),
    h('button', { type: 'button', id: 'merge-button', onclick: async () => {
      const merged = await session.call(settings, 'POST', '/patients/' + survivor.helpNumber + '/merges',
        { duplicate: duplicate.helpNumber, duplicateVersion: duplicate.version, takeFromDuplicate: take.filter(({ box }) => box.checked).map(({ f }) => f) },
        { 'If-Match': '"' + survivor.version + '"', 'Idempotency-Key': crypto.randomUUID() });
      if (merged.status !== 200) { message.textContent = merged.status === 412 ? t('changedMeanwhile') : trouble(merged); return; }
      reload();
    } }, t('mergeButton') + ' ' + survivor.helpNumber));
  };
  return h('section', { 'aria-labelledby': 'merge-title' }, h('h3', { id: 'merge-title' }, t('mergeTitle')),
    helpNumberField('merge-help-number', message, show), message, found);
}

let referenceLists;

/** The clinic's closed lists (sites, services, ICPC-2 chapters and codes), read once a session. */
async function reference() {
  if (!referenceLists) {
    const answer = await session.call(settings, 'GET', '/reference');
    if (answer.status !== 200) throw new Error(trouble(answer));
    referenceLists = answer.body;
  }
  return referenceLists;
}

/** A visit for the patient found, and their visits so far. */
async function visitPanel(helpNumber) {
  const lists = await reference();
  const today = new Date().toISOString().slice(0, 10);
  const inputs = {
    site: h('select', { required: true }, lists.sites.map((site) => h('option', { value: site }, site))),
    date: h('input', { type: 'date', required: true, max: today, value: today }),
    service: h('select', { required: true }, lists.services.map((x) => h('option', { value: x }, t('service.' + x)))),
    interpreterLanguage: h('input', { maxlength: '2', autocomplete: 'off' }),
    chapter: h('select', {}, lists.diagnosisChapters.map((c) => h('option', { value: c.letter }, c.letter + ' ' + c.title))),
    code: h('input', { list: 'icpc-codes', maxlength: '3', autocomplete: 'off', autocapitalize: 'characters' }),
  };
  const codesOfChapter = h('datalist', { id: 'icpc-codes' });
  const showChapter = () => codesOfChapter.replaceChildren(
    ...lists.diagnosisCodes.filter((code) => code.startsWith(inputs.chapter.value)).map((code) => h('option', { value: code })));
  inputs.chapter.addEventListener('change', showChapter);
  showChapter();
  const chosen = [];
  const chosenList = h('ul', { id: 'chosen-diagnoses' });
  const message = h('p', { id: 'visit-message', role: 'status', 'aria-live': 'polite' });
  const showChosen = () => chosenList.replaceChildren(...chosen.map((code) => h('li', {}, code, ' ',
    h('button', { type: 'button', 'aria-label': t('remove') + ' ' + code, onclick: () => { chosen.splice(chosen.indexOf(code), 1); showChosen(); } }, t('remove')))));
  const addDiagnosis = () => {
    const code = inputs.code.value.trim().toUpperCase();
    if (!lists.diagnosisCodes.includes(code)) { message.textContent = t('notACode'); return; }
    message.textContent = '';
    if (!chosen.includes(code)) chosen.push(code); // a diagnosis counts once a visit
    inputs.code.value = '';
    showChosen();
  };
  const visits = h('div', { id: 'visits' });
  const showVisits = async () => {
    const answer = await session.call(settings, 'GET', '/patients/' + helpNumber + '/visits');
    if (answer.status !== 200) { visits.replaceChildren(h('p', {}, trouble(answer))); return; }
    visits.replaceChildren(h('h3', {}, t('visitsTitle')), answer.body.items.length === 0 ? h('p', {}, t('noVisits'))
      : h('table', {}, h('thead', {}, h('tr', {}, [t('date'), t('site'), t('service'), t('diagnoses')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, answer.body.items.map((v) => h('tr', {}, h('td', {}, v.date + (v.firstVisit ? ' (' + t('firstVisit') + ')' : '')),
          h('td', {}, v.site), h('td', {}, t('service.' + v.service)), h('td', {}, (v.diagnoses || []).join(', ')))))));
  };
  // one key per visit being registered: a retry after a lost answer counts it once
  let idempotencyKey = crypto.randomUUID();
  const register = async (event) => {
    event.preventDefault();
    const body = { helpNumber, site: inputs.site.value, date: inputs.date.value, service: inputs.service.value, diagnoses: chosen,
      ...(inputs.interpreterLanguage.value.trim() ? { interpreterLanguage: inputs.interpreterLanguage.value.trim().toLowerCase() } : {}) };
    const answer = await session.call(settings, 'POST', '/visits', body, { 'Idempotency-Key': idempotencyKey });
    if (answer.offline) {
      queue.add({ kind: 'visit', method: 'POST', path: '/visits', body, idempotencyKey });
      showQueue();
    } else if (answer.status !== 201) { message.textContent = trouble(answer); return; }
    idempotencyKey = crypto.randomUUID();
    chosen.length = 0;
    showChosen();
    message.textContent = answer.offline ? t('savedOffline') : t('visitRegistered');
    if (!answer.offline) await showVisits();
  };
  await showVisits();
  return h('section', { 'aria-labelledby': 'visit-title' },
    h('h3', { id: 'visit-title' }, t('visitTitle')),
    h('form', { id: 'visit', onsubmit: register },
      field('visit-site', t('site'), inputs.site), field('visit-date', t('date'), inputs.date),
      field('visit-service', t('service'), inputs.service), field('visit-interpreter', t('interpreterLanguage'), inputs.interpreterLanguage),
      h('fieldset', {}, h('legend', {}, t('diagnoses')),
        field('diagnosis-chapter', t('chapter'), inputs.chapter), field('diagnosis-code', t('code'), inputs.code), codesOfChapter,
        h('p', {}, h('button', { type: 'button', id: 'add-diagnosis', onclick: addDiagnosis }, t('addDiagnosis'))), chosenList),
      h('p', {}, h('button', { type: 'submit', id: 'register-visit' }, t('registerVisit')))),
    message, visits);
}

function registerPatient() {
  const inputs = {
    birthYear: h('input', { type: 'number', min: '1900', max: String(new Date().getFullYear()), required: true }),
    sex: h('select', { required: true }, ['female', 'male', 'other', 'unknown'].map((s) => h('option', { value: s }, t('sex.' + s)))),
    nationality: h('input', { maxlength: '2', required: true, autocapitalize: 'characters' }),
    languages: h('input', {}),
    interpreterNeeded: h('input', { type: 'checkbox' }),
    name: h('input', { autocomplete: 'off' }),
    phone: h('input', { type: 'tel', autocomplete: 'off' }),
  };
  const message = h('p', { id: 'register-message', role: 'status', 'aria-live': 'polite' });
  const duplicates = h('div', { id: 'duplicates' });
  const result = h('div', { id: 'registered' });
  // one key per person being registered: a retry after a lost answer registers nobody twice
  let idempotencyKey = crypto.randomUUID();
  const body = () => ({
    birthYear: Number(inputs.birthYear.value), sex: inputs.sex.value, nationality: inputs.nationality.value.trim().toUpperCase(),
    languages: inputs.languages.value.split(',').map((l) => l.trim().toLowerCase()).filter(Boolean),
    interpreterNeeded: inputs.interpreterNeeded.checked,
    ...(inputs.name.value.trim() ? { name: inputs.name.value.trim() } : {}),
    ...(inputs.phone.value.trim() ? { phone: inputs.phone.value.trim() } : {}),
  });
  const lookForDuplicates = async () => {
    const b = body();
    const query = new URLSearchParams({ birthYear: b.birthYear, sex: b.sex, nationality: b.nationality, ...(b.name ? { name: b.name } : {}) });
    const answer = await session.call(settings, 'GET', '/patients?' + query);
    if (answer.status !== 200) { message.textContent = trouble(answer); return; }
    message.textContent = '';
    duplicates.replaceChildren(answer.body.items.length === 0
      ? h('p', {}, t('noDuplicates'))
      : h('div', {}, h('p', {}, t('duplicatesFound')),
        h('ul', {}, answer.body.items.map((c) => h('li', {}, c.helpNumber + (c.nameMatch && c.nameMatch !== 'none' ? ' (' + t('nameMatch') + ': ' + c.nameMatch + ')' : ''))))));
  };
  const register = async (event) => {
    event.preventDefault();
    const answer = await session.call(settings, 'POST', '/patients', body(), { 'Idempotency-Key': idempotencyKey });
    if (answer.offline) {
      queue.add({ kind: 'registration', method: 'POST', path: '/patients', body: body(), idempotencyKey });
      idempotencyKey = crypto.randomUUID();
      message.textContent = t('savedOfflineRegistration');
      showQueue();
      return;
    }
    if (answer.status !== 201) { message.textContent = trouble(answer); return; }
    idempotencyKey = crypto.randomUUID();
    message.textContent = '';
    duplicates.replaceChildren();
    result.replaceChildren(h('p', {}, t('newHelpNumber')), h('p', { class: 'help-number', id: 'new-help-number' }, answer.body.helpNumber));
    result.focus();
  };
  result.tabIndex = -1;
  return h('section', { 'aria-labelledby': 'register-title' },
    h('h2', { id: 'register-title' }, t('registerTitle')),
    h('form', { id: 'register', onsubmit: register },
      field('birth-year', t('birthYear'), inputs.birthYear), field('sex', t('sex'), inputs.sex),
      field('nationality', t('nationality'), inputs.nationality), field('languages', t('languages'), inputs.languages),
      field('interpreter-needed', t('interpreterNeeded'), inputs.interpreterNeeded), field('name', t('name'), inputs.name),
      field('phone', t('phone'), inputs.phone),
      h('p', {}, h('button', { type: 'button', id: 'check-duplicates', onclick: lookForDuplicates }, t('checkDuplicates')), ' ',
        h('button', { type: 'submit', id: 'register-button' }, t('register')))),
    message, duplicates, result);
}

const queuePanel = h('section', { id: 'queue', 'aria-live': 'polite' });
const queueResults = [];
let flushing = false;

/** What waits to be sent, and what was sent or refused since: visible, so a volunteer knows. */
function showQueue() {
  const items = queue.waiting();
  queuePanel.replaceChildren(
    ...(items.length ? [h('p', { id: 'queue-waiting' }, t('queueWaiting') + ' ' + items.length),
      h('ul', {}, items.map((item) => h('li', {}, t('queue.' + item.kind) + ', ' + item.savedAt.slice(0, 16).replace('T', ' '))))] : []),
    ...queueResults.map((line) => h('p', { class: 'queue-result' }, line)));
}

/** Sends what waits, once the connection is back: each with its first Idempotency-Key. */
async function sendWaiting() {
  if (flushing || queue.waiting().length === 0) return;
  flushing = true;
  try {
    const { sent, refused } = await queue.flush((item) =>
      session.call(settings, item.method, item.path, item.body, { 'Idempotency-Key': item.idempotencyKey }));
    for (const { item, answer } of sent) {
      queueResults.push(t('queueSent') + ' ' + t('queue.' + item.kind) + (item.kind === 'registration' ? ': ' + answer.body.helpNumber : ''));
    }
    for (const { item, answer } of refused) queueResults.push(t('queueRefused') + ' ' + t('queue.' + item.kind) + ': ' + trouble(answer));
  } finally {
    flushing = false;
    showQueue();
  }
}

/** A help-number field with the desk's check as it is typed; {@code found} gets the number once it is valid, {@code changed} every change. */
function helpNumberField(id, message, found, changed = () => {}) {
  const input = h('input', { autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '11', class: 'help-number-input' });
  input.addEventListener('input', () => {
    changed();
    const checked = checkHelpNumber(input.value);
    message.textContent = ['bad-character', 'too-long', 'mistyped'].includes(checked.state) ? t('helpNumber.' + checked.state) : '';
    input.setAttribute('aria-invalid', message.textContent ? 'true' : 'false');
    if (checked.state === 'valid') found(checked.formatted);
  });
  return field(id, t('helpNumber'), input);
}

/** Admins: who read or changed a patient's record, and erasure on the patient's request, confirmed. */
function auditAndErasure() {
  const message = h('p', { id: 'audit-message', role: 'status', 'aria-live': 'polite' });
  const trail = h('div', { id: 'audit' });
  const erasure = h('div', { id: 'erasure' });
  const show = async (helpNumber) => {
    trail.replaceChildren();
    erasure.replaceChildren();
    const answer = await session.call(settings, 'GET', '/audit/patients/' + helpNumber);
    if (answer.status !== 200) { message.textContent = trouble(answer); return; }
    message.textContent = '';
    trail.replaceChildren(h('table', {}, h('thead', {}, h('tr', {}, [t('when'), t('who'), t('what')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, answer.body.items.map((e) => h('tr', {}, h('td', {}, e.at.replace('T', ' ').slice(0, 16)),
        h('td', {}, e.subject + ' (' + e.roles.join(', ') + ')'), h('td', {}, e.action + ' — ' + e.route))))));
    const confirm = h('div', { hidden: true, id: 'erase-confirm' }, h('p', {}, t('eraseWhatGoes')), h('p', {}, t('eraseWhatStays')),
      h('button', { type: 'button', id: 'erase-yes', onclick: async () => {
        const erased = await session.call(settings, 'DELETE', '/patients/' + helpNumber);
        message.textContent = erased.status === 204 ? t('erased') : trouble(erased);
        confirm.hidden = true;
      } }, t('eraseYes')), ' ',
      h('button', { type: 'button', onclick: () => { confirm.hidden = true; } }, t('cancel')));
    erasure.replaceChildren(h('button', { type: 'button', id: 'erase', onclick: () => { confirm.hidden = false; } }, t('erase')), confirm);
  };
  return h('section', { 'aria-labelledby': 'audit-title' }, h('h2', { id: 'audit-title' }, t('auditTitle')),
    helpNumberField('audit-help-number', message, show), message, trail, erasure);
}

/** Kroner and øre as typed (1234,50 or 1234.50) into minor units; null when it is not an amount. */
function minorUnits(typed) {
  const match = String(typed).trim().replace(/[\s.](?=\d{3}(\D|$))/g, '').replace(',', '.').match(/^(\d+)(?:\.(\d{1,2}))?$/);
  return match ? Number(match[1]) * 100 + Number((match[2] || '0').padEnd(2, '0')) : null;
}

/** Finance: the year's progress and chart, a payment from a source, the ledger as a spreadsheet. */
function budget() {
  const year = h('input', { type: 'number', min: '2009', max: String(new Date().getFullYear() + 1), value: String(new Date().getFullYear()) });
  const message = h('p', { id: 'budget-message', role: 'status', 'aria-live': 'polite' });
  const progress = h('div', { id: 'progress' });
  const chart = h('div', { id: 'chart' });
  const payment = h('div', { id: 'payment' });
  const money = (minor, currency) => new Intl.NumberFormat(language() === 'en' ? 'en-GB' : language() === 'da' ? 'da-DK' : 'nb-NO',
    { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100) + ' ' + currency;
  const show = async () => {
    const y = year.value;
    const answer = await session.call(settings, 'GET', '/budget/years/' + y + '/progress');
    progress.replaceChildren(); chart.replaceChildren(); payment.replaceChildren();
    if (answer.status !== 200) { message.textContent = trouble(answer); return; }
    message.textContent = '';
    const p = answer.body;
    const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
    progress.replaceChildren(h('dl', { class: 'patient' }, row(t('need'), money(p.need, p.currency)), row(t('received'), money(p.received, p.currency)),
      row(t('promised'), money(p.outstandingPledges, p.currency)), row(t('gap'), money(p.gap, p.currency)), row(t('funded'), p.percentFunded + ' %')));
    const svg = await session.call(settings, 'GET', '/budget/years/' + y + '/chart?locale=' + language());
    if (svg.status === 200) {
      chart.replaceChildren(h('img', { id: 'chart-image', alt: t('chartAlt') + ' ' + y, src: URL.createObjectURL(new Blob([svg.body], { type: 'image/svg+xml' })) }));
    }
    const sources = await session.call(settings, 'GET', '/budget/sources?limit=100');
    const source = h('select', {}, (sources.body.items || []).map((s) => h('option', { value: s.id }, s.name || t('anonymous'))));
    const amount = h('input', { inputmode: 'decimal', autocomplete: 'off' });
    const date = h('input', { type: 'date', value: new Date().toISOString().slice(0, 10) });
    let idempotencyKey = crypto.randomUUID();
    const pay = async (event) => {
      event.preventDefault();
      const minor = minorUnits(amount.value);
      if (minor === null || minor <= 0) { message.textContent = t('notAnAmount'); return; }
      const written = await session.call(settings, 'POST', '/budget/years/' + y + '/entries',
        { kind: 'payment', sourceId: source.value, amount: minor, currency: p.currency, date: date.value }, { 'Idempotency-Key': idempotencyKey });
      if (written.status !== 201) { message.textContent = trouble(written); return; }
      idempotencyKey = crypto.randomUUID();
      await show();
      message.textContent = t('paymentRecorded');
    };
    const download = async () => {
      const csv = await session.call(settings, 'GET', '/budget/years/' + y + '/export?locale=' + language());
      if (csv.status !== 200) { message.textContent = trouble(csv); return; }
      const link = h('a', { id: 'export-file', href: URL.createObjectURL(new Blob([csv.body], { type: 'text/csv' })), download: 'budget-' + y + '.csv' }, 'budget-' + y + '.csv');
      payment.append(h('p', {}, link));
      link.click();
    };
    payment.replaceChildren(h('h3', {}, t('paymentTitle')), h('form', { id: 'payment-form', onsubmit: pay },
      field('payment-source', t('source'), source), field('payment-amount', t('amount') + ' (' + p.currency + ')', amount),
      field('payment-date', t('date'), date), h('p', {}, h('button', { type: 'submit', id: 'record-payment' }, t('recordPayment')))),
      h('p', {}, h('button', { type: 'button', id: 'export', onclick: download }, t('exportLedger'))));
  };
  return h('section', { 'aria-labelledby': 'budget-title' }, h('h2', { id: 'budget-title' }, t('budgetTitle')),
    h('form', { onsubmit: (e) => { e.preventDefault(); show(); } }, field('budget-year', t('year'), year),
      h('p', {}, h('button', { type: 'submit', id: 'show-budget' }, t('show')))), message, progress, chart, payment);
}

function render() {
  nav();
  const roles = session.user().roles;
  const screens = [];
  if (roles.includes('clinician') || roles.includes('coordinator')) screens.push(findPatient(), registerPatient(), attention());
  if (roles.includes('finance') || roles.includes('admin')) screens.push(budget());
  if (roles.includes('admin')) screens.push(auditAndErasure());
  main.replaceChildren(queuePanel, ...(screens.length ? screens : [h('p', { id: 'not-yet' }, t('notYet'))]));
  showQueue();
}

async function start() {
  setLanguage(language());
  settings = await session.config();
  if (location.pathname === '/signed-in') await session.completeSignIn(settings);
  if (!session.signedIn()) {
    document.getElementById('status').textContent = t('signingIn');
    await session.signIn(settings);
    return;
  }
  render();
  await restoreDraft();
  // what was saved offline goes when the connection is back, or at the latest within 15 seconds
  window.addEventListener('online', sendWaiting);
  setInterval(sendWaiting, 15000);
  await sendWaiting();
}

start().catch((e) => { document.getElementById('status').textContent = String(e.message || e); });
