// The e-mail digest as people read it: a subject, simple accessible HTML (a lang attribute, real
// text, dark text on white) and the same as plain text, in the user's language. Pure: the lines
// arrive worded (notificationSentence) and linked; this only arranges them.
import type { UserLanguage } from '../domain/enums.js';

/** One notification as a line of the digest. */
export interface DigestLine {
  /** The initiative it is about; null for what concerns the coalition as a whole (a failed scan). */
  initiativeName: string | null;
  sentence: string;
  url: string;
}

export interface DigestContent {
  language: UserLanguage;
  /** The run's local date, `2026-12-01`. */
  date: string;
  weekly: boolean;
  /** The newest lines first, at most the cap. */
  lines: readonly DigestLine[];
  /** How many notifications the digest covers, the lines and those left out. */
  total: number;
  consoleUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
}

export interface DigestMessage {
  subject: string;
  html: string;
  text: string;
}

/** The most lines a digest shows; the rest are counted, with a link to the console. */
export const DIGEST_LINE_CAP = 50;

const TEXTS = {
  nl: {
    subject: (n: string, date: string) => `Vangnet: ${n} ${n === '1' ? 'nieuwe melding' : 'nieuwe meldingen'} (${date})`,
    heading: 'Nieuw in Vangnet',
    intro: (weekly: boolean, date: string) => (weekly ? `Dit is wat er nieuw is in de week tot en met ${date}.` : `Dit is wat er nieuw is sinds je vorige overzicht (${date}).`),
    general: 'De coalitie',
    more: (n: string) => `en ${n} meer`,
    seeAll: 'bekijk ze in Vangnet',
    why: (weekly: boolean) => `Je krijgt dit overzicht ${weekly ? 'elke maandag' : 'elke dag'} omdat je een account hebt in Vangnet.`,
    preferences: 'Instellingen wijzigen',
    unsubscribe: 'Afmelden voor deze e-mails',
  },
  en: {
    subject: (n: string, date: string) => `Vangnet: ${n} ${n === '1' ? 'new notification' : 'new notifications'} (${date})`,
    heading: 'New in Vangnet',
    intro: (weekly: boolean, date: string) => (weekly ? `This is what is new in the week up to ${date}.` : `This is what is new since your previous digest (${date}).`),
    general: 'The coalition',
    more: (n: string) => `and ${n} more`,
    seeAll: 'see them in Vangnet',
    why: (weekly: boolean) => `You get this digest ${weekly ? 'every Monday' : 'every day'} because you have an account in Vangnet.`,
    preferences: 'Change your settings',
    unsubscribe: 'Unsubscribe from these e-mails',
  },
} as const;

const LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const;

// Made once: an Intl formatter costs far more to make than to use, and a run formats thousands of digests.
const COUNTS = { nl: new Intl.NumberFormat(LOCALES.nl), en: new Intl.NumberFormat(LOCALES.en) };
const LONG_DATES = {
  nl: new Intl.DateTimeFormat(LOCALES.nl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALES.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function formatCount(language: UserLanguage, n: number): string {
  return COUNTS[language].format(n);
}

/** `1 december 2026` / `1 December 2026`. */
export function formatLongDate(language: UserLanguage, isoDate: string): string {
  return LONG_DATES[language].format(new Date(`${isoDate}T00:00:00Z`));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The lines grouped by initiative, in the order of each group's newest line. */
function groups(lines: readonly DigestLine[]): [string | null, DigestLine[]][] {
  const byName = new Map<string | null, DigestLine[]>();
  for (const line of lines) {
    const group = byName.get(line.initiativeName);
    if (group) group.push(line);
    else byName.set(line.initiativeName, [line]);
  }
  return [...byName];
}

const LINK = 'color:#0b4fb3;text-decoration:underline';
const MUTED = 'color:#474747;font-size:14px';

export function digestMessage(content: DigestContent): DigestMessage {
  const t = TEXTS[content.language];
  const date = formatLongDate(content.language, content.date);
  const subject = t.subject(formatCount(content.language, content.total), date);
  const rest = content.total - content.lines.length;
  const grouped = groups(content.lines);

  const htmlGroups = grouped
    .map(
      ([name, lines]) =>
        `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(name ?? t.general)}</h2>\n<ul style="margin:0;padding-left:20px">\n${lines
          .map((l) => `<li style="margin:0 0 8px"><a href="${escapeHtml(l.url)}" style="${LINK}">${escapeHtml(l.sentence)}</a></li>`)
          .join('\n')}\n</ul>`,
    )
    .join('\n');
  const htmlMore = rest > 0 ? `<p style="margin:24px 0 0">${escapeHtml(t.more(formatCount(content.language, rest)))} — <a href="${escapeHtml(content.consoleUrl)}" style="${LINK}">${escapeHtml(t.seeAll)}</a></p>` : '';
  const html = `<!doctype html>
<html lang="${content.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:640px;margin:0 auto;padding:24px">
<h1 style="font-size:22px;margin:0 0 8px">${escapeHtml(t.heading)}</h1>
<p style="margin:0">${escapeHtml(t.intro(content.weekly, date))}</p>
${htmlGroups}
${htmlMore}
<hr style="border:0;border-top:1px solid #8c8c8c;margin:32px 0 16px">
<p style="${MUTED}">${escapeHtml(t.why(content.weekly))}</p>
<p style="${MUTED}"><a href="${escapeHtml(content.preferencesUrl)}" style="${LINK}">${escapeHtml(t.preferences)}</a> · <a href="${escapeHtml(content.unsubscribeUrl)}" style="${LINK}">${escapeHtml(t.unsubscribe)}</a></p>
</main>
</body>
</html>
`;

  const textGroups = grouped.map(([name, lines]) => `${name ?? t.general}\n${lines.map((l) => `- ${l.sentence}\n  ${l.url}`).join('\n')}`).join('\n\n');
  const textMore = rest > 0 ? `\n\n${t.more(formatCount(content.language, rest))} — ${t.seeAll}: ${content.consoleUrl}` : '';
  const text = `${t.heading}\n\n${t.intro(content.weekly, date)}\n\n${textGroups}${textMore}\n\n--\n${t.why(content.weekly)}\n${t.preferences}: ${content.preferencesUrl}\n${t.unsubscribe}: ${content.unsubscribeUrl}\n`;
  return { subject, html, text };
}
