import { strict as assert } from 'node:assert';
import { CARD_ACTIONS, COMMANDS } from '../../src/core/registry';
import { OPERATOR_ACTS } from '../../src/core/network/audit';
import { auditActText } from '../../src/core/network/text';
import { LANGUAGES } from '../../src/core/i18n/language';

describe('Audit log: every act it records has a name in each language', () => {
  it('names each audited command, card button and command-line act, and nothing else', () => {
    const audited = [
      ...new Set([
        ...COMMANDS.filter((command) => command.audited).map((command) => command.name),
        ...CARD_ACTIONS.filter((action) => action.audit).map((action) => action.verb),
        'language network',
        'language forum',
        ...OPERATOR_ACTS,
      ]),
    ].sort();
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(auditActText(language)).sort(), audited, `the ${language} names`);
    }
  });
});
