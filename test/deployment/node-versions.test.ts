import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const dockerfile = readFileSync(join(root, 'deployment/Dockerfile'), 'utf8');
const template = JSON.parse(readFileSync(join(root, 'deployment/azure/main.json'), 'utf8')) as {
  parameters: { nodeVersion: { allowedValues: string[] } };
};

/** The major versions `engines` names: it lists majors only ("20.x || 22.x || 24.x"). */
const engineMajors = (): number[] =>
  pkg.engines.node.split('||').map((range) => {
    const match = /^\s*(\d+)\.x\s*$/.exec(range);
    assert.ok(match, `engines.node lists majors as N.x, not “${range.trim()}”`);
    return Number(match[1]);
  });

describe('Node versions', () => {
  it('engines names the Node these tests run on', () => {
    assert.ok(engineMajors().includes(Number(process.versions.node.split('.')[0])), `${process.versions.node} is not in engines ${pkg.engines.node}`);
  });

  it('engines names every Node a deployment runs on, and nothing open-ended', () => {
    const deployed = [
      ...[...dockerfile.matchAll(/^FROM node:(\d+)-/gm)].map((m) => Number(m[1])),
      ...template.parameters.nodeVersion.allowedValues.map((v) => Number(v.split('-')[0])),
    ];
    for (const major of deployed) assert.ok(engineMajors().includes(major), `Node ${major} is deployed but not in engines`);
    assert.ok(!deployed.includes(20), 'Node 20 reached end of life in April 2026: deployments use a supported LTS');
    assert.doesNotMatch(pkg.engines.node, />=/, 'no promise about versions nobody has run');
  });
});
