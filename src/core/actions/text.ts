import { LIMITS } from '../card-input';
import { counted, defineText, formatNumber } from '../i18n/text';

/** The actions list, the update form and the `actions` command's filters. */
export const actionsText = defineText(
  'actions',
  {
    edi: 'EDI',
    overdue: '**overdue**',
    // A function, as a single common word is not a phrase to look for in what people saw.
    due: (date: string | null) => (date === null ? 'ongoing' : `due ${date}`),
    now: (status: string) => `now ${status}`,
    notATheme: (word: string) => `“${word}” is not a theme: use visibility, recognition, career development, sustainability or impact.`,
    unknownFilter: (word: string) =>
      `I don’t know the filter “${word}”. Try **actions red**, **actions overdue**, **actions mine**, **actions theme recognition**, **actions owner jane@uni.ac.uk**, **actions plan 1** or **actions page 2**.`,
    noSuchPlan: (plan: number) => `There is no plan ${plan}. An admin can see the plans with **plan list**.`,
    noMatch: 'No actions match that filter.',
    ownNone: 'You do not own any actions. If you should, ask an admin to add your e-mail address with **roles**.',
    noPlanYet: 'No action plan yet. An admin can import one with `techvoice import-actions`.',
    headingAll: 'Action plan',
    headingMine: 'Your actions',
    range: (first: number, last: number, total: number) => ` · ${first}–${last} of ${total}`,
    pageLabel: (page: number, pages: number) => `Page ${page} of ${pages}`,
    noSuchAction: (number: string) => `There is no action ${number} in your plan. Type **actions** to see the plan.`,
    onlyOwnerUpdates: (number: string, owner: string) => `Only the owner of ${number} (${owner}) or an admin can update it.`,
    explainRed: (number: string) => `Please say why ${number} is red: what is stopping it, or what help it needs.`,
    editedMeanwhile: (number: string) => `Someone else updated ${number} while you were editing. Here is the latest: check it and save again.`,
    nothingChanged: (number: string, status: string) => `Nothing changed: ${number} is still ${status}.`,
    updatedJustNow: (number: string) => `Someone else updated ${number} just now. Check the latest and save again.`,
    saved: (number: string, status: string) => `Saved: ${number} is now ${status}.`,
    statusMissing: 'Choose a RAG status.',
    noteTooLong: `The note can be up to ${formatNumber(LIMITS.actionNote, 'en')} characters. Please shorten it.`,
    evidenceTooLong: `The evidence can be up to ${formatNumber(LIMITS.actionEvidence, 'en')} characters. Please shorten it.`,
  },
  {
    edi: 'CAC',
    overdue: '**yn hwyr**',
    due: (date: string | null) => (date === null ? 'parhaus' : `erbyn ${date}`),
    now: (status: string) => `nawr: ${status}`,
    notATheme: (word: string) => `Dydy “${word}” ddim yn thema: defnyddiwch gwelededd, cydnabyddiaeth, datblygu gyrfa, cynaliadwyedd neu effaith.`,
    unknownFilter: (word: string) =>
      `Dydw i ddim yn adnabod yr hidlydd “${word}”. Rhowch gynnig ar **camau coch**, **camau hwyr**, **camau fy rhai**, **camau thema cydnabyddiaeth**, **camau perchennog jane@uni.ac.uk**, **camau cynllun 1** neu **camau tudalen 2**.`,
    noSuchPlan: (plan: number) => `Does dim cynllun ${plan}. Gall gweinyddwr weld y cynlluniau gyda **cynllun rhestr**.`,
    noMatch: 'Does dim camau gweithredu’n cyfateb i’r hidlydd hwnnw.',
    ownNone: 'Does gennych chi ddim camau gweithredu. Os dylai fod gennych chi rai, gofynnwch i weinyddwr ychwanegu eich cyfeiriad e-bost gyda **rolau**.',
    noPlanYet: 'Does dim cynllun gweithredu eto. Gall gweinyddwr fewnforio un gyda `techvoice import-actions`.',
    headingAll: 'Cynllun gweithredu',
    headingMine: 'Eich camau gweithredu',
    range: (first: number, last: number, total: number) => ` · ${first}–${last} o ${total}`,
    pageLabel: (page: number, pages: number) => `Tudalen ${page} o ${pages}`,
    noSuchAction: (number: string) => `Does dim cam gweithredu ${number} yn eich cynllun. Teipiwch **camau** i weld y cynllun.`,
    onlyOwnerUpdates: (number: string, owner: string) => `Dim ond perchennog ${number} (${owner}) neu weinyddwr all ei ddiweddaru.`,
    explainRed: (number: string) => `Dywedwch pam mae ${number} yn goch: beth sy’n ei rwystro, neu pa help sydd ei angen.`,
    editedMeanwhile: (number: string) => `Mae rhywun arall wedi diweddaru ${number} tra oeddech chi’n golygu. Dyma’r fersiwn ddiweddaraf: gwiriwch hi a’i chadw eto.`,
    nothingChanged: (number: string, status: string) => `Dim newid: statws ${number} yw ${status} o hyd.`,
    updatedJustNow: (number: string) => `Mae rhywun arall newydd ddiweddaru ${number}. Gwiriwch y fersiwn ddiweddaraf a’i chadw eto.`,
    saved: (number: string, status: string) => `Wedi’i gadw: statws ${number} nawr yw ${status}.`,
    statusMissing: 'Dewiswch statws RAG.',
    noteTooLong: `Gall y nodyn fod hyd at ${formatNumber(LIMITS.actionNote, 'cy')} nod. Byrhewch ef, os gwelwch yn dda.`,
    evidenceTooLong: `Gall y dystiolaeth fod hyd at ${formatNumber(LIMITS.actionEvidence, 'cy')} nod. Byrhewch hi, os gwelwch yn dda.`,
  },
);

