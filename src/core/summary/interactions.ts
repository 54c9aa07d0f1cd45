import { defineCommand } from '../interactions';
import { forumOf } from '../network/forums';
import { summaryMessage } from './summary';
import { parseSummaryArgs } from './summary-command';

export const summaryCommands = [
  defineCommand({
    name: 'summary',
    usage: 'summary [days]',
    help: 'Post a summary of the last 30 days (or the days you give) here',
    who: 'chairs',
    audited: true,
    run: async (deps, session, args) => {
      const forum = await forumOf(deps, session);
      const { days, filters } = parseSummaryArgs(args, forum);
      const request = { network: session.network, audienceName: forum?.name ?? session.network.name, days, filters };
      return { ...(await summaryMessage(deps, request, session.inbound.requester.platform)), auditDetail: args.trim() };
    },
  }),
];
