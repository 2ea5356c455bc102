// The app's words in the clinics' languages. The chosen language is kept on this device and sent as
// Accept-Language, so the API's problems come back in it too.
const TEXTS = {
  en: {
    savedOffline: 'No connection: the visit is saved on this device and will be sent when the connection is back.',
    savedOfflineRegistration: 'No connection: the registration is saved on this device and will be sent when the connection is back; the help number appears then.',
    queueWaiting: 'Saved on this device, waiting for the connection:', queueSent: 'Sent:', queueRefused: 'Not accepted:',
    'queue.visit': 'visit', 'queue.registration': 'registration',
    visitTitle: 'Register a visit', site: 'Site', date: 'Date', service: 'Service', interpreterLanguage: 'Interpreter language (optional, e.g. ro)',
    diagnoses: 'Diagnoses (ICPC-2)', chapter: 'Chapter', code: 'Code', addDiagnosis: 'Add diagnosis', remove: 'Remove',
    registerVisit: 'Register the visit', visitRegistered: 'The visit is registered.', visitsTitle: 'Visits', noVisits: 'No visits yet.',
    'service.doctor': 'doctor', 'service.nurse': 'nurse', 'service.midwife': 'midwife', 'service.dentist': 'dentist',
    'service.physiotherapist': 'physiotherapist', 'service.psychologist': 'psychologist', 'service.social_worker': 'social worker', 'service.lab': 'laboratory',
    notACode: 'This is not an ICPC-2 code.', firstVisit: 'first visit',
    signingIn: 'Signing in…', signOut: 'Sign out', language: 'Language', signedInAs: 'Signed in as',
    notYet: 'The screens for your role are not built yet. Front desk work is for clinicians and coordinators.',
    findTitle: 'Find a patient', helpNumber: 'Help number', find: 'Find',
    'helpNumber.bad-character': 'A help number uses only 2–9 and the letters A C D E F G H J K L M N P Q R T U V W X Y.',
    'helpNumber.too-long': 'A help number has 8 characters.',
    'helpNumber.mistyped': 'This help number is mistyped: its last character does not match. Ask for the card again.',
    'patient.notFound': 'No patient has this help number.',
    'patient.merged': 'This record was merged into another. Use help number',
    birthYear: 'Birth year', sex: 'Sex', nationality: 'Nationality (two letters, XX if unknown)',
    languages: 'Languages (e.g. ro, en)', interpreterNeeded: 'Needs an interpreter', name: 'Name or alias (optional)',
    phone: 'Phone (optional)', registerTitle: 'Register a new patient', checkDuplicates: 'Look for the same person first',
    register: 'Register', noDuplicates: 'No one registered looks like this person.',
    duplicatesFound: 'Already registered? Check these before registering:', nameMatch: 'name',
    newHelpNumber: 'The patient\'s help number — write it on their card:',
    'sex.female': 'female', 'sex.male': 'male', 'sex.other': 'other', 'sex.unknown': 'unknown', yes: 'yes', no: 'no',
    sessionExpired: 'Your session has ended. Sign in again; what you typed is kept.', offline: 'No connection to the clinic\'s server. Try again.',
    forbidden: 'Your role may not do this.', busy: 'The server is busy. Try again in a moment.',
  },
  da: {
    savedOffline: 'Ingen forbindelse: besøget er gemt på denne enhed og sendes, når forbindelsen er tilbage.',
    savedOfflineRegistration: 'Ingen forbindelse: registreringen er gemt på denne enhed og sendes, når forbindelsen er tilbage; hjælpenummeret vises da.',
    queueWaiting: 'Gemt på denne enhed, venter på forbindelse:', queueSent: 'Sendt:', queueRefused: 'Ikke godtaget:',
    'queue.visit': 'besøg', 'queue.registration': 'registrering',
    visitTitle: 'Registrér et besøg', site: 'Sted', date: 'Dato', service: 'Ydelse', interpreterLanguage: 'Tolkesprog (valgfrit, fx ro)',
    diagnoses: 'Diagnoser (ICPC-2)', chapter: 'Kapitel', code: 'Kode', addDiagnosis: 'Tilføj diagnose', remove: 'Fjern',
    registerVisit: 'Registrér besøget', visitRegistered: 'Besøget er registreret.', visitsTitle: 'Besøg', noVisits: 'Ingen besøg endnu.',
    'service.doctor': 'læge', 'service.nurse': 'sygeplejerske', 'service.midwife': 'jordemoder', 'service.dentist': 'tandlæge',
    'service.physiotherapist': 'fysioterapeut', 'service.psychologist': 'psykolog', 'service.social_worker': 'socialrådgiver', 'service.lab': 'laboratorium',
    notACode: 'Dette er ikke en ICPC-2-kode.', firstVisit: 'første besøg',
    signingIn: 'Logger ind…', signOut: 'Log ud', language: 'Sprog', signedInAs: 'Logget ind som',
    notYet: 'Skærmbillederne til din rolle er ikke bygget endnu. Skranken er for behandlere og koordinatorer.',
    findTitle: 'Find en patient', helpNumber: 'Hjælpenummer', find: 'Find',
    'helpNumber.bad-character': 'Et hjælpenummer bruger kun 2–9 og bogstaverne A C D E F G H J K L M N P Q R T U V W X Y.',
    'helpNumber.too-long': 'Et hjælpenummer har 8 tegn.',
    'helpNumber.mistyped': 'Hjælpenummeret er skrevet forkert: det sidste tegn passer ikke. Bed om kortet igen.',
    'patient.notFound': 'Ingen patient har dette hjælpenummer.',
    'patient.merged': 'Journalen er slået sammen med en anden. Brug hjælpenummer',
    birthYear: 'Fødselsår', sex: 'Køn', nationality: 'Nationalitet (to bogstaver, XX hvis ukendt)',
    languages: 'Sprog (fx ro, en)', interpreterNeeded: 'Har brug for tolk', name: 'Navn eller alias (valgfrit)',
    phone: 'Telefon (valgfrit)', registerTitle: 'Registrér en ny patient', checkDuplicates: 'Se først efter samme person',
    register: 'Registrér', noDuplicates: 'Ingen registreret ligner denne person.',
    duplicatesFound: 'Allerede registreret? Se disse, før du registrerer:', nameMatch: 'navn',
    newHelpNumber: 'Patientens hjælpenummer — skriv det på kortet:',
    'sex.female': 'kvinde', 'sex.male': 'mand', 'sex.other': 'andet', 'sex.unknown': 'ukendt', yes: 'ja', no: 'nej',
    sessionExpired: 'Din session er udløbet. Log ind igen; det, du skrev, er gemt.', offline: 'Ingen forbindelse til klinikkens server. Prøv igen.',
    forbidden: 'Din rolle må ikke gøre dette.', busy: 'Serveren har travlt. Prøv igen om lidt.',
  },
  nb: {
    savedOffline: 'Ingen forbindelse: besøket er lagret på denne enheten og sendes når forbindelsen er tilbake.',
    savedOfflineRegistration: 'Ingen forbindelse: registreringen er lagret på denne enheten og sendes når forbindelsen er tilbake; hjelpenummeret vises da.',
    queueWaiting: 'Lagret på denne enheten, venter på forbindelse:', queueSent: 'Sendt:', queueRefused: 'Ikke godtatt:',
    'queue.visit': 'besøk', 'queue.registration': 'registrering',
    visitTitle: 'Registrer et besøk', site: 'Sted', date: 'Dato', service: 'Tjeneste', interpreterLanguage: 'Tolkespråk (valgfritt, f.eks. ro)',
    diagnoses: 'Diagnoser (ICPC-2)', chapter: 'Kapittel', code: 'Kode', addDiagnosis: 'Legg til diagnose', remove: 'Fjern',
    registerVisit: 'Registrer besøket', visitRegistered: 'Besøket er registrert.', visitsTitle: 'Besøk', noVisits: 'Ingen besøk ennå.',
    'service.doctor': 'lege', 'service.nurse': 'sykepleier', 'service.midwife': 'jordmor', 'service.dentist': 'tannlege',
    'service.physiotherapist': 'fysioterapeut', 'service.psychologist': 'psykolog', 'service.social_worker': 'sosionom', 'service.lab': 'laboratorium',
    notACode: 'Dette er ikke en ICPC-2-kode.', firstVisit: 'første besøk',
    signingIn: 'Logger inn…', signOut: 'Logg ut', language: 'Språk', signedInAs: 'Logget inn som',
    notYet: 'Skjermbildene for rollen din er ikke laget ennå. Skranken er for behandlere og koordinatorer.',
    findTitle: 'Finn en pasient', helpNumber: 'Hjelpenummer', find: 'Finn',
    'helpNumber.bad-character': 'Et hjelpenummer bruker bare 2–9 og bokstavene A C D E F G H J K L M N P Q R T U V W X Y.',
    'helpNumber.too-long': 'Et hjelpenummer har 8 tegn.',
    'helpNumber.mistyped': 'Hjelpenummeret er skrevet feil: det siste tegnet stemmer ikke. Be om kortet igjen.',
    'patient.notFound': 'Ingen pasient har dette hjelpenummeret.',
    'patient.merged': 'Journalen er slått sammen med en annen. Bruk hjelpenummer',
    birthYear: 'Fødselsår', sex: 'Kjønn', nationality: 'Nasjonalitet (to bokstaver, XX hvis ukjent)',
    languages: 'Språk (f.eks. ro, en)', interpreterNeeded: 'Trenger tolk', name: 'Navn eller alias (valgfritt)',
    phone: 'Telefon (valgfritt)', registerTitle: 'Registrer en ny pasient', checkDuplicates: 'Se først etter samme person',
    register: 'Registrer', noDuplicates: 'Ingen registrerte ligner denne personen.',
    duplicatesFound: 'Allerede registrert? Se på disse før du registrerer:', nameMatch: 'navn',
    newHelpNumber: 'Pasientens hjelpenummer — skriv det på kortet:',
    'sex.female': 'kvinne', 'sex.male': 'mann', 'sex.other': 'annet', 'sex.unknown': 'ukjent', yes: 'ja', no: 'nei',
    sessionExpired: 'Økten er utløpt. Logg inn igjen; det du skrev, er tatt vare på.', offline: 'Ingen forbindelse til klinikkens server. Prøv igjen.',
    forbidden: 'Rollen din kan ikke gjøre dette.', busy: 'Serveren er opptatt. Prøv igjen om litt.',
  },
};

export const LANGUAGES = { da: 'Dansk', nb: 'Norsk bokmål', en: 'English' };

function initial() {
  const kept = localStorage.getItem('fristed.language');
  if (kept && TEXTS[kept]) return kept;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'da') return 'da';
    if (['nb', 'no', 'nn'].includes(primary)) return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

let current = initial();

export const language = () => current;

export function setLanguage(code) {
  if (!TEXTS[code]) return;
  current = code;
  localStorage.setItem('fristed.language', code);
  document.documentElement.lang = code === 'nb' ? 'nb' : code;
}

export function t(key) {
  return TEXTS[current][key] ?? TEXTS.en[key] ?? key;
}

/** Every language has every text (the browser test asks). */
export function missingTexts() {
  const keys = Object.keys(TEXTS.en);
  return Object.entries(TEXTS).flatMap(([code, texts]) => keys.filter((k) => !(k in texts)).map((k) => code + ':' + k));
}