/**
 * The words the `actions` command's filters are typed with, and shown with on the list's
 * title. Keywords like command names, so not phrases of a catalogue.
 */
export const FILTER_WORDS = {
  en: { overdue: 'overdue', mine: 'mine', theme: 'theme', owner: 'owner', plan: 'plan', page: 'page' },
  cy: { overdue: 'hwyr', mine: 'fy rhai', theme: 'thema', owner: 'perchennog', plan: 'cynllun', page: 'tudalen' },
} as const;

/** How long "Snooze" quiets an action's reminders. */
export const SNOOZE_DAYS = 7;

const daysEn = (days: number) => counted('en', days, { one: 'one day', other: '{n} days' });
const daysCy = (days: number) => counted('cy', days, { zero: '{n} diwrnod', one: 'un diwrnod', two: '{n} ddiwrnod', other: '{n} diwrnod' });

/** Reminders to an action's owner, and what its buttons answer. */
export const remindersText = defineText(
  'actions:reminders',
  {
    explainRed: 'It is red in the plan just imported, with no explanation: the self-assessment asks why for every red item. Please add one with **Update**.',
    overdue: (due: string) => `It was due on ${due} and is now overdue.`,
    overdueWeekly: (due: string) => `It has been overdue since ${due}.`,
    stale: (since: string) => `It has had no update since ${since}.`,
    before: (due: string, days: number) => `It is due on ${due}, in ${daysEn(days)}.`,
    doneTitle: (number: string) => `${number} is done`,
    alreadyDone: (number: string, green: string) => `${number} was already marked ${green}. Nothing changed.`,
    changedSinceSent: (number: string, status: string) => `Someone updated ${number} since this reminder was sent: it is now ${status}. Press Mark done again if it is finished.`,
    updatedJustNow: (number: string) => `Someone updated ${number} just now. Type **actions** to see the latest.`,
    done: (number: string, title: string, green: string) => `Thanks! ${number} “${title}” is now ${green}. No more reminders about it.`,
    noActionAnyMore: (number: string) => `There is no action ${number} in your plan any more. Type **actions** to see the plan.`,
    onlyOwner: (number: string, owner: string) => `Only the owner of ${number} (${owner}) or an admin can do that.`,
    snoozeFailed: 'I could not snooze that just now. Please try again in a minute.',
    snoozedTitle: 'Snoozed',
    snoozed: (number: string, until: string) => `No reminders about ${number} until ${until}. Type **actions** to update it any time.`,
  },
  {
    explainRed:
      'Mae’n goch yn y cynllun newydd ei fewnforio, heb esboniad: mae’r hunanasesiad yn gofyn pam ar gyfer pob eitem goch. Ychwanegwch esboniad gyda **Diweddaru**, os gwelwch yn dda.',
    overdue: (due: string) => `Y dyddiad cau oedd ${due}, ac mae’n hwyr bellach.`,
    overdueWeekly: (due: string) => `Mae wedi bod yn hwyr ers ${due}.`,
    stale: (since: string) => `Does dim diweddariad wedi bod arno ers ${since}.`,
    before: (due: string, days: number) => `Y dyddiad cau yw ${due}, ymhen ${daysCy(days)}.`,
    doneTitle: (number: string) => `Mae ${number} wedi’i gwblhau`,
    alreadyDone: (number: string, green: string) => `Roedd ${number} eisoes wedi’i farcio: ${green}. Dim newid.`,
    changedSinceSent: (number: string, status: string) =>
      `Mae rhywun wedi diweddaru ${number} ers anfon y nodyn atgoffa hwn: ei statws nawr yw ${status}. Pwyswch Marcio’n gyflawn eto os yw wedi’i orffen.`,
    updatedJustNow: (number: string) => `Mae rhywun newydd ddiweddaru ${number}. Teipiwch **camau** i weld y fersiwn ddiweddaraf.`,
    done: (number: string, title: string, green: string) => `Diolch! Statws ${number} “${title}” nawr yw ${green}. Dim rhagor o negeseuon atgoffa amdano.`,
    noActionAnyMore: (number: string) => `Does dim cam gweithredu ${number} yn eich cynllun bellach. Teipiwch **camau** i weld y cynllun.`,
    onlyOwner: (number: string, owner: string) => `Dim ond perchennog ${number} (${owner}) neu weinyddwr all wneud hynny.`,
    snoozeFailed: 'Doeddwn i ddim yn gallu gohirio hynny nawr. Rhowch gynnig arall arni mewn munud.',
    snoozedTitle: 'Wedi gohirio',
    snoozed: (number: string, until: string) => `Dim negeseuon atgoffa am ${number} tan ${until}. Teipiwch **camau** i’w ddiweddaru unrhyw bryd.`,
  },
);

