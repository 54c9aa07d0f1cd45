import { defineText } from '../core/i18n/text';

/** The words Slack's own parts of a card need: modal buttons, menus, the form launcher. */
export const slackText = defineText(
  'slack',
  {
    choose: 'Choose…',
    yes: 'Yes',
    send: 'Send',
    cancel: 'Cancel',
    close: 'Close',
    openForm: 'Open the form',
    formOpens: 'The form opens in a window.',
  },
  {
    choose: 'Dewiswch…',
    yes: 'Ie',
    send: 'Anfon',
    cancel: 'Canslo',
    close: 'Cau',
    openForm: 'Agor y ffurflen',
    formOpens: 'Mae’r ffurflen yn agor mewn ffenestr.',
  },
);
