import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlaygroundServer } from './support';

const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/** The README's "Posted activities" commands, pointed at the test server instead of port 3978. */
function readmeExample(port: number): { activity: string; repliesUrl: string } {
  const block = /```bash\n(curl -X POST http:\/\/localhost:3978\/api\/messages[\s\S]*?)```/.exec(README)?.[1];
  assert.ok(block, 'the README has the curl example');
  const here = block.replaceAll('localhost:3978', `127.0.0.1:${port}`);
  const activity = /-d '([\s\S]*?)'/.exec(here)?.[1];
  const repliesUrl = /curl '(http:[^']*\/playground\/activities[^']*)'/.exec(here)?.[1];
  assert.ok(activity && repliesUrl, 'the example posts an activity and then reads the reply');
  return { activity, repliesUrl };
}

describe('README: posting an activity with curl', () => {
  let server: PlaygroundServer;
  before(async () => {
    server = await PlaygroundServer.start();
  });
  after(async () => {
    await server?.close();
  });

  it('answers at once, the reply can be read as documented, and no stray network is created', async () => {
    const networksBefore = (await server.store.listNetworks()).map((n) => n.name);
    const { activity, repliesUrl } = readmeExample(server.port);
    const started = Date.now();
    const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity });
    assert.equal(response.status, 200);
    assert.ok(Date.now() - started < 3000, `answered in ${Date.now() - started} ms`);
    const replies = (await (await fetch(repliesUrl)).json()) as { activities: { activity: Record<string, unknown> }[] };
    assert.match(JSON.stringify(replies.activities.map((a) => a.activity.attachments)), /feedback[\s\S]*pulse/, 'the help card is there');
    assert.deepEqual((await server.store.listNetworks()).map((n) => n.name), networksBefore);
  });
});