const actionsEn = (n: number) => counted('en', n, { one: '{n} action', other: '{n} actions' });
const actionsCy = (n: number) =>
  counted('cy', n, { zero: '{n} cam gweithredu', one: '{n} cam gweithredu', two: '{n} gam gweithredu', few: '{n} cham gweithredu', many: '{n} cham gweithredu', other: '{n} cam gweithredu' });
const unfinishedEn = (n: number) => counted('en', n, { one: 'the {n} unfinished action', other: 'the {n} unfinished actions' });
const unfinishedCy = (n: number) =>
  counted('cy', n, {
    zero: '{n} cam gweithredu heb eu gorffen',
    one: '{n} cam gweithredu heb ei orffen',
    two: '{n} gam gweithredu heb eu gorffen',
    few: '{n} cham gweithredu heb eu gorffen',
    many: '{n} cham gweithredu heb eu gorffen',
    other: '{n} cam gweithredu heb eu gorffen',
  });

const EXAMPLE_EN = '**plan new two 2024-04-01 Action plan 2024–27**';
const EXAMPLE_CY = '**cynllun newydd dau 2024-04-01 Cynllun gweithredu 2024–27**';

/** The `plan` command: the network's plans, in chat and in the CLI. */
export const plansText = defineText(
  'actions:plans',
  {
    usage: [
      '**plan** or **plan list**: the network’s plans',
      `**plan new** STAGE START NAME, e.g. ${EXAMPLE_EN}: a Stage One (24 months) or Stage Two/Three (36 months) plan; a draft while another plan is current`,
      '**plan close**: close the current plan (its RAG is kept as at today, its reminders stop) and make the newest draft current',
      '**plan carry-over**: copy the unfinished actions of the last closed plan into the current plan, linked to the originals',
    ].join('\n'),
    stageOne: 'Stage One',
    stageTwo: 'Stage Two',
    stageThree: 'Stage Three',
    state: (state: 'draft' | 'current' | 'closed'): string => state,
    actions: actionsEn,
    atClose: (red: number, amber: number, green: number) => ` · at close: ${red} red, ${amber} amber, ${green} green`,
    noPlans: `No plans yet. Importing an action plan makes the first one, or type ${EXAMPLE_EN}.`,
    notAStage: (word: string) => `“${word}” is not a stage: write one, two or three, e.g. ${EXAMPLE_EN}.`,
    notAStartDate: (word: string) => `“${word}” is not a start date: write it like 2024-04-01.`,
    needName: `Give the plan a name after its start date, e.g. ${EXAMPLE_EN}.`,
    made: (plan: string) => `Made ${plan}.`,
    isDraft: (current: string) => `It is a draft: ${current} stays current until you type **plan close**.`,
    isCurrent: 'It is the current plan: import its actions with `techvoice import-actions`.',
    noCurrentToClose: 'There is no current plan to close. Type **plan list** to see the plans.',
    closedPlan: (name: string, date: string, red: number, amber: number, green: number) =>
      `Closed ${name}. Its RAG as at ${date} is kept: ${red} red, ${amber} amber, ${green} green. Its actions get no more reminders.`,
    nowCurrent: (name: string) => `${name} is now the current plan.`,
    carryOverHint: (unfinished: number) => `Type **plan carry-over** to bring ${unfinishedEn(unfinished)} into it.`,
    noCurrentNow: (unfinished: number) =>
      `There is no current plan now: make one with **plan new**${unfinished ? `, then **plan carry-over** to bring ${unfinishedEn(unfinished)} into it.` : '.'}`,
    needClosedAndCurrent: 'Carrying over needs a closed plan and a current one. Type **plan list** to see the plans.',
    nothingToCarry: (current: string, closed: string) => `Nothing to carry over: ${current} already has every unfinished action of ${closed}.`,
    carried: (count: number, closed: string, current: string, numbers: string) =>
      `Carried ${counted('en', count, { one: '{n} unfinished action', other: '{n} unfinished actions' })} of ${closed} into ${current}: ${numbers}. The originals stay in ${closed} with their history.`,
    carriedNote: (from: string) => `Carried over from ${from}`,
    unknown: (sub: string) => `I don’t know **plan ${sub}**. Try:`,
  },
  {
    usage: [
      '**cynllun** neu **cynllun rhestr**: cynlluniau’r rhwydwaith',
      `**cynllun newydd** CYFNOD DECHRAU ENW, e.e. ${EXAMPLE_CY}: cynllun Cyfnod Un (24 mis) neu Gyfnod Dau/Tri (36 mis); drafft tra bo cynllun arall yn gyfredol`,
      '**cynllun cau**: cau’r cynllun cyfredol (cedwir ei RAG fel yr oedd heddiw, daw ei negeseuon atgoffa i ben) a gwneud y drafft diweddaraf yn gyfredol',
      '**cynllun symud-ymlaen**: copïo camau gweithredu heb eu gorffen y cynllun diwethaf a gaewyd i’r cynllun cyfredol, gyda dolen at y rhai gwreiddiol',
    ].join('\n'),
    stageOne: 'Cyfnod Un',
    stageTwo: 'Cyfnod Dau',
    stageThree: 'Cyfnod Tri',
    state: (state: 'draft' | 'current' | 'closed') => ({ draft: 'drafft', current: 'cyfredol', closed: 'ar gau' })[state],
    actions: actionsCy,
    atClose: (red: number, amber: number, green: number) => ` · wrth gau: ${red} coch, ${amber} ambr, ${green} gwyrdd`,
    noPlans: `Does dim cynlluniau eto. Mae mewnforio cynllun gweithredu yn creu’r cyntaf, neu teipiwch ${EXAMPLE_CY}.`,
    notAStage: (word: string) => `Dydy “${word}” ddim yn gyfnod: ysgrifennwch un, dau neu tri, e.e. ${EXAMPLE_CY}.`,
    notAStartDate: (word: string) => `Dydy “${word}” ddim yn ddyddiad dechrau: ysgrifennwch ef fel 2024-04-01.`,
    needName: `Rhowch enw i’r cynllun ar ôl ei ddyddiad dechrau, e.e. ${EXAMPLE_CY}.`,
    made: (plan: string) => `Wedi creu ${plan}.`,
    isDraft: (current: string) => `Drafft yw hwn: bydd ${current} yn aros yn gyfredol nes i chi deipio **cynllun cau**.`,
    isCurrent: 'Dyma’r cynllun cyfredol: mewnforiwch ei gamau gweithredu gyda `techvoice import-actions`.',
    noCurrentToClose: 'Does dim cynllun cyfredol i’w gau. Teipiwch **cynllun rhestr** i weld y cynlluniau.',
    closedPlan: (name: string, date: string, red: number, amber: number, green: number) =>
      `Wedi cau ${name}. Cedwir ei RAG fel yr oedd ar ${date}: ${red} coch, ${amber} ambr, ${green} gwyrdd. Fydd dim rhagor o negeseuon atgoffa am ei gamau gweithredu.`,
    nowCurrent: (name: string) => `${name} yw’r cynllun cyfredol nawr.`,
    carryOverHint: (unfinished: number) => `Teipiwch **cynllun symud-ymlaen** i ddod â’r ${unfinishedCy(unfinished)} iddo.`,
    noCurrentNow: (unfinished: number) =>
      `Does dim cynllun cyfredol nawr: crëwch un gyda **cynllun newydd**${unfinished ? `, yna **cynllun symud-ymlaen** i ddod â’r ${unfinishedCy(unfinished)} iddo.` : '.'}`,
    needClosedAndCurrent: 'I symud camau ymlaen, mae angen cynllun wedi’i gau ac un cyfredol. Teipiwch **cynllun rhestr** i weld y cynlluniau.',
    nothingToCarry: (current: string, closed: string) => `Dim byd i’w symud ymlaen: mae pob cam gweithredu heb ei orffen o ${closed} yn ${current} yn barod.`,
    carried: (count: number, closed: string, current: string, numbers: string) =>
      `Wedi symud ${actionsCy(count)} heb eu gorffen o ${closed} i ${current}: ${numbers}. Mae’r rhai gwreiddiol yn aros yn ${closed} gyda’u hanes.`,
    carriedNote: (from: string) => `Wedi’i symud ymlaen o ${from}`,
    unknown: (sub: string) => `Dydw i ddim yn adnabod **cynllun ${sub}**. Rhowch gynnig ar:`,
  },
);

