import type { SettingsProblem } from '../config.js';
import type { ProbeCode } from '../core/probe.js';
import type { CliMessages } from './cli-en.js';

const PROBLEM: Record<SettingsProblem['code'], string> = {
  missing: 'est absent',
  'invalid-base64-key': 'n’est pas le base64 de 32 octets',
  'invalid-url': 'n’est pas une URL valide',
  'invalid-choice': 'a une valeur non autorisée',
  'invalid-duration-list': 'n’est pas une liste de durées',
  'invalid-number': 'n’est pas un nombre valide',
  'invalid-limits': 'n’est pas une liste de limites',
  'both-key-sources': 'et PARLOIR_KEY_FILE sont tous deux définis : n’en garder qu’un',
  'key-required': 'est obligatoire quand un transport (Signal ou Telegram) est configuré',
};

const PROBE: Record<ProbeCode, (d: string) => string> = {
  'signal-reachable': (d) => `signal-cli-rest-api répond (version ${d})`,
  'signal-unreachable': (d) =>
    `signal-cli-rest-api ne répond pas à ${d}. Son conteneur tourne-t-il (docker compose ps) ? Vérifie SIGNAL_API_URL.`,
  'signal-not-api': (d) => `SIGNAL_API_URL répond, mais pas comme signal-cli-rest-api (${d}). Vérifie l’hôte et le port, par ex. http://signal-api:8080.`,
  'signal-mode': (d) => `mode de réception de signal-cli-rest-api : ${d}`,
  'signal-mode-json-rpc': () =>
    'signal-cli-rest-api tourne en mode json-rpc : les messages envoyés pendant une déconnexion de Parloir sont perdus. Mets MODE=normal sur son conteneur (docs/signal.md).',
  'signal-mode-mismatch': (d) => `Les modes de réception diffèrent (serveur ${d}). Aligne SIGNAL_RECEIVE_MODE sur le MODE du serveur, ou supprime SIGNAL_RECEIVE_MODE.`,
  'signal-registered': (d) => `${d} est enregistré dans signal-cli`,
  'signal-not-registered': (d) => `${d} n’est pas enregistré dans signal-cli. Enregistre-le ou lie-le d’abord : docs/signal.md, étape 2.`,
  'signal-profile': (d) => `nom de profil Signal du bot : ${d}`,
  'signal-no-profile': (d) =>
    `${d} n’a pas de nom de profil : Signal refuse ses messages de groupe. Donne-lui un nom : curl -X PUT -H 'Content-Type: application/json' -d '{"name":"Parloir"}' http://signal-api:8080/v1/profiles/${d}`,
  'signal-profile-unknown': (d) => `le nom de profil du bot n’a pas pu être vérifié (${d}) ; assure-toi qu’il en a un (docs/signal.md, étape 3).`,
  'telegram-token': (d) => `Telegram accepte le jeton (bot ${d})`,
  'telegram-token-rejected': (d) =>
    `Telegram refuse TELEGRAM_BOT_TOKEN (${d}). Recopie-le depuis @BotFather (/mybots → API Token) ; s’il a été révoqué, crée-en un nouveau.`,
  'telegram-unreachable': (d) => `L’API Bot de Telegram ne répond pas (${d}). Vérifie l’accès HTTPS sortant du serveur, ou TELEGRAM_API_ROOT.`,
  'telegram-polling': () => 'Telegram : long polling (aucun webhook défini)',
  'telegram-webhook-will-be-removed': (d) =>
    `Telegram a un webhook (${d}) mais TELEGRAM_WEBHOOK_URL n’est pas défini : Parloir le supprime au démarrage et interroge Telegram. Définis TELEGRAM_WEBHOOK_URL pour garder le webhook.`,
  'telegram-webhook-not-set': (d) => `Webhook Telegram pas encore défini : Parloir définit ${d} au démarrage`,
  'telegram-webhook-other-url': (d) =>
    `Telegram a un autre webhook (${d}) : Parloir le remplace par TELEGRAM_WEBHOOK_URL au démarrage ; ce qui l’utilisait ne recevra plus rien.`,
  'telegram-webhook-error': (d) =>
    `La dernière livraison du webhook a échoué (« ${d} »). Vérifie que TELEGRAM_WEBHOOK_URL atteint TELEGRAM_WEBHOOK_PORT à travers ton proxy HTTPS.`,
  'telegram-webhook-set': (d) => `webhook Telegram : ${d}`,
};

