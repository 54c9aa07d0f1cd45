import type { Card } from './cards';

/** A file the bot hands to someone (e.g. an export): a Teams file consent card or a Slack upload. */
export interface OutgoingFile {
  name: string;
  contentType: string;
  /** File content, base64-encoded. */
  base64: string;
  /** One line on what the file is, shown with it. */
  description: string;
}

/** A picture that goes with a message (a chart), with the words a screen reader says instead. */
export interface OutgoingImage {
  name: string;
  title: string;
  /** PNG, base64-encoded. */
  base64: string;
  altText: string;
}

/** A message the bot sends: text, a card, a file, or a mix. */
export interface OutgoingMessage {
  text?: string;
  card?: Card;
  file?: OutgoingFile;
  /** For the person alone (what Techvoice holds about them, a one-time code): never shown in a channel. */
  private?: boolean;
  /** Charts for platforms whose cards cannot draw them (Slack uploads them after the card). */
  images?: OutgoingImage[];
}
