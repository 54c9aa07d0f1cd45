/**
 * `npm run demo`: Techvoice with the playground and the demo network, in its own database
 * file so that trying the demo never mixes with real data. Settings given in the
 * environment still win.
 */
process.env.PLAYGROUND ??= 'on';
process.env.DEMO_DATA ??= 'on';
process.env.TECHVOICE_DB ??= 'data/demo.db';
// Loaded after the defaults above, because the server reads its configuration as it starts.
require('../main');
