import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CliIo } from './cli-io';
import type { Store } from './core/store';
import type { Network } from './core/model';
import { consultationSchema, currentProfile, firstProblem, narrativeSchema, profileSchema, recordConsultation, saveNarrative, saveProfile, SUBMISSION_LIMITS, type ProfileInput } from './core/submission/editing';
import { narrativePlanId } from './core/submission/chat';
import { NARRATIVE_SECTIONS } from './core/submission/model';
import { sectionInfo } from './core/submission/sections';


export const SUBMISSION_USAGE = `  profile --network ID [--name N] [--lead-name N] [--lead-email E] [--lead-phone P] [--head-name N]
          [--signatory-date YYYY-MM-DD] [--web-page URL] [--stage one|two|three] [--plan-period TEXT]
          [--governance-file FILE]          Show or change the institution profile (--name renames the network)
  narrative --network ID [--section S (--file FILE | --text TEXT)]
                                            List the submission's narrative sections, or write one (S: ${NARRATIVE_SECTIONS.join(', ')})
  consultation --network ID [--date YYYY-MM-DD --kind K --participants N (--summary TEXT | --summary-file FILE) [--actions "3.1,3.2"]]
                                            List the recorded consultations, or record one
  quote --network ID --feedback N [--off]   Allow (or, with --off, stop) quoting feedback FB-N word for word in the submission`;

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[i + 1] : null;
}

async function networkOf(store: Store, args: string[], io: CliIo): Promise<Network | null> {
  const id = option(args, '--network');
  if (!id) {
    io.err('Say which network with --network ID (see `techvoice networks`).');
    return null;
  }
  const network = await store.getNetwork(id);
  if (!network) io.err(`No network with id ${id}. Run \`techvoice networks\` to see the ids.`);
  return network;
}

/** Reads a text file for a long field; null (after saying why) when it cannot be read. */
function readText(file: string, io: CliIo): string | null {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return null;
  }
}

const PROFILE_OPTIONS: [keyof ProfileInput, string][] = [
  ['name', '--name'],
  ['leadName', '--lead-name'],
  ['leadEmail', '--lead-email'],
  ['leadPhone', '--lead-phone'],
  ['headName', '--head-name'],
  ['signatoryDate', '--signatory-date'],
  ['webPage', '--web-page'],
  ['stage', '--stage'],
  ['planPeriod', '--plan-period'],
];

export async function profileCommand(store: Store, args: string[], io: CliIo): Promise<number> {
  const network = await networkOf(store, args, io);
  if (!network) return 1;
  const current = await currentProfile(store, network);
  const changes: Partial<Record<keyof ProfileInput, string>> = {};
  for (const [field, flag] of PROFILE_OPTIONS) {
    const value = option(args, flag);
    if (value !== null) changes[field] = value;
  }
  const governanceFile = option(args, '--governance-file');
  if (governanceFile) {
    const text = readText(governanceFile, io);
    if (text === null) return 1;
    changes.governance = text;
  }
  if (Object.keys(changes).length > 0) {
    const parsed = profileSchema(SUBMISSION_LIMITS.fileText).safeParse({ ...current, ...changes });
    if (!parsed.success) {
      io.err(`Nothing was changed: ${firstProblem(parsed.error)}`);
      return 2;
    }
    const saved = await saveProfile(store, network, parsed.data, new Date().toISOString());
    io.out(`Saved the institution profile of ${saved.network.name}${saved.network.name !== network.name ? ` (renamed from ${network.name})` : ''}.`);
    Object.assign(current, parsed.data);
  }
  const rows: [string, string][] = [
    ['Institution', current.name],
    ['Institutional lead', current.leadName],
    ['E-mail', current.leadEmail],
    ['Contact number', current.leadPhone],
    ['Head of institution', current.headName],
    ['Signatory since', current.signatoryDate],
    ['Web page', current.webPage],
    ['Stage', current.stage],
    ['Plan period', current.planPeriod],
    ['Governance', current.governance ? `${current.governance.length.toLocaleString('en-GB')} characters` : ''],
  ];
  for (const [label, value] of rows) io.out(`${`${label}:`.padEnd(22)}${value || '(not given yet)'}`);
  return 0;
}