/** Why a plan file cannot be read at all. */
export type PlanFileProblem =
  | { kind: 'encoding'; looksLike: string | null }
  | { kind: 'csv'; detail: string }
  | { kind: 'workbook' }
  | { kind: 'noRows' };

const SAVE_AS_UTF8_EN = 'In Excel, use File › Save As › “CSV UTF-8 (Comma delimited)” and import that file.';
const SAVE_AS_UTF8_CY = 'Yn Excel, defnyddiwch File › Save As › “CSV UTF-8 (Comma delimited)” a mewnforio’r ffeil honno.';

/** What importing a plan file says: its problems, row by row, and what it did. */
export const importText = defineText(
  'actions:import',
  {
    fileProblem: (problem: PlanFileProblem) => {
      switch (problem.kind) {
        case 'encoding':
          return `The file cannot be read: the file is not UTF-8, UTF-16 or Windows-1252 text${problem.looksLike ? ` (it looks like ${problem.looksLike})` : ''}. ${SAVE_AS_UTF8_EN}`;
        case 'csv':
          return `The file cannot be read: it is not a readable CSV file (${problem.detail})`;
        case 'workbook':
          return 'The file cannot be read: it is not a readable .xlsx workbook. Save it again from Excel as “Excel Workbook (.xlsx)”.';
        case 'noRows':
          return 'The file cannot be read: the workbook has no rows';
      }
    },
    empty: 'The file is empty.',
    duplicateColumns: (row: number, columns: string, field: string) => `Row ${row}: columns ${columns} both hold ${field}; keep one.`,
    and: 'and',
    missingColumns: (row: number, names: string, headers: string) => `Row ${row} (the header) has no column for ${names}. Name the columns e.g. ${headers}.`,
    noActions: 'The file has a header but no actions.',
    at: (row: number, number: string | null) => `Row ${row}${number ? ` (action ${number})` : ''}`,
    cell: (at: string, column: string, header: string, message: string) => `${at}, column ${column} “${header}”: ${message}`,
    notANumber: (value: string) => `${value} is not an action number like 1.6.`,
    numberEmpty: 'the action number is empty.',
    numberTwice: (number: string, row: number) => `action ${number} is already on row ${row}.`,
    textEmpty: 'the action is empty.',
    textTooLong: (length: string, max: string) => `the action is ${length} characters; the most is ${max}.`,
    shortTitleTooLong: (length: string, max: string) => `the short title is ${length} characters; the most is ${max}.`,
    notATheme: (value: string, themes: string, ediOnly: boolean) =>
      `${value} is not a theme. Use ${themes}${ediOnly ? ' (EDI is a cross-cutting tag: add it beside a theme)' : ''}.`,
    themeEmpty: (themes: string) => `the theme is empty. Use ${themes}.`,
    ownerEmpty: 'the owner is empty. Give an e-mail address, or a role or group.',
    notAnEmail: (value: string) => `${value} is not an e-mail address.`,
    dueEmpty: (forms: string) => `the due date is empty. Write it like ${forms}.`,
    notADate: (value: string, forms: string) => `${value} is not a date Techvoice can read. Write it like ${forms} (day before month).`,
    dueForms: '31/03/2026, 2026-03-31, March 2026, Q3 2025, 2025/26 or Ongoing',
    notAStatus: (value: string) => `${value} is not a status. Use Green (complete, done), Amber (in progress) or Red (not started, delayed).`,
    fieldTooLong: (field: 'note' | 'successMeasure' | 'evidence', length: string, max: string) =>
      `the ${{ note: 'note', successMeasure: 'success measure', evidence: 'evidence' }[field]} is ${length} characters; the most is ${max}.`,
    noSuchPlan: (plan: string) => `There is no plan ${plan}.`,
    planClosed: (name: string) => `${name} is closed; its actions are kept as they were. Import into a current or draft plan.`,
    newPlan: 'a new plan',
    listed: (shown: string, more: number) => (more ? `${shown} and ${more} more` : shown),
    summary: (dryRun: boolean, format: string, plan: string, added: number, changed: number, unchanged: number) =>
      `${dryRun ? 'Dry run, nothing changed. The import would bring' : 'Imported'} ${format} into ${plan}: ${added} new, ${changed} changed, ${unchanged} unchanged.`,
    notInFile: (count: number, mode: 'merge' | 'replace', dryRun: boolean, numbers: string) => {
      const gone = mode === 'replace' ? (dryRun ? 'would be removed' : 'were removed') : `${dryRun ? 'would be' : 'were'} kept (use --replace to remove them)`;
      return `${counted('en', count, { one: '{n} action', other: '{n} actions' })} of the plan ${count === 1 ? 'is' : 'are'} not in the file and ${gone}: ${numbers}.`;
    },
    unknownColumn: (column: string) => `Column ${column} is not one Techvoice knows, so it was not imported.`,
    needExplanation: (numbers: string) => `Red without an explanation: ${numbers}. Ask their owners to explain them (they can with **actions**).`,
    workbook: 'Excel workbook',
    utf8WithBom: 'UTF-8 with BOM',
  },
  {
    fileProblem: (problem: PlanFileProblem) => {
      switch (problem.kind) {
        case 'encoding':
          return `Does dim modd darllen y ffeil: dydy hi ddim yn destun UTF-8, UTF-16 na Windows-1252${problem.looksLike ? ` (mae’n edrych fel ${problem.looksLike})` : ''}. ${SAVE_AS_UTF8_CY}`;
        case 'csv':
          return `Does dim modd darllen y ffeil: dydy hi ddim yn ffeil CSV y gellir ei darllen (${problem.detail})`;
        case 'workbook':
          return 'Does dim modd darllen y ffeil: dydy hi ddim yn llyfr gwaith .xlsx y gellir ei ddarllen. Cadwch hi eto o Excel fel “Excel Workbook (.xlsx)”.';
        case 'noRows':
          return 'Does dim modd darllen y ffeil: does dim rhesi yn y llyfr gwaith';
      }
    },
    empty: 'Mae’r ffeil yn wag.',
    duplicateColumns: (row: number, columns: string, field: string) => `Rhes ${row}: mae colofnau ${columns} ill dwy’n dal ${field}; cadwch un.`,
    and: 'a',
    missingColumns: (row: number, names: string, headers: string) => `Does gan res ${row} (y pennawd) ddim colofn ar gyfer ${names}. Enwch y colofnau e.e. ${headers}.`,
    noActions: 'Mae gan y ffeil bennawd ond dim camau gweithredu.',
    at: (row: number, number: string | null) => `Rhes ${row}${number ? ` (cam gweithredu ${number})` : ''}`,
    cell: (at: string, column: string, header: string, message: string) => `${at}, colofn ${column} “${header}”: ${message}`,
    notANumber: (value: string) => `dydy ${value} ddim yn rhif cam gweithredu fel 1.6.`,
    numberEmpty: 'mae rhif y cam gweithredu’n wag.',
    numberTwice: (number: string, row: number) => `mae cam gweithredu ${number} eisoes ar res ${row}.`,
    textEmpty: 'mae’r cam gweithredu’n wag.',
    textTooLong: (length: string, max: string) => `mae’r cam gweithredu’n ${length} nod; yr uchafswm yw ${max}.`,
    shortTitleTooLong: (length: string, max: string) => `mae’r teitl byr yn ${length} nod; yr uchafswm yw ${max}.`,
    notATheme: (value: string, themes: string, ediOnly: boolean) =>
      `dydy ${value} ddim yn thema. Defnyddiwch ${themes}${ediOnly ? ' (tag trawsbynciol yw CAC: ychwanegwch ef wrth ymyl thema)' : ''}.`,
    themeEmpty: (themes: string) => `mae’r thema’n wag. Defnyddiwch ${themes}.`,
    ownerEmpty: 'mae’r perchennog yn wag. Rhowch gyfeiriad e-bost, neu rôl neu grŵp.',
    notAnEmail: (value: string) => `dydy ${value} ddim yn gyfeiriad e-bost.`,
    dueEmpty: (forms: string) => `mae’r dyddiad cau’n wag. Ysgrifennwch ef fel ${forms}.`,
    notADate: (value: string, forms: string) => `dydy ${value} ddim yn ddyddiad y gall Techvoice ei ddarllen. Ysgrifennwch ef fel ${forms} (y diwrnod cyn y mis).`,
    dueForms: '31/03/2026, 2026-03-31, Mawrth 2026, Ch3 2025, 2025/26 neu Parhaus',
    notAStatus: (value: string) => `dydy ${value} ddim yn statws. Defnyddiwch Gwyrdd (wedi’i gwblhau), Ambr (ar y gweill) neu Coch (heb ddechrau, wedi’i oedi).`,
    fieldTooLong: (field: 'note' | 'successMeasure' | 'evidence', length: string, max: string) =>
      `mae’r ${{ note: 'nodyn', successMeasure: 'mesur llwyddiant', evidence: 'dystiolaeth' }[field]} yn ${length} nod; yr uchafswm yw ${max}.`,
    noSuchPlan: (plan: string) => `Does dim cynllun ${plan}.`,
    planClosed: (name: string) => `Mae ${name} ar gau; cedwir ei gamau gweithredu fel yr oedden nhw. Mewnforiwch i gynllun cyfredol neu ddrafft.`,
    newPlan: 'cynllun newydd',
    listed: (shown: string, more: number) => (more ? `${shown} a ${more} arall` : shown),
    summary: (dryRun: boolean, format: string, plan: string, added: number, changed: number, unchanged: number) =>
      `${dryRun ? 'Rhediad prawf, dim wedi newid. Byddai’r mewnforio’n dod â' : 'Wedi mewnforio'} ${format} i ${plan}: ${added} newydd, ${changed} wedi newid, ${unchanged} heb newid.`,
    notInFile: (count: number, mode: 'merge' | 'replace', dryRun: boolean, numbers: string) => {
      const gone =
        mode === 'replace' ? (dryRun ? 'byddent yn cael eu dileu' : 'maen nhw wedi’u dileu') : `${dryRun ? 'byddent yn cael eu cadw' : 'maen nhw wedi’u cadw'} (defnyddiwch --replace i’w dileu)`;
      return `Dydy ${counted('cy', count, { zero: '{n} cam gweithredu', one: '{n} cam gweithredu', two: '{n} gam gweithredu', few: '{n} cham gweithredu', many: '{n} cham gweithredu', other: '{n} cam gweithredu' })} o’r cynllun ddim yn y ffeil, a ${gone}: ${numbers}.`;
    },
    unknownColumn: (column: string) => `Dydy Techvoice ddim yn adnabod colofn ${column}, felly chafodd hi mo’i mewnforio.`,
    needExplanation: (numbers: string) => `Coch heb esboniad: ${numbers}. Gofynnwch i’w perchnogion eu hesbonio (gallant wneud hynny gyda **camau**).`,
    workbook: 'Llyfr gwaith Excel',
    utf8WithBom: 'UTF-8 gyda BOM',
  },
);

