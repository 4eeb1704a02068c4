// The e-mail digests over HTTP: each user's own preferences (`/api/me/preferences`), the
// one-click unsubscribe link of every digest (`/api/unsubscribe`, no login: RFC 8058), and the
// admins' "send digests now".
import express, { Router, type Response } from 'express';
import { preferences } from '../contract/users.js';
import type { UserLanguage } from '../domain/enums.js';
import { ApiError, forbidden } from '../errors.js';
import type { DigestService } from '../services/digests.js';
import { actorOf } from './authRoutes.js';
import { parseInput } from './parse.js';

export function preferenceRoutes(digests: DigestService): Router {
  const router = Router();
  router.get('/preferences', async (_req, res) => {
    res.json(await digests.preferences(actorOf(res)));
  });
  router.put('/preferences', async (req, res) => {
    const actor = actorOf(res);
    // The console sends its whole form back; only these two fields are the user's to change.
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.json(await digests.setPreferences(actor, parseInput(preferences, { language: body.language, digest: body.digest })));
  });
  return router;
}

/** `POST /api/digests/run`: builds the digests of the period now falls in (an admin testing the mail). */
export function digestRunRoute(digests: DigestService): express.RequestHandler {
  return async (_req, res) => {
    const actor = actorOf(res);
    if (actor.role !== 'admin') throw forbidden('Only admins may send the digests now.');
    res.status(202).json(await digests.runNow());
  };
}

const PAGE = {
  nl: {
    title: 'Afmelden voor het e-mailoverzicht',
    ask: 'Wil je het e-mailoverzicht van Vangnet niet meer ontvangen? Je kunt het later weer aanzetten bij Mijn instellingen.',
    already: 'Je bent al afgemeld: je ontvangt geen e-mailoverzicht van Vangnet.',
    confirm: 'Afmelden',
    done: 'Je bent afgemeld. Je ontvangt geen e-mailoverzicht van Vangnet meer. Je kunt het weer aanzetten bij Mijn instellingen.',
    open: 'Naar Vangnet',
  },
  en: {
    title: 'Unsubscribe from the e-mail digest',
    ask: 'Do you no longer want to receive the Vangnet e-mail digest? You can switch it on again under My settings.',
    already: 'You are already unsubscribed: you receive no e-mail digest from Vangnet.',
    confirm: 'Unsubscribe',
    done: 'You are unsubscribed. You will no longer receive the Vangnet e-mail digest. You can switch it on again under My settings.',
    open: 'Go to Vangnet',
  },
} as const;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A small page that works without scripts or styles from elsewhere: large text, a real button. */
function page(lang: UserLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Vangnet</title>
<style>
body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;background:#fff}
main{max-width:36rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.5rem}
button{font-size:1.1rem;padding:.6rem 1.4rem;border-radius:4px;border:2px solid #0b4fb3;background:#0b4fb3;color:#fff;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}
a{color:#0b4fb3}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function sendPage(res: Response, status: number, html: string): void {
  res.status(status).type('html').send(html);
}

export function unsubscribeRoutes(digests: DigestService): Router {
  const router = Router();
  // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` as a form; the token in the URL is what counts.
  router.use(express.urlencoded({ extended: false, limit: '4kb' }));
  router.get('/', async (req, res) => {
    try {
      const target = await digests.unsubscribeTarget(req.query.token);
      const t = PAGE[target.language];
      const body =
        target.digest === 'off'
          ? `<p>${escapeHtml(t.already)}</p>\n<p><a href="/">${escapeHtml(t.open)}</a></p>`
          : `<p>${escapeHtml(t.ask)}</p>\n<form method="post">\n<input type="hidden" name="List-Unsubscribe" value="One-Click">\n<button type="submit">${escapeHtml(t.confirm)}</button>\n</form>`;
      sendPage(res, 200, page(target.language, t.title, body));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Both languages: the token that would tell which is the one that is wrong.
      sendPage(
        res,
        err.status,
        page(
          'nl',
          'Ongeldige afmeldlink',
          `<p>Deze afmeldlink klopt niet; misschien is hij afgebroken. Open de link uit de e-mail opnieuw, of wijzig je instellingen in Vangnet.</p>\n<p lang="en">This unsubscribe link is not valid; it may be cut off. Open the link from the e-mail again, or change your settings in Vangnet.</p>\n<p><a href="/">Vangnet</a> · <code>${escapeHtml(err.code)}</code></p>`,
        ),
      );
    }
  });
  router.post('/', async (req, res) => {
    const { language } = await digests.unsubscribe(req.query.token);
    if (req.accepts(['json', 'html']) === 'html') {
      const t = PAGE[language];
      sendPage(res, 200, page(language, t.title, `<p role="status">${escapeHtml(t.done)}</p>\n<p><a href="/">${escapeHtml(t.open)}</a></p>`));
      return;
    }
    res.json({ digest: 'off' });
  });
  return router;
}