export async function narrativeCommand(store: Store, args: string[], io: CliIo): Promise<number> {
  const network = await networkOf(store, args, io);
  if (!network) return 1;
  const section = option(args, '--section');
  const stage = (await store.getInstitutionProfile(network.id))?.stage ?? 'two';
  if (!section) {
    const written = new Map((await store.listNarrativeSections(network.id, await narrativePlanId(store, network.id))).map((s) => [s.section, s.text]));
    for (const key of NARRATIVE_SECTIONS) {
      const text = written.get(key) ?? '';
      io.out(`${key.padEnd(12)} ${sectionInfo(stage, key).name}: ${text ? `${text.length.toLocaleString('en-GB')} characters` : 'not written yet'}`);
    }
    return 0;
  }
  const file = option(args, '--file');
  const inline = option(args, '--text');
  if ((file === null) === (inline === null)) {
    io.err('Give the section’s text with --file FILE or --text "…" (one of them).');
    return 2;
  }
  const text = file !== null ? readText(file, io) : inline;
  if (text === null) return 1;
  const parsed = narrativeSchema(SUBMISSION_LIMITS.fileText).safeParse({ section, text });
  if (!parsed.success) {
    io.err(`Nothing was saved: ${firstProblem(parsed.error)}`);
    return 2;
  }
  await saveNarrative(store, network, await narrativePlanId(store, network.id), parsed.data.section, parsed.data.text, new Date().toISOString());
  io.out(`Saved “${sectionInfo(stage, parsed.data.section).name}” (${parsed.data.text.length.toLocaleString('en-GB')} characters) for ${network.name}.`);
  return 0;
}

export async function consultationCommand(store: Store, args: string[], io: CliIo): Promise<number> {
  const network = await networkOf(store, args, io);
  if (!network) return 1;
  const date = option(args, '--date');
  if (date === null) {
    const all = await store.listConsultations(network.id);
    if (all.length === 0) io.out('No consultations recorded yet.');
    for (const c of all) io.out(`${c.heldOn}  ${c.kind}  ${c.participants} people${c.actionsShaped.length ? `  shaped ${c.actionsShaped.join(', ')}` : ''}  ${c.summary.split('\n')[0].slice(0, 80)}`);
    return 0;
  }
  const summaryFile = option(args, '--summary-file');
  const summary = summaryFile !== null ? readText(summaryFile, io) : (option(args, '--summary') ?? '');
  if (summary === null) return 1;
  const parsed = consultationSchema(SUBMISSION_LIMITS.fileText).safeParse({ heldOn: date, kind: option(args, '--kind') ?? '', participants: option(args, '--participants') ?? '', summary, actionsShaped: option(args, '--actions') ?? '' });
  if (!parsed.success) {
    io.err(`Nothing was recorded: ${firstProblem(parsed.error)}`);
    return 2;
  }
  // The same consultation given twice (a re-run script) is recorded once.
  const id = createHash('sha256').update(JSON.stringify([network.id, parsed.data.heldOn, parsed.data.kind, parsed.data.summary])).digest('hex').slice(0, 32);
  const result = await recordConsultation(store, network, id, parsed.data, new Date().toISOString());
  if ('unknownActions' in result) {
    io.err(`Nothing was recorded: there is no action ${result.unknownActions.join(', ')} in the plan.`);
    return 2;
  }
  io.out(result.created ? `Recorded the ${result.consultation.kind} of ${result.consultation.heldOn} (${result.consultation.participants} people).` : `That ${result.consultation.kind} of ${result.consultation.heldOn} was already recorded; nothing changed.`);
  return 0;
}

export async function quoteCli(store: Store, args: string[], io: CliIo): Promise<number> {
  const network = await networkOf(store, args, io);
  if (!network) return 1;
  const number = Number((option(args, '--feedback') ?? '').replace(/^FB-?/i, ''));
  if (!Number.isInteger(number) || number < 1) {
    io.err('Say which feedback with --feedback N (the number of FB-N).');
    return 2;
  }
  if (!(await store.getFeedback(network.id, number))) {
    io.err(`There is no feedback FB-${number} in ${network.name}.`);
    return 1;
  }
  const on = !args.includes('--off');
  await store.setQuotable(network.id, number, on);
  io.out(on ? `FB-${number} may be quoted word for word in the submission, never with its author, once its theme has at least ${network.anonymityThreshold} feedback items.` : `FB-${number} will no longer be quoted.`);
  return 0;
}