/** The fixed words of the update form (cards/action-update.json). */
export const actionUpdateLabels = defineText(
  'card:action-update',
  {
    update: 'Update',
    status: 'RAG status',
    statusRequired: 'Choose a RAG status.',
    note: 'Progress note',
    evidence: 'Evidence (link or short description)',
    save: 'Save update',
    history: 'History',
  },
  {
    update: 'Diweddaru',
    status: 'Statws RAG',
    statusRequired: 'Dewiswch statws RAG.',
    note: 'Nodyn cynnydd',
    evidence: 'Tystiolaeth (dolen neu ddisgrifiad byr)',
    save: 'Cadw’r diweddariad',
    history: 'Hanes',
  },
).languages;

/** The fixed words of the actions list (cards/actions-list.json). */
export const actionsListLabels = defineText('card:actions-list', { update: 'Update', previous: 'Previous', next: 'Next' }, { update: 'Diweddaru', previous: 'Blaenorol', next: 'Nesaf' }).languages;

/** The fixed words of an owner's reminder (cards/reminder.json). */
export const reminderLabels = defineText(
  'card:reminder',
  { heading: 'Reminder: action', update: 'Update', markDone: 'Mark done', snooze: `Snooze ${daysEn(SNOOZE_DAYS)}`, action: 'action' },
  { heading: 'Nodyn atgoffa: cam gweithredu', update: 'Diweddaru', markDone: 'Marcio’n gyflawn', snooze: `Gohirio am ${daysCy(SNOOZE_DAYS)}`, action: 'cam gweithredu' },
).languages;
