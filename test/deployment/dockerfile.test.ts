import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Copy, DockerfileParser, type From, type Instruction } from 'dockerfile-ast';
import { startCommand } from './start-command';

const root = join(__dirname, '..', '..');
const text = readFileSync(join(root, 'deployment/Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(text);
const instructions = dockerfile.getInstructions();
const froms = dockerfile.getFROMs();

interface Stage {
  from: From;
  name: string | null;
  instructions: Instruction[];
}

/** The instructions of each build stage, in order. */
function stages(): Stage[] {
  return froms.map((from, i) => {
    const start = instructions.indexOf(from);
    const end = i + 1 < froms.length ? instructions.indexOf(froms[i + 1]) : instructions.length;
    return { from, name: from.getBuildStage(), instructions: instructions.slice(start + 1, end) };
  });
}

const keyword = (stage: Stage, k: string) => stage.instructions.filter((i) => i.getKeyword() === k);
const argumentsText = (i: Instruction) => i.getArgumentsContent() ?? '';
const finalStage = () => stages()[stages().length - 1];

describe('Dockerfile (deployment/Dockerfile)', () => {
  it('parses into at least two stages, every one on node:24-bookworm-slim (a supported LTS)', () => {
    assert.ok(froms.length >= 2, 'multi-stage');
    const last = finalStage().from;
    assert.equal(last.getImageName(), 'node');
    assert.equal(last.getImageTag(), '24-bookworm-slim');
    for (const from of froms.filter((f) => f.getImageName() === 'node')) assert.equal(from.getImageTag(), '24-bookworm-slim', 'native modules are built for the Node that runs them');
  });

  it('builds with npm ci and npm run build, and installs production dependencies with npm ci --omit=dev', () => {
    const runs = stages().flatMap((s) => keyword(s, 'RUN').map(argumentsText));
    assert.ok(runs.some((r) => /\bnpm ci(?!\s+--omit)/.test(r)), 'npm ci (all dependencies) for the build');
    assert.ok(runs.some((r) => /\bnpm run build\b/.test(r)), 'npm run build');
    assert.ok(runs.some((r) => /\bnpm ci --omit=dev\b/.test(r)), 'npm ci --omit=dev');
    assert.ok(
      runs.some((r) => /\bpython3\b/.test(r) && /\bmake\b/.test(r) && /\bg\+\+/.test(r)),
      'native build tools for better-sqlite3',
    );
    assert.ok(!keyword(finalStage(), 'RUN').some((r) => /\bg\+\+|\bnpm ci\b/.test(argumentsText(r))), 'no compiling in the runtime stage');
  });

  it('copies from stages that exist and from paths that exist in the repository', () => {
    const names = new Set(stages().map((s) => s.name).filter((n): n is string => n !== null));
    for (const copy of dockerfile.getCOPYs() as Copy[]) {
      const from = copy.getFromFlag()?.getValue();
      const args = copy.getArguments().map((a) => a.getValue());
      if (from) assert.ok(names.has(from), `COPY --from=${from} names a stage`);
      else for (const source of args.slice(0, -1)) assert.ok(existsSync(join(root, source)), `${source} exists`);
    }
  });

  it('runs as the non-root user node in the final stage', () => {
    const users = keyword(finalStage(), 'USER').map(argumentsText);
    assert.ok(users.length > 0, 'USER is set');
    const user = users[users.length - 1];
    assert.notEqual(user, 'root');
    assert.notEqual(user.split(':')[0], '0');
    assert.equal(user, 'node');
  });

  it('exposes 3978 and checks /healthz with node (slim images have no curl)', () => {
    const exposed = keyword(finalStage(), 'EXPOSE').flatMap((e) => e.getArguments().map((a) => a.getValue()));
    assert.ok(exposed.includes('3978'));
    const checks = dockerfile.getHEALTHCHECKs();
    assert.equal(checks.length, 1);
    const check = argumentsText(checks[0]);
    assert.match(check, /\bCMD\b/);
    assert.match(check, /\/healthz/);
    assert.match(check, /"node"/);
    assert.doesNotMatch(check, /\bcurl\b|\bwget\b/);
    assert.ok(finalStage().instructions.includes(checks[0]), 'in the final stage');
  });

  it('starts the server as npm start does (node, its flags, dist/src/main.js)', () => {
    const cmds = keyword(finalStage(), 'CMD');
    assert.equal(cmds.length, 1);
    const args = JSON.parse(argumentsText(cmds[0])) as string[];
    assert.deepEqual(args, startCommand().split(' '));
  });

  it('keeps local builds, data and secrets out of the build context', () => {
    const ignore = readFileSync(join(root, 'deployment/Dockerfile.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const entry of ['node_modules', 'dist', 'data', '.env', '.git']) assert.ok(ignore.includes(entry), entry);
  });
});
