import { defineAction, defineCommand } from '../interactions';
import { addConsultation, consultationForm, narrativeEdit, narrativeList, narrativeSave, quoteCommand, showProfile, submitProfile } from './chat';
import { consultationAddInput, narrativeEditInput, narrativeListInput, narrativeSaveInput, profileSaveInput } from './inputs';

export const submissionActions = [
  defineAction({ verb: 'profile.save', input: profileSaveInput, who: 'admins', audit: [], run: submitProfile }),
  defineAction({ verb: 'narrative.list', input: narrativeListInput, who: 'chairs', run: (deps, session) => narrativeList(deps, session) }),
  defineAction({ verb: 'narrative.edit', input: narrativeEditInput, who: 'chairs', run: (deps, session, input) => narrativeEdit(deps, session, input.section) }),
  defineAction({ verb: 'narrative.save', input: narrativeSaveInput, who: 'chairs', audit: ['section'], run: narrativeSave }),
  defineAction({ verb: 'consultation.add', input: consultationAddInput, who: 'chairs', audit: ['heldOn', 'kind'], run: addConsultation }),
];

export const submissionCommands = [
  defineCommand({
    name: 'narrative',
    cy: { name: 'naratif', aliases: ['cyflwyniad'], help: 'Drafftio adrannau’r cyflwyniad hunanasesu' },
    aliases: ['submission'],
    help: 'Draft the sections of the self-assessment submission',
    who: 'chairs',
    run: async (deps, session, args) => ({ card: args.trim() ? await narrativeEdit(deps, session, args.trim().toLowerCase()) : await narrativeList(deps, session) }),
  }),
  defineCommand({
    name: 'consultation',
    cy: { name: 'ymgynghoriad', aliases: ['ymgynghoriadau'], help: 'Cofnodi fforwm, gweithdy, grŵp ffocws, arolwg neu gyfarfod agored a luniodd y cynllun' },
    aliases: ['consultations'],
    help: 'Record a forum, workshop, focus group, survey or town hall that shaped the plan',
    who: 'chairs',
    run: async (deps, session) => ({ card: await consultationForm(deps, session) }),
  }),
  defineCommand({
    name: 'quote',
    cy: { name: 'dyfyniad', usage: 'dyfyniad FB-12 [i ffwrdd]', help: 'Caniatáu (neu atal) dyfynnu eitem adborth air am air yn y cyflwyniad, byth gyda’i hawdur' },
    usage: 'quote FB-12 [off]',
    help: 'Allow (or stop) quoting a feedback item word for word in the submission, never with its author',
    who: 'chairs',
    audited: true,
    run: async (deps, session, args) => ({ text: await quoteCommand(deps, session, args) }),
  }),
  defineCommand({
    name: 'profile',
    cy: { name: 'proffil', help: 'Golygu proffil y sefydliad: enw, arweinydd sefydliadol, tudalen we, llywodraethu' },
    help: 'Edit the institution profile: name, institutional lead, web page, governance',
    who: 'admins',
    run: async (deps, session) => ({ card: await showProfile(deps, session) }),
  }),
];
