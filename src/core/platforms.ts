import type { Platform } from './model';
import type { PlatformPacing } from './outbox/outbox-pacing';

/** What core needs to know about a chat platform. A new platform is a compile error until it is here. */
export interface PlatformInfo {
  /** How people name it: "Teams". */
  name: string;
  /** What one installation of Techvoice is linked by: a Teams tenant, a Slack workspace. */
  workspace: string;
  /**
   * Its documented send limits:
   * Teams, 7 a second and 1,800 an hour per conversation
   * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit);
   * Slack's chat.postMessage, about one a second per channel
   * (https://api.slack.com/methods/chat.postMessage#rate_limiting).
   */
  pacing: PlatformPacing;
  /** Whether its cards draw charts; where they do not, charts follow a card as pictures. */
  drawsCharts: boolean;
}

export const PLATFORMS: Readonly<Record<Platform, PlatformInfo>> = {
  teams: {
    name: 'Teams',
    workspace: 'Teams tenant',
    pacing: {
      perConversation: [
        { limit: 7, perMs: 1_000 },
        { limit: 1_800, perMs: 3_600_000 },
      ],
      perSecond: 30,
    },
    drawsCharts: true,
  },
  slack: { name: 'Slack', workspace: 'Slack workspace', pacing: { perConversation: [{ limit: 1, perMs: 1_000 }], perSecond: 10 }, drawsCharts: false },
};

export const PLATFORM_IDS = Object.keys(PLATFORMS) as Platform[];

export const isPlatform = (value: unknown): value is Platform => typeof value === 'string' && Object.prototype.hasOwnProperty.call(PLATFORMS, value);

export const platformName = (platform: Platform): string => PLATFORMS[platform].name;

/** The platforms someone on `platform` could also use Techvoice on, in words: "Slack". */
export const otherPlatformNames = (platform: Platform): string =>
  PLATFORM_IDS.filter((p) => p !== platform)
    .map(platformName)
    .join(' or ');

/** Every platform's documented send limits, as the outbox paces them by default. */
export const DOCUMENTED_PACING = Object.fromEntries(PLATFORM_IDS.map((p) => [p, PLATFORMS[p].pacing])) as Record<Platform, PlatformPacing>;