export const cliFr: CliMessages = {
  settingsInvalid: (p) =>
    [
      'Parloir ne peut pas démarrer : des réglages sont invalides. Rien n’a été modifié.',
      ...p.problems.map((x) => `  - ${x.variable} ${PROBLEM[x.code]}${x.refused ? ` (refusé : ${x.refused.join(', ')})` : ''}${x.expected ? ` (attendu : ${x.expected})` : ''}`),
      'Voir config/example.env et README.md.',
    ].join('\n'),
  keyMismatch: () =>
    'La clé ne correspond pas à cette base (PARLOIR_KEY_FILE / PARLOIR_KEY). Utilise la clé avec laquelle la base a été créée. Rien n’a été modifié.',
  schemaTooNew: (p) =>
    `Cette base a le schéma version ${p.database} ; ce Parloir connaît jusqu’à ${p.code}. Mets Parloir à jour. Rien n’a été modifié.`,
  keyFileMissing: (p) => `Pas de fichier de clé à ${p.path}. Crée-le avec : npx parloir keygen ${p.path}`,
  keyFileInvalid: (p) => `${p.path} ne contient pas de clé (une ligne : le base64 de 32 octets). Crée-en une avec npx parloir keygen.`,
  keyFileExists: (p) => `${p.path} existe déjà : je refuse d’écraser une clé (sa base deviendrait illisible).`,
  keyInEnvironment: () =>
    'Attention : PARLOIR_KEY est visible par quiconque peut lire l’environnement de ce processus (/proc/<pid>/environ, docker inspect) et n’est jamais scellée. Pour un vrai groupe : npx parloir keygen --passphrase et PARLOIR_KEY_FILE.',
  keyFileLoose: (p) => `Attention : ${p.path} est lisible par d’autres utilisateurs. Lance : chmod 600 ${p.path}`,
  centresInvalid: (p) => [`Le fichier des centres ${p.path} a des problèmes :`, ...p.problems.map((x) => `  - ${x}`)].join('\n'),
  rulesInvalid: (p) => [`Le fichier de règles de délais ${p.path} a des problèmes :`, ...p.problems.map((x) => `  - ${x}`)].join('\n'),
  databaseFailed: (p) => `Impossible d’ouvrir la base ${p.path} (${p.code}).`,
  demoKeyCreated: (p) =>
    `DÉMO SEULEMENT : clé jetable créée à ${p.path}, non scellée, à côté de la base. Jamais pour un vrai groupe : lance npx parloir keygen --passphrase et définis PARLOIR_KEY_FILE.`,
  noTransport: (p) =>
    [
      `Parloir ne démarre pas : ${p.keyVariable} est défini, c’est donc une vraie installation, mais aucun transport n’est configuré.`,
      '  - Signal : définis SIGNAL_API_URL et SIGNAL_NUMBER',
      '  - Telegram : définis TELEGRAM_BOT_TOKEN',
      `Pour la démo locale, retire plutôt ${p.keyVariable} (la démo n’écrit jamais dans une vraie base). Rien n’a été modifié.`,
    ].join('\n'),
  startBlocked: (p) =>
    ['Parloir ne peut pas démarrer : un service dont il a besoin n’est pas prêt. Rien n’a été modifié.', ...p.lines.map((x) => `  - ${x}`), 'npx parloir doctor revérifie tout.'].join('\n'),
  probe: (p) => PROBE[p.code](p.detail ?? ''),
  envFileRead: (p) => `réglages lus dans ${p.path} (les variables déjà dans l’environnement l’emportent)`,
  envFileAbsent: (p) => `pas de ${p.path} : les réglages viennent de l’environnement seulement`,
  envFileUnsupported: (p) =>
    `${p.path} n’est PAS lu : ce Node est antérieur à 20.12. Mets Node à jour, ou passe les réglages en variables d’environnement (par ex. set -a; . ./.env; set +a; npm start).`,
  envFileUnreadable: (p) => `${p.path} n’a pas pu être lu (${p.code}). Vérifie ses droits.`,
  started: (p) => `Parloir tourne (${p.transports}). Arrêt avec Ctrl-C.`,
  stopping: () => 'Arrêt : je termine ce qui est en cours…',
  unexpected: (p) => `Parloir s’est arrêté sur une erreur inattendue (${p.code}). Rien n’est à moitié écrit dans la base : relance-le.`,
  signalModeMismatch: (p) =>
    `SIGNAL_RECEIVE_MODE vaut ${p.configured} mais signal-cli-rest-api tourne en mode ${p.server} (GET /v1/about). Recevoir ainsi perdrait des messages : accorde MODE et SIGNAL_RECEIVE_MODE (docs/signal.md).`,

  usage: () =>
    [
      'Usage : npx parloir <commande>',
      '  keygen --passphrase [chemin]  écrit un fichier de clé scellé par une phrase de passe (vrais groupes)',
      '  keygen [chemin]      écrit un fichier de clé non scellé (défaut : PARLOIR_KEY_FILE) ; n’écrase jamais',
      '  unlock               donne la phrase de passe à un Parloir scellé qui tourne',
      '  status               Parloir tourne-t-il (0), ou est-il scellé / muet (1) ?',
      '  groups               liste les groupes liés (id, plateforme, centre, depuis)',
      '  shred --group <id>   détruit la clé et les données d’un groupe (--all : tous les groupes)',
      '  invite <id-centre>   affiche un code de liaison à usage unique (valable 24 h)',
      '  centres              liste les centres et leurs identifiants',
      '  migrate              applique les migrations de la base en attente',
      '  doctor               vérifie réglages, clé, base, centres et les services en ligne',
      '  verify [groupe tag]  liste les membres en attente (numéro de sécurité), ou lève une attente après comparaison en personne',
      '  stats --from 2026-01 --to 2026-12 [--centre <id>] [--out <dossier>]  comptes pour le plaidoyer (CSV + graphiques SVG)',
      'Les réglages sont des variables d’environnement, ou un fichier .env dans le dossier courant : voir config/example.env.',
    ].join('\n'),
  unknownCommand: (p) => `Commande inconnue « ${p.command} ».`,
  verifyNoHolds: () => 'Aucun membre n’attend de vérification de numéro de sécurité.',
  verifyHold: (p) => `groupe ${p.group} (${p.centre}) · membre ${p.tag} · en attente depuis le ${p.since}`,
  verifyUsage: () =>
    'Usage : npx parloir verify <groupe> <tag-membre>   (npx parloir verify les liste). Compare d’abord le numéro de sécurité avec la personne.',
  verifyNotFound: (p) => `Pas de membre ${p.tag} en attente dans le groupe ${p.group}. npx parloir verify liste les attentes.`,
  verifyAmbiguous: (p) => `Plusieurs membres en attente commencent par ${p.tag} : donne une plus grande partie du tag.`,
  verifyLifted: (p) => `Attente levée pour le membre ${p.tag} dans le groupe ${p.group} ; le groupe est prévenu.`,
  keygenDone: (p) => `Nouvelle clé écrite dans ${p.path} (mode 600). Garde-en une copie hors ligne : sans elle la base est illisible.`,
  keygenNeedsPath: () => 'Où écrire la clé ? npx parloir keygen /chemin/parloir.key (ou définis PARLOIR_KEY_FILE).',
  inviteUsage: () => 'Usage : npx parloir invite <id-centre>   (npx parloir centres liste les identifiants)',
  inviteUnknownCentre: (p) => `Pas de centre « ${p.id} ». npx parloir centres liste les identifiants.`,
  inviteDone: (p) => `Code de liaison pour ${p.centre}, utilisable une fois jusqu’au ${p.expires}. Dans le groupe, envoie /lier suivi de ce code :`,
  centresHeader: () => 'id — nom (pays)',
  migrated: (p) => `Migrations appliquées : ${p.versions}.`,
  migrateNothing: (p) => `La base est à jour (schéma version ${p.version}).`,
  doctorOk: (p) => `ok     ${p.what}`,
  doctorBad: (p) => `ÉCHEC  ${p.what}`,
  doctorWarn: (p) => `À VOIR ${p.what}`,
  doctorSummary: (p) => (p.problems === 0 ? 'Tout semble en ordre.' : `${p.problems} problème(s) trouvé(s).`),
  doctorSettings: () => 'réglages',
  doctorKeyFileMode: (p) => `le fichier de clé ${p.path} est lisible par d’autres utilisateurs : lance chmod 600 ${p.path}`,
  doctorKey: () => 'clé de chiffrement',
  doctorDatabase: (p) => `base ${p.path} (schéma ${p.version})`,
  doctorCentres: (p) => `centres (${p.count})`,
  doctorTransports: (p) => `transports : ${p.names}`,
  doctorLimits: (p) => `limites (PARLOIR_LIMITS) : ${p.limits}`,
  doctorNoTransport: () => 'aucun transport configuré : npm start lance la démo locale',
  doctorNoTransportWithKey: () => 'aucun transport configuré, mais une clé l’est : npm start refuse. Définis SIGNAL_API_URL + SIGNAL_NUMBER ou TELEGRAM_BOT_TOKEN.',

  passphraseFileUnreadable: (p) =>
    `PARLOIR_PASSPHRASE_FILE (${p.path}) est illisible ou vide : sa première ligne doit être la phrase de passe.`,
  wrongPassphrase: () => 'Mauvaise phrase de passe : le fichier de clé ne s’est pas ouvert. Rien n’a été modifié.',
  keySealedNoPassphrase: (p) =>
    `Le fichier de clé ${p.path} est scellé par une phrase de passe : tape-la quand elle est demandée, donne-la en première ligne de stdin, ou définis PARLOIR_PASSPHRASE_FILE.`,
  passphrasePrompt: () => 'Phrase de passe : ',
  passphraseAgain: () => 'La même phrase de passe encore : ',
  passphraseMismatch: () => 'Les deux phrases de passe diffèrent. Rien n’a été écrit.',
  passphraseTooShort: (p) => `Une phrase de passe doit avoir au moins ${p.min} caractères (plusieurs mots se retiennent mieux). Rien n’a été écrit.`,
  passphraseEmpty: () => 'Aucune phrase de passe reçue (sur un terminal, tape-la ; sinon donne-la en première ligne de stdin).',
  keygenSealedDone: (p) =>
    `Nouvelle clé scellée par ta phrase de passe écrite dans ${p.path} (mode 600). Parloir démarre désormais scellé : déverrouille-le avec npx parloir unlock. Sans la phrase de passe, la clé et sa base sont illisibles : garde les deux en lieu sûr.`,
  sealed: (p) =>
    `SCELLÉ : le fichier de clé attend sa phrase de passe. Rien n’est reçu ni envoyé d’ici là (les messages attendent sur les serveurs de Signal et Telegram). Déverrouiller : npx parloir unlock   (socket de contrôle ${p.socket})`,
  controlSocketFailed: (p) =>
    p.code === 'CONTROL_IN_USE'
      ? `Un autre Parloir répond déjà à ${p.socket} : arrête-le d’abord (deux services ne doivent pas partager une base).`
      : `Impossible d’écouter sur le socket de contrôle ${p.socket}. Définis PARLOIR_CONTROL_SOCKET avec un chemin court dans un dossier où Parloir peut écrire (un socket Unix tient en 100 caractères environ).`,
  unlockDone: () => 'Déverrouillé : Parloir tourne et reçoit.',
  unlockWrong: () => 'mauvaise phrase de passe — toujours scellé',
  unlockAlready: () => 'Parloir est déjà déverrouillé et tourne.',
  statusRunning: () => 'en marche : Parloir est déverrouillé, il reçoit et envoie.',
  statusSealed: () => 'SCELLÉ : rien n’est reçu ni envoyé tant que personne n’a donné la phrase de passe (npx parloir unlock).',
  statusNoService: (p) =>
    `Aucun Parloir ne répond à ${p.socket} : il ne tourne pas, démarre encore, ou PARLOIR_CONTROL_SOCKET diffère.`,
  unlockNoService: (p) =>
    `Aucun Parloir scellé ne répond à ${p.socket}. Tourne-t-il (npm start), et PARLOIR_CONTROL_SOCKET est-il le même des deux côtés ?`,
  unlockFailed: (p) => `La phrase de passe a ouvert la clé, mais Parloir n’a pas pu démarrer ; il reste scellé.\n${p.detail}`,
  groupsHeader: () => 'id — plateforme, centre, lié le',
  groupsNone: () => 'Aucun groupe n’est lié.',
  shredUsage: () => 'Usage : npx parloir shred --group <id>   (identifiants : npx parloir groups)   ou   npx parloir shred --all',
  shredUnknownGroup: (p) => `Aucun groupe lié n’a l’identifiant « ${p.id} » (npx parloir groups les liste). Rien n’a été modifié.`,
  shredConfirm: (p) => `Ceci détruit la clé et toutes les données du ou des groupes : rien ne pourra les faire revenir. Tape ${p.word} pour confirmer : `,
  shredNotConfirmed: () => 'Non confirmé. Rien n’a été modifié.',
  shredDone: (p) => `${p.count} groupe(s) détruit(s) : clé détruite, données supprimées, base et WAL réécrits.`,

  demoIntro: (p) =>
    [
      '',
      `Parloir — démo locale. Un groupe simulé, lié à « ${p.centre} ».`,
      `Membres : ${p.members}. Tout ce que le groupe et chaque membre verraient s’affiche ici.`,
      '',
    ].join('\n'),
  demoWelcomeBack: (p) =>
    `Le groupe de démo reprend là où tu l’as laissé : ${p.open} demande(s) ouverte(s) ou prise(s). Les données restent dans data/parloir.db.`,
  demoExample: () => 'Pour commencer, sam demande une visite :',
  demoTry: (p) =>
    [
      '',
      'Essaie (tape une ligne, puis Entrée) :',
      ...(p.post !== undefined
        ? [
            `  @alex >${p.post} je prends        répondre au message [${p.post}] du bot : alex conduit`,
            `  @noor !${p.post} Je viens         appuyer sur le bouton « Je viens » sous [${p.post}]`,
          ]
        : [`  @alex /prendre ${p.n}            alex prend la demande #${p.n}`, `  @noor /rejoindre ${p.n}          noor prend une place`]),
      '  @alex dm /mes             écrire au bot en privé : les demandes d’alex',
      `  /clock +${p.clock}             avancer le temps : le rappel d’alex arrive en privé`,
      '  @alex dm OK               y répondre (ou /clock +1d : le groupe apprend qu’elle n’est pas confirmée, et le résumé de 9h)',
      '  /liste   /info   /aide    (l’anglais marche aussi : /list /info /help)',
      '  quit                      sortir (Ctrl-D aussi) ; un second npm start reprend ce groupe',
      'Syntaxe : @nom texte · @nom >N texte (répondre à [N]) · @nom !N bouton · @nom +N (👍 sur [N]) · @nom dm texte · /clock +2h',
      '',
    ].join('\n'),
  demoUnknownMember: (p) => `Les membres de la démo sont : ${p.members}.`,
  demoBadReply: () => 'Réponds avec « >N texte », où N est un numéro de message entre crochets.',
  demoBadPress: () => 'Appuie sur un bouton avec « !N libellé » (ou « !N 1 » pour le premier), où N est un message du bot avec des boutons.',
  demoBadClock: () => 'Avance le temps avec /clock +2h (aussi +30m, +1d, +1h30m).',
  demoPressed: (p) => `${p.member} appuie sur [ ${p.label} ]${p.notice ? ` — seul·e ${p.member} voit : ${p.notice}` : ''}`,
  demoClock: (p) => `⏩ Il est maintenant ${p.now}.`,
  demoLinking: () => 'Liaison du groupe de démo avec un code à usage unique, comme le ferait un·e coordinateur·ice :',
};
