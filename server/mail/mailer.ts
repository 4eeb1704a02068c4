// Sending over SMTP with nodemailer (SMTP_URL, MAIL_FROM). One transport per process, pooled.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra header lines (List-Unsubscribe, ...). */
  headers: Readonly<Record<string, string>>;
  /** The Message-ID, the same on every attempt, so a receiver can tell a resend from a new message. */
  messageId: string;
}

export interface Mailer {
  /** Hands the message to the SMTP server; answers the Message-ID it accepted, throws on refusal. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** The domain a Message-ID is made in: that of MAIL_FROM's address. */
export function mailDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // A server that does not answer fails this attempt; the job retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (mail) => {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, headers: { ...mail.headers }, messageId: mail.messageId });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
