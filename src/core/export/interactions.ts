import { defineCommand } from '../interactions';
import { exportCommand } from './export';

export const exportCommands = [
  defineCommand({
    name: 'export',
    cy: { name: 'allforio', usage: 'allforio [docx|md|csv] [cymraeg|saesneg]', help: 'Cael y cyflwyniad hunanasesu (Word neu Markdown) neu’r dadansoddiad RAG (CSV) fel ffeil, yn Gymraeg neu’n Saesneg' },
    usage: 'export [docx|md|csv] [english|cymraeg]',
    help: 'Get the self-assessment submission (Word or Markdown) or the RAG analysis (CSV) as a file, in English or Welsh',
    who: 'chairs',
    audited: true,
    run: async (deps, session, args) => ({ ...(await exportCommand(deps, session, args)), auditDetail: args.trim() }),
  }),
];
